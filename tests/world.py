"""A small world with every role the authorization rules distinguish, and canaries.

Organisation A ("Testhuset") has two teams, Aktivitet and Arbeid.
Person P (login: charlie) is the target of every URL that takes a person id:
  alice  fagperson, care relation with P                      -> may read and write
  bob    erfaringskonsulent in team Arbeid, P consented to it -> may read
  frank  fagperson, no relation, no team                      -> nothing
  gina   fagperson in team Aktivitet (no consent from P)      -> nothing
  erin   fagperson with a care relation, but blocked by P     -> nothing
  hanna  in team Kafé: P gave consent, then gave it again to extend it -> may read
  ivar   in team Verksted: P gave consent, extended it, then withdrew it -> nothing
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
from chime.testing import plant_ratings, ratings_models
from conftest import make_user
from conversations.testing import conversation_models, plant_conversations
from mitools.testing import mitools_models, plant_mitools
from people.models import Block, CareRelation, Consent, Handover, Organisation, Person, Team

ROLES = [
    "anonymous",
    "self",
    "other_person",
    "with_relation",
    "without_relation",
    "teammate_with_consent",
    "teammate_without_consent",
    "blocked_staff",
    "teammate_extended_consent",
    "teammate_withdrawn_consent",
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


def plant_person_texts(person: Person, canary: str) -> dict:
    person.about = f"Om meg: {canary}"
    person.save(update_fields=["about"])
    return {}


def plant_plan(person: Person, canary: str) -> dict:
    """A whole plan, with the canary in every text a person or their helper can write."""
    from plans import models as plan

    author = person.user
    common = {"person": person, "created_by": author, "updated_by": author}
    goal = plan.Goal.objects.create(
        text=f"Mål {canary}", supporters=f"Støtte {canary}", evaluation=f"Evaluering {canary}", **common
    )
    subgoal = plan.SubGoal.objects.create(goal=goal, text=f"Delmål {canary}", **common)
    step = plan.Step.objects.create(
        goal=goal, subgoal=subgoal, text=f"Steg {canary}", helper=f"Hjelper {canary}", **common
    )
    plan.Win.objects.create(step=step, text=f"Seier {canary}", **common)
    day_goal = plan.DayGoal.objects.create(text=f"I dag {canary}", for_date=timezone.localdate(), **common)
    entry = plan.ResourceEntry.objects.create(category="styrker", text=f"Styrke {canary}", **common)
    plan.ResourceChange.objects.create(
        person=person, entry=entry, kind="lagt-til", category="styrker", text=f"Styrke {canary}", by=author
    )
    network = plan.NetworkEntry.objects.create(
        name=f"Venn {canary}",
        ring="naer",
        group="familie-venner",
        note=f"Notat {canary}",
        contact=f"Tlf {canary}",
        **common,
    )
    crisis = plan.CrisisPlan.objects.create(**common)
    for key in ("selv", "hjelper-ikke", "motes", "verdt-a-leve", "etter"):
        plan.CrisisPlanPart.objects.create(plan=crisis, key=key, text=f"Del {key} {canary}", **common)
    plan.WarningSign.objects.create(plan=crisis, sign=f"Tegn {canary}", what_to_do=f"Gjør {canary}", **common)
    plan.CrisisContact.objects.create(
        plan=crisis,
        network_entry=network,
        name=f"Kontakt {canary}",
        how_to_reach=f"Nås {canary}",
        can_help_with=f"Kan {canary}",
        **common,
    )
    plan.WeekActivity.objects.create(weekday=0, part=0, text=f"Uke {canary}", goal=goal, **common)
    return {"goal": goal.pk, "step": step.pk, "day_goal": day_goal.pk}


def _plan_models():
    from plans import models as plan

    return {
        plan.Goal,
        plan.SubGoal,
        plan.Step,
        plan.Win,
        plan.DayGoal,
        plan.ResourceEntry,
        plan.ResourceChange,
        plan.NetworkEntry,
        plan.CrisisPlan,
        plan.CrisisPlanPart,
        plan.WarningSign,
        plan.CrisisContact,
        plan.WeekActivity,
    }


def plant_handover(person: Person, canary: str) -> dict:
    """A handover note: written by the organisation for the person, read by the person and by
    both colleagues; the organisation's leaders see it on the person's care relations."""
    Handover.objects.create(person=person, starts=timezone.localdate(), note=f"Overgang {canary}")
    return {}


# Every model that holds text a person (or someone on their behalf) writes is covered by a
# planter, so the matrix can plant a canary in it. test_every_person_model_has_a_canary_planter
# fails when a new person-linked model is added without one.
CANARY_PLANTERS = [
    (lambda: {Person}, plant_person_texts),
    (_plan_models, plant_plan),
    (conversation_models, plant_conversations),
    (ratings_models, plant_ratings),
    (mitools_models, plant_mitools),  # after the plan: the tools link to the person's goal
    (lambda: {Handover}, plant_handover),
]
# Person-linked models that hold no free text of their own (only ids, dates, choices).
NO_FREE_TEXT = {"CareRelation", "Consent", "Block", "Invite", "EvaluationLink", "Conversation_steps"}


def planted_models() -> set:
    return set().union(*(models() for models, _planter in CANARY_PLANTERS))


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
    u["teammate_extended_consent"] = make_user("hanna", Role.PRACTITIONER, org_a, "Hanna Hol")
    u["teammate_withdrawn_consent"] = make_user("ivar", Role.PEER_WORKER, org_a, "Ivar Ims")
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
        for _models, planter in CANARY_PLANTERS:
            world.objects.setdefault(key, {}).update(planter(person, world.canaries[key]))

    relation = CareRelation.objects.create(staff=u["with_relation"], person=p["P"])
    CareRelation.objects.create(staff=u["blocked_staff"], person=p["P"])
    CareRelation.objects.create(staff=u["with_relation"], person=p["R"])
    CareRelation.objects.create(staff=u["other_organisation"], person=p["Q"])
    consent = Consent.objects.create(person=p["P"], team=arbeid, valid_until=timezone.localdate() + timedelta(days=30))
    block = Block.objects.create(person=p["P"], staff=u["blocked_staff"])
    # Consent as the person gives it: through the actions, twice (to extend), and once withdrawn.
    from people import actions

    kafe = Team.objects.create(organisation=org_a, name="Kafé")
    verksted = Team.objects.create(organisation=org_a, name="Verksted")
    u["teammate_extended_consent"].teams.add(kafe)
    u["teammate_withdrawn_consent"].teams.add(verksted)
    today = timezone.localdate()
    for team in (kafe, verksted):
        for days in (10, 60):
            actions.give_consent(p["P"], team, today + timedelta(days=days), actor=u["self"], basis="self")
    actions.withdraw_consent(p["P"], verksted, actor=u["self"], basis="self")
    _invite, world.invite_token = Invite.create_for(p["R"], created_by=u["with_relation"])

    # Alice's private reflection journal: only she may ever see it.
    world.canaries["J"] = f"KANARI-J-{u['with_relation'].pk}-7f3a"
    world.objects["journal_entry"] = plant_journal(u["with_relation"], world.canaries["J"])

    from crisis.models import OrganisationContact

    world.objects.update(
        crisis_number=OrganisationContact.objects.create(organisation=org_a, name="Kriseteamet", number="22334455").pk,
        organisation=org_a.pk,
        team=aktivitet.pk,
        user=u["with_relation"].pk,
        care_relation=relation.pk,
        consent=consent.pk,
        block=block.pk,
    )
    return world


def plant_journal(author, canary: str, weeks_back: int = 1) -> int:
    from reflection.models import JournalEntry, monday_of

    return JournalEntry.objects.create(
        author=author,
        week_of=monday_of(timezone.localdate()) - timedelta(weeks=weeks_back),
        answers={"refleksjon-hverdagsliv": {"refleksjon-1": f"Håp {canary}"}},
        method_key="metode-3",
        method_plan=f"Plan {canary}",
        method_follow_up=f"Gikk {canary}",
        self_check={"overstyring": {"choice": "litt", "note": f"I stedet {canary}"}},
        notes=f"Notat {canary}",
    ).pk


def may_see(world: World, role: str) -> set[str]:
    """Whose canaries this role may be shown (anywhere). "J" is alice's reflection journal."""
    return {
        "self": {"P"},
        "other_person": {"D"},
        "with_relation": {"P", "R", "J"},
        "teammate_with_consent": {"P"},
        "teammate_extended_consent": {"P"},
        "other_organisation": {"Q"},
    }.get(role, set())
