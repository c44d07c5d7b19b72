"""The one audit path: `record(...)` writes a row; `describe(event)` says it in plain Norwegian."""

from audit.models import Action, AuditEvent, Basis

ANONYMOUS_ROLE = "anonym"  # kept as the role when no one was signed in (e.g. answering by link)
SYSTEM_ROLE = "system"  # Medvandrer itself: a data migration that tidied something up

# object type -> (how the person reads it in «Hvem har sett mine opplysninger», neutral name for staff)
OBJECT_LABELS: dict[str, tuple[str, str]] = {
    "person": ("oversikten din", "personoversikt"),
    "about": ("«Om meg»", "«Om meg»"),
    "consent": ("samtykkene dine", "samtykker"),
    "block": ("sperrene dine", "sperrer"),
    "access_log": ("loggen over hvem som har sett opplysningene dine", "personens innsynslogg"),
    "invite": ("invitasjonen din", "invitasjon"),
    "account": ("kontoen din", "konto"),
    "reset_link": ("en lenke for nytt passord", "lenke for nytt passord"),
    "password_reset_mail": ("en e-post for nytt passord", "e-post for nytt passord"),
    "short_code": ("en kode du skrev inn i stedet for en lenke", "kode for lenke"),
    "care_relation": ("hvem som er fast kontakt for deg", "fast kontakt"),
    "audit_log": ("organisasjonens logg", "organisasjonens logg"),
    "form": ("et skjema", "skjema"),
    "person_list": ("navnet ditt i personlisten sin", "personliste"),
    "team": ("et team", "team"),
}


def register_object_type(key: str, for_person: str, neutral: str) -> None:
    """Apps that hold person data name their object types here."""
    OBJECT_LABELS[key] = (for_person, neutral)


def object_label(key: str, *, for_person: bool) -> str:
    labels = OBJECT_LABELS.get(key)
    return (labels[0] if for_person else labels[1]) if labels else key


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
        object_type=object_type,
        object_id=str(object_id)[:64] if object_id is not None else "",
        action=action,
        basis=basis,
    )
    event.save(force_insert=True)
    return event


def _event(actor, *, organisation_id=None, **fields) -> AuditEvent:
    """Who did it, as the log keeps it: a staff member by name, a person by role only."""
    from accounts.models import STAFF_ROLES

    authenticated = actor is not None and actor.is_authenticated
    return AuditEvent(
        actor_id=actor.pk if authenticated else None,
        actor_name=actor.display_name if authenticated and actor.role in STAFF_ROLES else "",
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

    start_of_day = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    seen_today = set(
        AuditEvent.objects.filter(actor_id=actor.pk, object_type=object_type, at__gte=start_of_day).values_list(
            "person_id", flat=True
        )
    )
    AuditEvent.objects.bulk_create(
        _event(actor, person_id=person_id, object_type=object_type, action=Action.READ, basis=basis)
        for person_id, basis in bases.items()
        if person_id not in seen_today
    )


def describe(event: AuditEvent) -> dict:
    """Who, what and why of one event, worded for the person whose data it is."""
    from accounts.models import Role

    yourself = event.actor_role == Role.PERSON and event.actor_id is not None and event.basis == Basis.SELF
    who, role = describe_actor(event.actor_name, event.actor_role, yourself=yourself)
    # «Du (deltaker) … Grunnlag: personen selv» says nothing the person does not know.
    return {
        "at": event.at,
        "who": who,
        "role": role,
        "action": Action(event.action).label if event.action in Action.values else event.action,
        "what": object_label(event.object_type, for_person=True),
        "basis": Basis(event.basis).label if event.basis in Basis.values and not yourself else "",
        "denied": event.action == Action.DENIED,
    }


def describe_actor(actor_name: str, actor_role: str, *, yourself: bool) -> tuple[str, str]:
    """Who did it and in which role, as the person reads it: (who, role label or "")."""
    from accounts.models import Role

    if yourself:
        return "Du", ""
    if actor_name:
        who = actor_name
    elif actor_role == SYSTEM_ROLE:
        who = "Medvandrer"
    elif actor_role == ANONYMOUS_ROLE:
        who = "Noen som ikke var logget inn"
    else:
        who = "En bruker"
    return who, Role(actor_role).label if actor_role in Role.values else ""
