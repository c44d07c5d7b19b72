"""The one audit path: `record(...)` writes a row, `record_reads(...)` one per person on a list.

Both refuse an object type or action that is not declared (audit/types.py, audit/models.py):
nothing reaches the log without a name the person can read. This module, like all of
`audit`, knows nothing of accounts or persons: an actor is anything with `pk`,
`is_authenticated`, `role`, `is_staff_role`, `display_name` and `organisation_id`. How the
person reads a row is people/access_log.py's business.
"""

from audit.models import Action, AuditEvent, Basis
from audit.types import UnknownAuditType
from audit.types import object_type as declared_type

ANONYMOUS_ROLE = "anonym"  # kept as the role when no one was signed in (e.g. answering by link)
SYSTEM_ROLE = "system"  # Medvandrer itself: a data migration or the retention job tidying up


class SystemActor:
    """The actor of Medvandrer's own rows (the retention job, operations' commands): no user,
    role "system"."""

    pk = None
    is_authenticated = True
    role = SYSTEM_ROLE
    is_staff_role = False
    display_name = ""
    organisation_id = None


SYSTEM = SystemActor()


def record(
    *,
    actor=None,
    action: str,
    object_type: str,
    object_id="",
    person=None,
    person_id: int | None = None,
    basis: str = "",
    organisation_id: int | None = None,
) -> AuditEvent:
    if person is not None:
        person_id = person.pk
        organisation_id = organisation_id or person.organisation_id
    event = _event(
        actor,
        organisation_id=organisation_id,
        person_id=person_id,
        object_type=declared_type(object_type),
        object_id=str(object_id)[:64] if object_id is not None else "",
        action=_declared_action(action),
        basis=_declared_basis(basis),
    )
    event.save(force_insert=True)
    return event


def _declared_action(action: str) -> str:
    if action not in Action.values:
        raise UnknownAuditType(f"Unknown audit action {action!r}: declare it in audit.models.Action.")
    return action


def _declared_basis(basis: str) -> str:
    if basis and basis not in Basis.values:
        raise UnknownAuditType(f"Unknown audit basis {basis!r}: declare it in audit.models.Basis.")
    return basis


def _event(actor, *, organisation_id=None, **fields) -> AuditEvent:
    """Who did it, as the log keeps it: a staff member by name, a person by role only."""
    authenticated = actor is not None and actor.is_authenticated
    return AuditEvent(
        actor_id=actor.pk if authenticated else None,
        actor_name=actor.display_name if authenticated and actor.is_staff_role else "",
        actor_role=actor.role if authenticated else ANONYMOUS_ROLE,
        organisation_id=organisation_id if organisation_id is not None or not authenticated else actor.organisation_id,
        **fields,
    )


def record_reads(*, actor, object_type: str, bases: dict) -> None:
    """One read row per person shown on a page that lists several persons' data
    (`bases`: person id -> basis), in one insert. A person who already has a row for this
    page and this user today gets no second one: a line per page view would bury
    everything else in their access log."""
    from django.utils import timezone

    if not bases:
        return
    object_type = declared_type(object_type)
    start_of_day = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    seen_today = set(
        AuditEvent.objects.filter(actor_id=actor.pk, object_type=object_type, at__gte=start_of_day).values_list(
            "person_id", flat=True
        )
    )
    new = [
        _event(actor, person_id=person_id, object_type=object_type, action=Action.READ, basis=_declared_basis(basis))
        for person_id, basis in bases.items()
        if person_id not in seen_today
    ]
    if new:  # most views of a list are a second look the same day: nothing to write
        AuditEvent.objects.bulk_create(new)
