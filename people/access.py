"""The one path to a person's data.

Every view that shows or changes anything about a person gets it, with the grant – the
basis and whether they may write – from one of the named entry points below:
`person_for_read`, `_page`, `_edit`, `_write`, `_self_only`, `_care_relation_only`, and
`object_for_read`, `_page`, `_edit`, `_delete`, `_write` for the things that belong to a person.
`person, grant = access.person_for_edit(request, person_id, ObjectType.GOAL)`. Each decides
whether the signed-in user may, on which basis, and writes the audit row – also when the
answer is no. A refusal is a 404, so nobody learns whether
a person exists in another organisation. tests/test_authorization_matrix.py walks
every URL and role through it, and tests/test_person_urls_use_access.py fails if a
view that takes a person id reads the person any other way.

Who may:
- the person themself: read and write;
- staff with an active care relation ("fast kontakt"): read and write;
- staff in a team the person has given consent to (active, not expired): read only;
- never a staff member the person has blocked, never anyone in another organisation,
  and team leaders and admins only like anyone else (no extra rights to content).
"""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from accounts.models import Role
from audit.log import record
from audit.models import Action, Basis
from audit.types import ObjectType
from people.models import Block, CareRelation, Consent, Person

READ_ACTIONS = {Action.READ, Action.EXPORT, Action.PRINT}
SELF_ONLY = frozenset({Basis.SELF})
CARE_RELATION_ONLY = frozenset({Basis.RELATION})


class NoAccess(Http404):
    pass


@dataclass(frozen=True)
class Access:
    basis: str  # audit.models.Basis
    can_write: bool

    @property
    def is_self(self) -> bool:
        """The person is looking at their own data: pages speak to them as «du»."""
        return self.basis == Basis.SELF


def with_access_facts(persons, user):
    """The persons, each carrying what `decide` needs to know about `user` – blocked, care
    relation, consent – fetched in the same query (one query per request, not four)."""
    return persons.annotate(
        blocks_user=Exists(Block.objects.filter(person=OuterRef("pk"), staff=user)),
        related_to_user=Exists(CareRelation.objects.active().filter(person=OuterRef("pk"), staff=user)),
        consented_to_user=Exists(Consent.objects.active().filter(person=OuterRef("pk"), team__members=user)),
    )


def decide(user, person: Person) -> Access | None:
    """The basis on which `user` may see `person`'s data, or None. No audit, no side effects.
    Uses the facts `with_access_facts` put on the person, or looks them up."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.organisation_id is None or user.organisation_id != person.organisation_id:
        return None
    if user.role == Role.PERSON:
        return Access(Basis.SELF, can_write=True) if person.user_id == user.pk else None
    if not hasattr(person, "blocks_user"):
        person = with_access_facts(Person.objects.filter(pk=person.pk), user).get()
    if person.blocks_user:
        return None
    if person.related_to_user:
        return Access(Basis.RELATION, can_write=True)
    if person.consented_to_user:
        return Access(Basis.CONSENT, can_write=False)
    return None


def person_for_read(request, person_id, object_type=ObjectType.PERSON, *, action=Action.READ, object_id=""):
    """(person, grant) for a page that shows the person's data (`action`: a read, an export or a print)."""
    if action not in READ_ACTIONS:
        raise ValueError(f"person_for_read is for reads, not {action!r}")
    return _decide_and_audit(request, person_id, action=action, object_type=object_type, object_id=object_id)


def person_for_page(request, person_id, object_type, *, on_post, object_id=""):
    """(person, grant) for a page everyone who may see the person may open, with a form only those
    who may write can send: opening it is a read, sending it is `on_post`."""
    return _decide_and_audit(
        request, person_id, action=_on(request, on_post), object_type=object_type, object_id=object_id
    )


def person_for_edit(request, person_id, object_type, *, on_post=Action.UPDATE, object_id=""):
    """(person, grant) for an edit form: only those who may write may even open it."""
    return _decide_and_audit(
        request, person_id, action=_on(request, on_post), object_type=object_type, object_id=object_id, need_write=True
    )


def person_for_write(request, person_id, object_type, *, action, object_id=""):
    """(person, grant) for a change sent without a page of its own (a tick, a move, a delete)."""
    if action in READ_ACTIONS:
        raise ValueError(f"person_for_write is for changes, not {action!r}")
    return _decide_and_audit(request, person_id, action=action, object_type=object_type, object_id=object_id)


def person_for_self_only(request, person_id, object_type, *, action=Action.READ, on_post=None, object_id=""):
    """(person, grant) for what only the person themself may see or do: their consents, blocks,
    access log, erasure, data download, «vanskelig nå»."""
    return _decide_and_audit(
        request,
        person_id,
        action=_on(request, on_post, action),
        object_type=object_type,
        object_id=object_id,
        only=SELF_ONLY,
    )


