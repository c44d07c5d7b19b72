"""A small world with every role the authorization rules distinguish, and canaries.

Organisation A ("Testhuset") has two teams, Aktivitet and Arbeid.
Person P (login: charlie) is the target of every URL that takes a person id:
  alice  fagperson, care relation with P                      -> may read and write
  bob    erfaringskonsulent in team Arbeid, P consented to it -> may read
  frank  fagperson, no relation, no team                      -> nothing
  gina   fagperson in team Aktivitet (no consent from P)      -> nothing
  erin   fagperson with a care relation, but blocked by P     -> nothing
  lise   teamleder in A (in team Aktivitet)                   -> admin pages, no content
  siri   admin in A                                           -> admin pages, no content
Person D (login: diana) is another person in A.
Organisation B has zoe (teamleder) with a care relation to person Q.
Person R in A has no login and an open invitation.

Each person's own writing holds a unique canary string; CANARY_PLANTERS puts one in
every text a person can own, and test_authorization_matrix checks that a canary is
only ever shown to someone who may see that person's data.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from accounts.models import Invite, Role
from conftest import make_user
from people.models import Block, CareRelation, Consent, Organisation, Person, Team

ROLES = [
    "anonymous",
    "self",
    "other_person",
    "with_relation",
    "without_relation",
    "teammate_with_consent",
    "teammate_without_consent",
    "blocked_staff",
    "team_leader",
    "admin",
    "other_organisation",
]


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> user (no entry for anonymous)
    persons: dict = field(default_factory=dict)  # "P", "D", "Q", "R" -> Person
    canaries: dict = field(default_factory=dict)  # person key -> canary string
    objects: dict = field(default_factory=dict)  # other ids the URLs need
    invite_token: str = ""


def plant_person_texts(person: Person, canary: str) -> None:
    person.about = f"Om meg: {canary}"
    person.save(update_fields=["about"])


# Every model that holds text a person (or someone on their behalf) writes must be here,
# so the matrix can plant a canary in it. test_every_person_model_has_a_canary_planter
# fails when a new person-linked model is added without one.
CANARY_PLANTERS = {
    Person: plant_person_texts,
}
# Person-linked models that hold no free text of their own (only ids, dates, choices).
NO_FREE_TEXT = {"CareRelation", "Consent", "Block", "Invite"}


def build_world() -> World:
    world = World()
    org_a = Organisation.objects.create(name="Testhuset", slug="testhuset")
    org_b = Organisation.objects.create(name="Annethuset", slug="annethuset")
    aktivitet = Team.objects.create(organisation=org_a, name="Aktivitet")
    arbeid = Team.objects.create(organisation=org_a, name="Arbeid")
    team_b = Team.objects.create(organisation=org_b, name="Team B")

    u = world.users
    u["self"] = make_user("charlie", Role.PERSON, org_a, "Charlie Dahl")
    u["other_person"] = make_user("diana", Role.PERSON, org_a, "Diana Eng")
    u["with_relation"] = make_user("alice", Role.PRACTITIONER, org_a, "Alice Aas")
    u["without_relation"] = make_user("frank", Role.PRACTITIONER, org_a, "Frank Fos")
    u["teammate_with_consent"] = make_user("bob", Role.PEER_WORKER, org_a, "Bob Berg")
    u["teammate_without_consent"] = make_user("gina", Role.PRACTITIONER, org_a, "Gina Gran")
    u["blocked_staff"] = make_user("erin", Role.PRACTITIONER, org_a, "Erin Eide")
    u["team_leader"] = make_user("lise", Role.TEAM_LEADER, org_a, "Lise Lie")
    u["admin"] = make_user("siri", Role.ADMIN, org_a, "Siri Sand")
    u["other_organisation"] = make_user("zoe", Role.TEAM_LEADER, org_b, "Zoe Zahl")
    u["with_relation"].teams.add(aktivitet)
    u["teammate_without_consent"].teams.add(aktivitet)
    u["team_leader"].teams.add(aktivitet)
    u["teammate_with_consent"].teams.add(arbeid)
    u["other_organisation"].teams.add(team_b)

    p = world.persons
    p["P"] = Person.objects.create(organisation=org_a, display_name="Person P", user=u["self"])
    p["D"] = Person.objects.create(organisation=org_a, display_name="Person D", user=u["other_person"])
    p["Q"] = Person.objects.create(organisation=org_b, display_name="Person Q")
    p["R"] = Person.objects.create(organisation=org_a, display_name="Person R")
    for key, person in p.items():
        world.canaries[key] = f"KANARI-{key}-{person.pk}-7f3a"
        for planter in CANARY_PLANTERS.values():
            planter(person, world.canaries[key])

    relation = CareRelation.objects.create(staff=u["with_relation"], person=p["P"])
    CareRelation.objects.create(staff=u["blocked_staff"], person=p["P"])
    CareRelation.objects.create(staff=u["with_relation"], person=p["R"])
    CareRelation.objects.create(staff=u["other_organisation"], person=p["Q"])
    consent = Consent.objects.create(person=p["P"], team=arbeid, valid_until=timezone.localdate() + timedelta(days=30))
    block = Block.objects.create(person=p["P"], staff=u["blocked_staff"])
    _invite, world.invite_token = Invite.create_for(p["R"], created_by=u["with_relation"])

    world.objects.update(
        organisation=org_a.pk,
        team=aktivitet.pk,
        user=u["with_relation"].pk,
        care_relation=relation.pk,
        consent=consent.pk,
        block=block.pk,
    )
    return world


def may_see(world: World, role: str) -> set[str]:
    """Whose canaries this role may be shown (anywhere)."""
    return {
        "self": {"P"},
        "other_person": {"D"},
        "with_relation": {"P", "R"},
        "teammate_with_consent": {"P"},
        "other_organisation": {"Q"},
    }.get(role, set())
