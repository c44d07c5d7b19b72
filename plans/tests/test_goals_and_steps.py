"""Goals in the person's own words, sub-goals, small steps, and celebrating what is done."""

import pytest
from django.test import Client

from conftest import sign_in
from plans.models import Goal, Step, SubGoal, Win

pytestmark = pytest.mark.django_db


def plan_url(person, rest=""):
    return f"/personer/{person.pk}/plan/{rest}"


def test_a_goal_needs_only_the_persons_own_words(charlie_client, charlie_person):
    response = charlie_client.post(
        plan_url(charlie_person, "mal/ny/"),
        {"text": "Jeg vil komme meg ut av senga før klokka tolv", "status": "underveis"},
    )
    assert response.status_code == 302
    goal = Goal.objects.get(person=charlie_person)
    assert goal.text == "Jeg vil komme meg ut av senga før klokka tolv"
    assert goal.chime == [] and goal.life_area == "" and goal.created_by.username == "charlie"


def test_tags_dates_supporters_and_own_evaluation_are_kept(alice_client, charlie_person):
    alice_client.post(
        plan_url(charlie_person, "mal/ny/"),
        {
            "text": "Få kontakt med barna mine igjen",
            "chime": ["connectedness", "hope"],
            "life_area": "relasjoner",
            "supporters": "Søsteren min",
            "target_date": "2027-06-01",
            "evaluate_on": "2027-01-15",
            "status": "underveis",
            "evaluation": "Når vi har møttes to ganger",
        },
    )
    goal = Goal.objects.get()
    page = alice_client.get(plan_url(charlie_person, f"mal/{goal.pk}/")).content.decode()
    assert "Få kontakt med barna mine igjen" in page and "Søsteren min" in page
    assert "Når vi har møttes to ganger" in page and "Relasjoner" in page
    assert "Skrevet av deg" in page  # who wrote it, and when


def test_an_empty_goal_is_explained_and_the_rest_kept(charlie_client, charlie_person):
    response = charlie_client.post(
        plan_url(charlie_person, "mal/ny/"), {"text": "   ", "supporters": "Mamma", "status": "underveis"}
    )
    body = response.content.decode()
    assert "Skriv litt om hva du vil – med dine egne ord." in body
    assert 'value="Mamma"' in body
    assert not Goal.objects.exists()


def test_steps_are_done_celebrated_and_stay_visible_as_progress(charlie_client, charlie_person):
    charlie_client.post(plan_url(charlie_person, "mal/ny/"), {"text": "Gå tur", "status": "underveis"})
    goal = Goal.objects.get()
    charlie_client.post(
        plan_url(charlie_person, f"delmal/ny/?mal={goal.pk}"), {"text": "Tre turer i uka", "mal": goal.pk}
    )
    subgoal = SubGoal.objects.get()
    charlie_client.post(
        plan_url(charlie_person, f"steg/ny/?mal={goal.pk}"),
        {"text": "Finne skoene", "subgoal": subgoal.pk, "mal": goal.pk},
    )
    step = Step.objects.get()
    assert step.subgoal == subgoal
    goal_page = charlie_client.get(plan_url(charlie_person, f"mal/{goal.pk}/")).content.decode()
    assert "Delmål: Tre turer i uka" in goal_page.split("Små steg")[1]  # the step shows which sub-goal it serves

    response = charlie_client.post(plan_url(charlie_person, f"steg/{step.pk}/gjort/"), {"done": "1"})
    assert response["Location"] == plan_url(charlie_person, f"mal/{goal.pk}/") + f"#steg-{step.pk}"
    charlie_client.post(plan_url(charlie_person, f"steg/{step.pk}/feire/"), {"text": "Fant skoene og gikk en runde!"})
    assert Win.objects.get().step == step
    overview = charlie_client.get(plan_url(charlie_person)).content.decode()
    assert "1 av 1 steg gjort" in overview and "Fant skoene og gikk en runde!" in overview
    goal_page = charlie_client.get(plan_url(charlie_person, f"mal/{goal.pk}/")).content.decode()
    assert "feiret" in goal_page and "Finne skoene" in goal_page