def person_for_care_relation_only(request, person_id, object_type, *, action=Action.READ, on_post=None, object_id=""):
    """(person, grant) for what only a staff member with a care relation may do: invitations,
    evaluation links to the person's own phone."""
    return _decide_and_audit(
        request,
        person_id,
        action=_on(request, on_post, action),
        object_type=object_type,
        object_id=object_id,
        only=CARE_RELATION_ONLY,
    )


def object_for_read(request, queryset, pk, *, person_id, object_type=None, action=Action.READ):
    """(item, grant): one of the person's things (it has a `person` field), checked through the
    person in the URL first, then fetched only among that person's things. The audit object type
    is the model's own unless told."""
    object_type = object_type or queryset.model.audit_type
    person, grant = person_for_read(request, person_id, object_type, action=action, object_id=pk)
    return one_of_theirs(request, queryset, pk, person, grant, object_type=object_type), grant


def object_for_page(request, queryset, pk, *, person_id, on_post, object_type=None):
    object_type = object_type or queryset.model.audit_type
    person, grant = person_for_page(request, person_id, object_type, on_post=on_post, object_id=pk)
    return one_of_theirs(request, queryset, pk, person, grant, object_type=object_type), grant


def object_for_edit(request, queryset, pk, *, person_id, on_post=Action.UPDATE, object_type=None):
    object_type = object_type or queryset.model.audit_type
    person, grant = person_for_edit(request, person_id, object_type, on_post=on_post, object_id=pk)
    return one_of_theirs(request, queryset, pk, person, grant, object_type=object_type), grant


def object_for_delete(request, queryset, pk, *, person_id, object_type=None):
    """(item, grant) for a delete page: opening it asks, sending it deletes; writers only."""
    return object_for_edit(request, queryset, pk, person_id=person_id, on_post=Action.DELETE, object_type=object_type)


def object_for_write(request, queryset, pk, *, person_id, action=Action.UPDATE, object_type=None):
    object_type = object_type or queryset.model.audit_type
    person, grant = person_for_write(request, person_id, object_type, action=action, object_id=pk)
    return one_of_theirs(request, queryset, pk, person, grant, object_type=object_type), grant


def object_for_self_only(request, queryset, pk, *, person_id, action=Action.READ, on_post=None, object_type=None):
    object_type = object_type or queryset.model.audit_type
    person, grant = person_for_self_only(request, person_id, object_type, action=action, on_post=on_post, object_id=pk)
    return one_of_theirs(request, queryset, pk, person, grant, object_type=object_type), grant


def object_for_care_relation_only(
    request, queryset, pk, *, person_id, action=Action.READ, on_post=None, object_type=None
):
    object_type = object_type or queryset.model.audit_type
    person, grant = person_for_care_relation_only(
        request, person_id, object_type, action=action, on_post=on_post, object_id=pk
    )
    return one_of_theirs(request, queryset, pk, person, grant, object_type=object_type), grant


def one_of_theirs(request, queryset, pk, person, grant: "Access", *, object_type=None):
    """One of `person`'s things by id (access to the person already decided: `grant`); an id that
    is not theirs – tampered, or another person's – is refused and audited like any refusal."""
    number = as_int(pk)
    obj = queryset.filter(pk=number, person=person).first() if number is not None else None
    if obj is None:
        record(
            actor=request.user,
            action=Action.DENIED,
            object_type=object_type or queryset.model.audit_type,
            object_id=str(pk)[:64],
            person=person,
            basis=grant.basis,
        )
        raise NoAccess("Ingen tilgang")
    obj.person = person  # already checked and loaded: `obj.person` costs no second query
    return obj


def _on(request, on_post, action=Action.READ) -> str:
    return on_post if on_post is not None and request.method == "POST" else action


def _refuse(user, person, object_type, object_id, basis):
    """The audited no. Another organisation's person is recorded without their id: their log is
    not ours to write in."""
    same_org = person is not None and user.is_authenticated and user.organisation_id == person.organisation_id
    record(
        actor=user,
        action=Action.DENIED,
        object_type=object_type,
        object_id=object_id,
        person_id=person.pk if same_org else None,
        basis=basis,
    )
    raise NoAccess("Ingen tilgang")


