"""«I dag» starts with the practitioner's own persons (care relation); the persons the team may
see by consent are one tap away, under «Teamets». A person's access log gets a read only when
something of theirs is shown, not for their name in a list. An evaluation where the person felt
little heard (1–2 of 5) is flagged."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from audit.models import AuditEvent
from conftest import sign_in
from conversations.models import Conversation, PersonEvaluation
from people.models import CareRelation, Consent, Person
from plans.models import Goal, Step

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_person(organisation, team):
    """Dora, whom Alice sees only because Dora gave Alice's team consent."""
    dora = Person.objects.create(organisation=organisation, display_name="Dora Dal")
    Consent.objects.create(person=dora, team=team, valid_until=timezone.localdate() + timedelta(days=30))
    return dora


def reads(person, user):
    return AuditEvent.objects.filter(person_id=person.pk, object_type="dashboard", actor_id=user.pk).count()


def test_my_persons_are_the_default_and_the_teams_are_one_tap_away(alice, charlie_person, team_person):
    client = sign_in(Client(), alice)
    page = client.get("/").content.decode()
    assert "Charlie Dahl" in page and "Dora Dal" not in page
    assert 'href="/?liste=teamets"' in page and "Teamets (1)" in page
    teams = client.get("/?liste=teamets").content.decode()
    assert "Dora Dal" in teams and "samtykke til teamet" in teams
    assert "Charlie Dahl" not in teams.split('id="persons-heading"')[1]


def test_a_name_in_the_list_is_not_a_read_but_what_is_shown_is(alice, charlie, charlie_person, team_person):
    client = sign_in(Client(), alice)
    client.get("/")
    assert reads(charlie_person, alice) == 0  # only the name and the list's own facts were shown
    goal = Goal.objects.create(person=charlie_person, text="Sove bedre")
    Step.objects.create(person=charlie_person, goal=goal, text="Legge bort telefonen", done_at=timezone.now())
    page = client.get("/").content.decode()
    assert "Legge bort telefonen" in page and reads(charlie_person, alice) == 1
    assert reads(team_person, alice) == 0  # not on the page at all
    client.get("/?liste=teamets")
    assert reads(team_person, alice) == 0 and reads(charlie_person, alice) == 1


def test_the_teams_things_are_shown_only_under_teamets(alice, team_person):
    goal = Goal.objects.create(person=team_person, text="Dora sitt mål")
    Step.objects.create(person=team_person, goal=goal, text="Doras steg", done_at=timezone.now())
    client = sign_in(Client(), alice)
    assert "Doras steg" not in client.get("/").content.decode()
    assert "Doras steg" in client.get("/?liste=teamets").content.decode()
    assert reads(team_person, alice) == 1


def test_an_evaluation_where_the_person_felt_little_heard_is_flagged(alice, charlie_person, organisation):
    other = Person.objects.create(organisation=organisation, display_name="Erik Eng")
    CareRelation.objects.create(staff=alice, person=other)
    for person, heard in ((charlie_person, 2), (other, 4)):
        conversation = Conversation.objects.create(person=person, created_by=alice, ended=timezone.now())
        PersonEvaluation.objects.create(person=person, conversation=conversation, heard=heard)
    page = sign_in(Client(), alice).get("/").content.decode()
    evaluations = page.split('id="evaluations-heading"')[1].split("</section>")[0]
    charlie_line = next(line for line in evaluations.split("<li") if "Charlie Dahl" in line)
    erik_line = next(line for line in evaluations.split("<li") if "Erik Eng" in line)
    assert "følte seg lite hørt" in charlie_line and "følte seg lite hørt" not in erik_line
