"""The one path to a person's data.

Every view that shows or changes anything about a person gets it from
`person_for(request, person_id, …)` (or `object_for` for things that belong to a
person). It decides whether the signed-in user may, on which basis, and writes the
audit row – also when the answer is no. A refusal is a 404, so nobody learns whether
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


def person_for(
    request,
    person_id,
    *,
    action: str = Action.READ,
    on_post: str | None = None,
    object_type: str = "person",
    object_id="",
    need_write: bool = False,
    only: frozenset | None = None,
) -> Person:
    """The person, if the signed-in user may do `action` on their data.

    Refusals are always audited. Reads (and exports, prints) are audited here; a write
    is audited by the action in people/actions.py that performs it, with the basis this
    function leaves in `request.person_access`.
    `need_write`: a read that is only for those who may also write (an edit form).
    `only`: the bases allowed at all, e.g. SELF_ONLY for what only the person themself
    may see or do (consents, blocks, their access log, erasure).
    `on_post`: for a form page – opening it is a read, sending it is this action.
    """
    if on_post is not None and request.method == "POST":
        action = on_post
    user = request.user
    number = _as_int(person_id)
    found = Person.objects.filter(pk=number)
    if user.is_authenticated and user.role != Role.PERSON:
        found = with_access_facts(found, user)
    person = found.first() if number is not None else None
    access = decide(user, person) if person is not None else None
    allowed = (
        access is not None
        and (access.can_write or (action in READ_ACTIONS and not need_write))
        and (only is None or access.basis in only)
    )
    if not allowed:
        # Another organisation's person is recorded without their id: their log is not ours to write in.
        same_org = person is not None and user.is_authenticated and user.organisation_id == person.organisation_id
        record(
            actor=user,
            action=Action.DENIED,
            object_type=object_type,
            object_id=object_id or person_id,
            person_id=person.pk if same_org else None,
            basis=access.basis if access else Basis.NONE,
        )
        raise NoAccess("Ingen tilgang")
    if action in READ_ACTIONS:
        record(
            actor=user,
            action=action,
            object_type=object_type,
            object_id=object_id or person.pk,
            person=person,
            basis=access.basis,
        )
    request.person_access = access
    request.person_shown = person  # the page says «… ser dette» beside what staff write (people.context_processors)
    return person


def object_for(
    request,
    queryset,
    pk,
    *,
    person_id,
    action: str = Action.READ,
    on_post: str | None = None,
    object_type: str,
    need_write: bool = False,
    only: frozenset | None = None,
):
    """Something that belongs to the person in the URL (it has a `person` field): checked through
    `person_for` first, then fetched only among that person's things (a mismatch is refused and audited)."""
    person = person_for(
        request,
        person_id,
        action=action,
        on_post=on_post,
        object_type=object_type,
        object_id=pk,
        need_write=need_write,
        only=only,
    )
    return owned(request, queryset, pk, person, object_type=object_type)


def owned(request, queryset, pk, person, *, object_type: str):
    """One of `person`'s things by id (access to the person already checked); an id that is
    not theirs – tampered, or another person's – is refused and audited like any refusal."""
    number = _as_int(pk)
    obj = queryset.filter(pk=number, person=person).first() if number is not None else None
    if obj is None:
        record(
            actor=request.user,
            action=Action.DENIED,
            object_type=object_type,
            object_id=str(pk)[:64],
            person=person,
            basis=getattr(request, "person_access", None) and request.person_access.basis or Basis.NONE,
        )
        raise NoAccess("Ingen tilgang")
    obj.person = person  # already checked and loaded: `obj.person` costs no second query
    return obj


def basis(request) -> str:
    """The basis `person_for` found for this request (for the audit row of a write)."""
    return request.person_access.basis


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


def _as_int(value) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None