def test_a_win_can_be_written_on_its_own(charlie_client, charlie_person):
    charlie_client.post(plan_url(charlie_person, "seire/"), {"text": "Tok bussen alene"})
    assert "Tok bussen alene" in charlie_client.get(plan_url(charlie_person, "seire/")).content.decode()


def test_a_step_cannot_be_hung_on_another_persons_goal(charlie_client, charlie_person, organisation):
    from people.models import Person

    other = Person.objects.create(organisation=organisation, display_name="Annen")
    foreign = Goal.objects.create(person=other, text="Ikke ditt")
    response = charlie_client.post(
        plan_url(charlie_person, f"steg/ny/?mal={foreign.pk}"), {"text": "x", "mal": foreign.pk}
    )
    assert response.status_code == 404
    assert not Step.objects.exists()


def test_a_reader_with_consent_cannot_write(charlie_person, bob, other_team):
    from datetime import date

    from people.models import Consent

    Consent.objects.create(person=charlie_person, team=other_team, valid_until=date(2099, 1, 1))
    client = sign_in(Client(), bob)
    assert client.get(plan_url(charlie_person)).status_code == 200
    assert client.get(plan_url(charlie_person, "mal/ny/")).status_code == 404
    assert client.post(plan_url(charlie_person, "mal/ny/"), {"text": "x", "status": "underveis"}).status_code == 404
    assert "Nytt mål" not in client.get(plan_url(charlie_person)).content.decode()


def test_deleting_a_goal_keeps_the_wins(charlie_client, charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Mål")
    step = Step.objects.create(person=charlie_person, goal=goal, text="Steg")
    Win.objects.create(person=charlie_person, step=step, text="Seier")
    charlie_client.post(plan_url(charlie_person, f"mal/{goal.pk}/slett/"))
    assert not Goal.objects.exists() and Win.objects.get().text == "Seier"


def test_a_step_for_a_goal_that_is_not_the_persons_is_refused_and_logged(charlie_client, charlie_person, organisation):
    from audit.models import Action, AuditEvent
    from people.models import Person

    other = Person.objects.create(organisation=organisation, display_name="Annen")
    their_goal = Goal.objects.create(person=other, text="Ikke ditt")
    response = charlie_client.get(plan_url(charlie_person, f"steg/ny/?mal={their_goal.pk}"))
    assert response.status_code == 404
    assert AuditEvent.objects.filter(
        person_id=charlie_person.pk, action=Action.DENIED, object_type="goal", object_id=str(their_goal.pk)
    ).exists()


def test_an_empty_sub_goal_says_what_is_missing_once(charlie_client, charlie_person):
    charlie_client.post(plan_url(charlie_person, "mal/ny/"), {"text": "Gå tur", "status": "underveis"})
    goal = Goal.objects.get()
    response = charlie_client.post(plan_url(charlie_person, f"delmal/ny/?mal={goal.pk}"), {"text": "   "})
    assert response.content.decode().count("Skriv delmålet.") == 1


def test_ticking_a_step_off_shows_when_and_by_whom(alice_client, charlie_person, alice):
    from datetime import timedelta

    import time_machine
    from django.utils import timezone

    goal = Goal.objects.create(person=charlie_person, text="Gå tur")
    step = Step.objects.create(person=charlie_person, goal=goal, text="Finne skoene")
    later = timezone.now() + timedelta(minutes=20)
    with time_machine.travel(later, tick=False):
        alice_client.post(plan_url(charlie_person, f"steg/{step.pk}/gjort/"), {"done": "1"})
    step.refresh_from_db()
    assert step.updated == later and step.updated_by == alice and step.done_by == alice


def test_two_first_saves_of_the_crisis_plan_make_one_plan(charlie, charlie_person):
    from plans.actions import crisis_plan_for

    first, made_first = crisis_plan_for(charlie_person, actor=charlie, basis="self", part_order=["selv"])
    again, made_again = crisis_plan_for(charlie_person, actor=charlie, basis="self", part_order=["etter"])
    assert made_first and not made_again and again.pk == first.pk and again.part_order == ["selv"]
