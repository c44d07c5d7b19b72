"""Random sequences of everything that changes who may see a person's plan – consent given,
extended, withdrawn, run out; blocks and unblocks; care relations started and ended; staff
moved between teams, deactivated and back – checked after every step against a tiny model of
the rules. The real `access.decide()` must agree with the model for every staff member, the
database must hold at most one open consent per team, and «Hvem kan se planen» must say the
same as the facts. Runs on SQLite and on PostgreSQL (CI runs the suite on both)."""

from datetime import timedelta

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from accounts.models import Role
from audit.models import Basis
from conftest import make_user
from people import access, actions
from people.models import Block, CareRelation, Consent, Organisation, Person, Team

pytestmark = pytest.mark.django_db
STAFF = range(4)
TEAMS = range(2)
START = timezone.now().replace(hour=12, minute=0, second=0, microsecond=0)
STEPS_RUN = {"steps": 0, "sequences": 0}


class AccessRules(RuleBasedStateMachine):
    """The model: sets and dicts, nothing else."""

    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.clock = time_machine.travel(START, tick=False)
        self.clock.start()
        self.days = 0
        STEPS_RUN["sequences"] += 1
        organisation = Organisation.objects.create(name="Huset", slug=f"huset-{STEPS_RUN['sequences']}")
        self.teams = [Team.objects.create(organisation=organisation, name=f"Team {t}") for t in TEAMS]
        self.staff = [make_user(f"s{STEPS_RUN['sequences']}-{s}", Role.PRACTITIONER, organisation) for s in STAFF]
        owner = make_user(f"p{STEPS_RUN['sequences']}", Role.PERSON, organisation)
        self.person = Person.objects.create(organisation=organisation, display_name="Pia", user=owner)
        self.owner = owner
        # the model
        self.consent_until = {}  # team -> last day of the open consent
        self.blocked, self.related, self.inactive = set(), set(), set()
        self.member = {s: set() for s in STAFF}

    def teardown(self):
        self.clock.stop()
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def today(self):
        return timezone.localdate()

    # ---------------------------------------------------------------- steps

    @initialize()
    def begin(self):
        pass

    @rule(team=st.sampled_from(TEAMS), days=st.integers(0, 60))
    def give_or_extend_consent(self, team, days):
        until = self.today() + timedelta(days=days)
        actions.give_consent(self.person, self.teams[team], until, actor=self.owner, basis=Basis.SELF)
        self.consent_until[team] = until
        STEPS_RUN["steps"] += 1

    @rule(team=st.sampled_from(TEAMS))
    def withdraw_consent(self, team):
        actions.withdraw_consent(self.person, self.teams[team], actor=self.owner, basis=Basis.SELF)
        self.consent_until.pop(team, None)
        STEPS_RUN["steps"] += 1

    @rule(days=st.integers(1, 40))
    def time_passes(self, days):
        self.clock.stop()
        self.days += days
        self.clock = time_machine.travel(START + timedelta(days=self.days), tick=False)
        self.clock.start()
        STEPS_RUN["steps"] += 1

    @rule(staff=st.sampled_from(STAFF))
    def block(self, staff):
        actions.block_staff(self.person, self.staff[staff], actor=self.owner, basis=Basis.SELF)
        self.blocked.add(staff)
        STEPS_RUN["steps"] += 1

    @rule(staff=st.sampled_from(STAFF))
    def unblock(self, staff):
        for block in Block.objects.filter(person=self.person, staff=self.staff[staff]):
            actions.unblock(block, actor=self.owner, basis=Basis.SELF)
        self.blocked.discard(staff)
        STEPS_RUN["steps"] += 1

    @rule(staff=st.sampled_from(STAFF))
    def start_care_relation(self, staff):
        CareRelation.objects.create(staff=self.staff[staff], person=self.person)
        self.related.add(staff)
        STEPS_RUN["steps"] += 1

    @rule(staff=st.sampled_from(STAFF))
    def end_care_relations(self, staff):
        CareRelation.objects.active().filter(staff=self.staff[staff], person=self.person).update(
            ended=timezone.now() - timedelta(seconds=1)
        )
        self.related.discard(staff)
        STEPS_RUN["steps"] += 1

    @rule(staff=st.sampled_from(STAFF), team=st.sampled_from(TEAMS), join=st.booleans())
    def move_between_teams(self, staff, team, join):
        (self.staff[staff].teams.add if join else self.staff[staff].teams.remove)(self.teams[team])
        (self.member[staff].add if join else self.member[staff].discard)(team)
        STEPS_RUN["steps"] += 1

    @rule(staff=st.sampled_from(STAFF), active=st.booleans())
    def deactivate_or_reactivate(self, staff, active):
        user = self.staff[staff]
        user.is_active = active
        user.save(update_fields=["is_active"])
        (self.inactive.discard if active else self.inactive.add)(staff)
        STEPS_RUN["steps"] += 1

    # ---------------------------------------------------------------- what must hold

    def expected(self, staff) -> str | None:
        if staff in self.inactive or staff in self.blocked:
            return None
        if staff in self.related:
            return Basis.RELATION
        if any(
            self.consent_until.get(team, self.today() - timedelta(days=1)) >= self.today()
            for team in self.member[staff]
        ):
            return Basis.CONSENT
        return None

    @invariant()
    def decide_agrees_with_the_model(self):
        for staff in STAFF:
            user = type(self.staff[staff]).objects.get(pk=self.staff[staff].pk)
            decision = access.decide(user, Person.objects.get(pk=self.person.pk))
            assert (decision.basis if decision else None) == self.expected(staff), f"staff {staff}"

    @invariant()
    def lists_agree_with_single_pages(self):
        visible = set()
        for staff in STAFF:
            user = type(self.staff[staff]).objects.get(pk=self.staff[staff].pk)
            if access.persons_visible_to(user).filter(pk=self.person.pk).exists() and user.is_active:
                visible.add(staff)
        assert visible == {s for s in STAFF if self.expected(s) is not None}

    @invariant()
    def one_open_consent_per_team(self):
        for team in TEAMS:
            assert (
                Consent.objects.filter(person=self.person, team=self.teams[team], withdrawn__isnull=True).count() <= 1
            )

    @invariant()
    def who_can_see_says_what_the_facts_say(self):
        shown = access.who_can_see(self.person)
        names = {self.staff[s].display_name for s in self.related - self.blocked - self.inactive}
        assert set(shown.staff) == names
        assert {name for name, _until in shown.teams} == {
            self.teams[t].name for t, until in self.consent_until.items() if until >= self.today()
        }


AccessRules.TestCase.settings = settings(max_examples=60, stateful_step_count=25, deadline=None)


def test_the_access_rules_hold_in_any_sequence(capsys):
    from hypothesis.stateful import run_state_machine_as_test

    run_state_machine_as_test(AccessRules, settings=AccessRules.TestCase.settings)
    with capsys.disabled():
        print(f"\nAccess rules: {STEPS_RUN['sequences']} sequences, {STEPS_RUN['steps']} steps")
    assert STEPS_RUN["steps"] > 500