def _decide_and_audit(
    request, person_id, *, action: str, object_type: str, object_id="", need_write: bool = False, only=None
) -> tuple[Person, "Access"]:
    """The person and the grant, if the signed-in user may do `action` on their data.

    Refusals are always audited. Reads (and exports, prints) are audited here; a write is
    audited by the action that performs it (people/actions.py, items/actions.py …), with the
    basis in the grant handed back. `need_write`: a read only for those who may also write (an
    edit form). `only`: the bases allowed at all.

    The request also carries the person and the grant for what is drawn around the view, not by
    it: «… ser dette» beside staff's text fields (people.context_processors), the language
    check's ask-once (language/gate.py) and «no-store» for pages with person data
    (accounts/middleware.py). Views use the grant they are handed.
    """
    user = request.user
    number = as_int(person_id)
    found = Person.objects.filter(pk=number)
    if user.is_authenticated and user.role != Role.PERSON:
        found = with_access_facts(found, user)
    person = found.first() if number is not None else None
    grant = decide(user, person) if person is not None else None
    allowed = (
        grant is not None
        and (grant.can_write or (action in READ_ACTIONS and not need_write))
        and (only is None or grant.basis in only)
    )
    if not allowed:
        _refuse(user, person, object_type, object_id or person_id, grant.basis if grant else Basis.NONE)
    if action in READ_ACTIONS:
        record(
            actor=user,
            action=action,
            object_type=object_type,
            object_id=object_id or person.pk,
            person=person,
            basis=grant.basis,
        )
    request.person_access = grant
    request.person_shown = person
    return person, grant


def decide_administration(user, person: Person) -> bool:
    """Whether `user` may handle `person` as the organisation: a team leader or administrator of
    the person's organisation, for names and care relations (who follows whom) – never the
    plan, the conversations or anything else the person has (that is `decide`)."""
    return (
        user.is_authenticated
        and user.is_active
        and user.is_manager
        and user.organisation_id is not None
        and user.organisation_id == person.organisation_id
    )


def persons_for_administration(user):
    """The organisation's persons, by name, for its team leaders and administrators."""
    if not user.is_authenticated or not user.is_manager or user.organisation_id is None:
        return Person.objects.none()
    return Person.objects.filter(organisation_id=user.organisation_id)


def person_for_administration(request, person_id, object_type=ObjectType.CARE_RELATION, *, on_post=Action.UPDATE):
    """The person, for the organisation's page of their care relations. Opening it is a read of
    who follows them (in their access log, on the organisation's basis); a refusal is a 404 and
    audited like every other."""
    user = request.user
    number = as_int(person_id)
    person = Person.objects.filter(pk=number).first() if number is not None else None
    action = _on(request, on_post)
    if person is None or not decide_administration(user, person):
        _refuse(user, person, object_type, person_id, Basis.NONE)
    if action in READ_ACTIONS:
        record(
            actor=user,
            action=action,
            object_type=object_type,
            object_id=person.pk,
            person=person,
            basis=Basis.ORGANISATION,
        )
    return person


def persons_visible_to(user):
    """The persons `user` may open, for lists. Uses the same rules as `decide`."""
    if not user.is_authenticated or user.organisation_id is None:
        return Person.objects.none()
    persons = Person.objects.filter(organisation_id=user.organisation_id)
    if user.role == Role.PERSON:
        return persons.filter(user=user)
    related = CareRelation.objects.active().filter(staff=user).values("person_id")
    consented = Consent.objects.active().filter(team__members=user).values("person_id")
    blocked = Block.objects.filter(staff=user).values("person_id")
    return persons.filter(Q(pk__in=related) | Q(pk__in=consented)).exclude(pk__in=blocked)


@dataclass(frozen=True)
class WhoCanSee:
    """Who can open the person's plan right now, from the same facts `decide` uses."""

    staff: list  # (display name, "fast kontakt") for each staff member with an active care relation
    teams: list  # (team name, valid until) for each team with active consent


def who_can_see(person: Person) -> WhoCanSee:
    blocked = Block.objects.filter(person=person).values("staff_id")
    relations = (
        CareRelation.objects.active()
        .filter(person=person, staff__is_active=True, staff__organisation_id=person.organisation_id)
        .exclude(staff_id__in=blocked)
        .select_related("staff")
        .order_by("staff__full_name", "staff__username")
    )
    staff = list(dict.fromkeys(relation.staff.display_name for relation in relations))
    consents = Consent.objects.active().filter(person=person).select_related("team").order_by("team__name")
    teams = {}
    for consent in consents:
        teams[consent.team.name] = max(teams.get(consent.team.name, consent.valid_until), consent.valid_until)
    return WhoCanSee(staff=staff, teams=sorted(teams.items()))


def as_int(value) -> int | None:
    """An id from a URL or a form, or None: never an error, never a number the database cannot hold."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None
