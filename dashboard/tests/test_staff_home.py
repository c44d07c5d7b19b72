"""The staff home page shows, at a glance, the persons a practitioner may see, what comes
up, what the persons did since last time, their evaluations and recent conversations –
and nothing about anyone else."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEvent
from conftest import make_user, sign_in
from conversations.models import Conversation, PersonEvaluation
from people.models import CareRelation, Person
from plans.models import Goal, Step

pytestmark = pytest.mark.django_db


def test_a_working_day_at_a_glance(alice, charlie, charlie_person):
    today = timezone.localdate()
    goal = Goal.objects.create(person=charlie_person, text="Sove bedre", evaluate_on=today + timedelta(days=3))
    Step.objects.create(
        person=charlie_person, goal=goal, text="Legge bort telefonen kl. 23", done_at=timezone.now(), done_by=charlie
    )
    conversation = Conversation.objects.create(
        person=charlie_person, created_by=alice, ended=timezone.now(), follow_up_on=today + timedelta(days=5)
    )
    PersonEvaluation.objects.create(person=charlie_person, conversation=conversation, heard=4)
    page = sign_in(Client(), alice).get("/").content.decode()
    assert "Charlie Dahl" in page
    assert "Se på målet sammen" in page and "Sove bedre" in page
    assert "Oppfølging etter samtalen" in page
    assert "Legge bort telefonen kl. 23" in page and "gjort av personen selv" in page
    assert "følte seg hørt: 4 av 5" in page


def test_only_steps_since_last_time(alice, charlie, charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Mål")
    Step.objects.create(
        person=charlie_person,
        goal=goal,
        text="Gammelt steg",
        done_at=timezone.now() - timedelta(days=3),
        done_by=charlie,
    )
    Step.objects.create(person=charlie_person, goal=goal, text="Nytt steg", done_at=timezone.now(), done_by=charlie)
    alice.last_login = timezone.now() - timedelta(days=1)
    alice.save()
    client = sign_in(Client(), alice)  # the sign-in remembers the one before
    alice.refresh_from_db()
    assert alice.previous_login is not None and alice.previous_login < alice.last_login
    page = client.get("/").content.decode()
    assert "Nytt steg" in page and "Gammelt steg" not in page
    assert "Siden du var her sist" in page


def test_the_first_time_shows_the_last_seven_days_and_says_so(alice, charlie, charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Mål")
    Step.objects.create(
        person=charlie_person, goal=goal, text="For fem dager siden", done_at=timezone.now() - timedelta(days=5)
    )
    page = sign_in(Client(), alice).get("/").content.decode()
    assert "De siste 7 dagene." in page and "For fem dager siden" in page
    assert "Siden du var her sist" not in page


def test_nobody_elses_persons(alice, charlie_person, organisation):
    frank = make_user("frank", "fagperson", organisation)
    goal = Goal.objects.create(person=charlie_person, text="Hemmelig mål", evaluate_on=timezone.localdate())
    Step.objects.create(person=charlie_person, goal=goal, text="Hemmelig steg", done_at=timezone.now())
    page = sign_in(Client(), frank).get("/").content.decode()
    assert "Charlie" not in page and "Hemmelig" not in page
    assert "Du har ingen personer ennå" in page


def test_every_person_whose_things_are_shown_gets_a_read_in_their_log(alice, charlie_person):
    Goal.objects.create(person=charlie_person, text="Sove bedre", evaluate_on=timezone.localdate())
    sign_in(Client(), alice).get("/")
    assert (
        AuditEvent.objects.filter(person_id=charlie_person.pk, object_type="dashboard", actor_id=alice.pk).count() == 1
    )


def test_persons_go_to_their_own_page(charlie_client):
    response = charlie_client.get("/")
    assert response.status_code == 302 and response["Location"] == "/min-side/"


def test_the_page_costs_the_same_for_two_or_twenty_persons(alice, organisation, steady_content_cache):
    client = sign_in(Client(), alice)

    def add_persons(n):
        for i in range(n):
            person = Person.objects.create(organisation=organisation, display_name=f"Person {i}")
            CareRelation.objects.create(staff=alice, person=person)
            goal = Goal.objects.create(person=person, text="Mål", evaluate_on=timezone.localdate())
            Step.objects.create(person=person, goal=goal, text="Steg", done_at=timezone.now())
            c = Conversation.objects.create(
                person=person, created_by=alice, ended=timezone.now(), follow_up_on=timezone.localdate()
            )
            PersonEvaluation.objects.create(person=person, conversation=c, heard=3)

    def count():
        client.get("/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/").status_code == 200
        return len(captured)

    add_persons(2)
    few = count()
    add_persons(18)
    assert count() == few
