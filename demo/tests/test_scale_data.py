"""`manage.py scale_data` fills a database with a consistent fictional region – and refuses where it must."""

import pyotp
import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import F
from django.test import RequestFactory

from accounts.models import Role, User
from audit.models import AuditEvent
from chime.models import ChimeRating
from conftest import sign_in
from conversations.models import Conversation, EvaluationLink, PersonEvaluation, StaffEvaluation
from demo.scale import MARKER, SCALE_PASSWORD, scale_secret
from mitools.models import AmbivalenceCross, CrossRevision, RulerReading
from people.models import Block, CareRelation, Consent, Organisation, Person
from plans.models import (
    CrisisContact,
    Goal,
    NetworkEntry,
    ResourceChange,
    Step,
    SubGoal,
    WarningSign,
    WeekActivity,
    Win,
)

pytestmark = pytest.mark.django_db

FACTOR = "0.01"  # 1 organisation, 20 staff, 200 persons, about 26,000 rows


@pytest.fixture
def region(settings):
    settings.DEBUG = True
    call_command("scale_data", "--factor", FACTOR, verbosity=0)


def test_it_is_refused_in_production_unless_asked_for(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG=1"):
        call_command("scale_data", "--factor", FACTOR)
    assert not Person.objects.exists()


def test_it_is_refused_on_a_database_with_real_looking_data(settings, organisation):
    settings.DEBUG = True
    Person.objects.create(organisation=organisation, display_name="Ekte Person")
    with pytest.raises(CommandError, match="ikke er skaladata"):
        call_command("scale_data", "--factor", FACTOR)
    assert Person.objects.count() == 1
    call_command("scale_data", "--factor", "0.005", "--append", verbosity=0)  # only when asked
    assert Person.objects.count() == 101


def test_sizes_and_every_model_has_rows(region, capsys):
    assert Organisation.objects.filter(slug__startswith=MARKER).count() == 1
    staff = User.objects.exclude(role=Role.PERSON)
    assert staff.count() == 20 and Person.objects.count() == 200
    assert 15_000 < sum(m.objects.count() for m in apps.get_models()) < 60_000
    for label in ("people", "plans", "conversations", "ratings", "mitools", "audit", "accounts", "reflection"):
        for model in apps.get_app_config(label).get_models():
            assert model.objects.exists(), f"{model.__name__} has no rows"


def test_relations_stay_inside_one_organisation(region):
    assert not CareRelation.objects.exclude(staff__organisation=F("person__organisation")).exists()
    assert not Consent.objects.exclude(team__organisation=F("person__organisation")).exists()
    assert not Block.objects.exclude(staff__organisation=F("person__organisation")).exists()
    assert not Block.objects.filter(
        person__care_relations__staff=F("staff"), person__care_relations__ended__isnull=True
    ).exists()
    assert not Person.objects.exclude(user=None).exclude(user__organisation=F("organisation")).exists()
    assert not Person.objects.exclude(user=None).exclude(user__role=Role.PERSON).exists()
    # Every person has someone who works with them now.
    assert not Person.objects.exclude(pk__in=CareRelation.objects.active().values("person_id")).exists()
    assert (
        not CareRelation.objects.exclude(staff__role__in=[Role.PRACTITIONER, Role.PEER_WORKER])
        .filter(ended=None)
        .exists()
    )


def test_everything_in_a_plan_belongs_to_the_same_person(region):
    assert not Step.objects.exclude(goal__person=F("person")).exists()
    assert not Step.objects.exclude(subgoal=None).exclude(subgoal__goal=F("goal")).exists()
    assert not SubGoal.objects.exclude(goal__person=F("person")).exists()
    assert not Win.objects.exclude(step=None).exclude(step__person=F("person")).exists()
    assert not Win.objects.exclude(step=None).filter(step__done_at=None).exists()
    assert not ResourceChange.objects.exclude(entry__person=F("person")).exists()
    assert not WarningSign.objects.exclude(plan__person=F("person")).exists()
    assert not CrisisContact.objects.exclude(plan__person=F("person")).exists()
    assert not CrisisContact.objects.exclude(network_entry=None).exclude(network_entry__person=F("person")).exists()
    assert not WeekActivity.objects.exclude(goal=None).exclude(goal__person=F("person")).exists()
    assert not CrossRevision.objects.exclude(cross__person=F("person")).exists()
    assert not AmbivalenceCross.objects.exclude(goal=None).exclude(goal__person=F("person")).exists()
    assert not RulerReading.objects.exclude(goal=None).exclude(goal__person=F("person")).exists()
    assert not PersonEvaluation.objects.exclude(conversation__person=F("person")).exists()
    assert not StaffEvaluation.objects.exclude(conversation__person=F("person")).exists()
    assert not EvaluationLink.objects.exclude(conversation__person=F("person")).exists()
    assert not Conversation.steps.through.objects.exclude(step__person=F("conversation__person")).exists()
    assert not PersonEvaluation.objects.filter(conversation__ended=None).exists()
    # Authors are the person or someone in their organisation.
    assert not Goal.objects.exclude(created_by__organisation=F("person__organisation")).exists()
    assert not Conversation.objects.exclude(created_by__organisation=F("person__organisation")).exists()
    assert not NetworkEntry.objects.filter(updated__lt=F("created")).exists()
    assert ChimeRating.objects.filter(connectedness__gt=10).count() == 0


def test_the_audit_trail_points_at_real_persons_in_their_own_organisation(region):
    persons = dict(Person.objects.values_list("pk", "organisation_id"))
    rows = AuditEvent.objects.exclude(person_id=None).values_list("person_id", "organisation_id")
    assert rows and all(persons[person] == organisation for person, organisation in rows)
    assert 7_000 < AuditEvent.objects.count() < 14_000
    users = dict(User.objects.values_list("pk", "organisation_id"))
    assert all(users[actor] == org for actor, org in AuditEvent.objects.values_list("actor_id", "organisation_id"))


def test_staff_can_sign_in_and_open_the_pages_of_the_persons_they_work_with(region, client):
    relation = CareRelation.objects.active().select_related("staff", "person").order_by("pk").first()
    staff, person = relation.staff, relation.person
    assert authenticate(RequestFactory().post("/logg-inn/"), username=staff.username, password=SCALE_PASSWORD)
    assert staff.totp_confirmed and pyotp.TOTP(scale_secret(staff.username)).now().isdigit()
    sign_in(client, staff)
    assert client.get("/").status_code == 200
    assert client.get(f"/personer/{person.pk}/plan/").status_code == 200
    conversation = Conversation.objects.filter(person=person).first()
    if conversation:
        assert client.get(f"/personer/{person.pk}/samtaler/{conversation.pk}/").status_code == 200
    other = Person.objects.exclude(pk__in=CareRelation.objects.filter(staff=staff).values("person_id"))
    stranger = other.exclude(consents__team__members=staff).first()
    assert client.get(f"/personer/{stranger.pk}/plan/").status_code == 404  # the access rules still hold


def test_a_second_run_is_refused_unless_appended_and_then_uses_new_names(region, settings):
    with pytest.raises(CommandError, match="allerede skaladata"):
        call_command("scale_data", "--factor", FACTOR)
    call_command("scale_data", "--factor", "0.005", "--append", verbosity=0)
    assert Organisation.objects.filter(slug__startswith=f"{MARKER}2-").count() == 1
    assert User.objects.filter(username__startswith=f"{MARKER}2-").exists()
    assert Person.objects.count() == 300
