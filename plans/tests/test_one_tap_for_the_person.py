"""The person ticks off what they did in one tap, where they are – on «Min side» or the goal –
and celebrates it in place: no page in between. A new goal opens on the goal, ready for a step."""

import pytest
from django.utils import timezone

from plans.models import DayGoal, Goal, Step, Win

pytestmark = pytest.mark.django_db


def plan_url(person, rest=""):
    return f"/personer/{person.pk}/plan/{rest}"


def _goal_with_step(person, *, step_text="Finne skoene"):
    goal = Goal.objects.create(person=person, text="Gå tur")
    step = Step.objects.create(person=person, goal=goal, text=step_text)
    return goal, step


def test_my_page_has_a_tick_button_for_todays_goal_and_the_next_steps(charlie_client, charlie_person):
    DayGoal.objects.create(person=charlie_person, text="Ringe Kari", for_date=timezone.localdate())
    _goal, step = _goal_with_step(charlie_person)
    page = charlie_client.get("/min-side/").content.decode()
    assert "Merk som gjort: Ringe Kari" in page
    assert "Merk som gjort: Finne skoene" in page
    assert f'action="{plan_url(charlie_person, f"steg/{step.pk}/gjort/")}"' in page


def test_unticking_says_so(charlie_client, charlie_person):
    _goal, step = _goal_with_step(charlie_person)
    charlie_client.post(plan_url(charlie_person, f"steg/{step.pk}/gjort/"), {"done": "1"})
    html = charlie_client.post(
        plan_url(charlie_person, f"steg/{step.pk}/gjort/"), {"done": "0"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "Merket som ikke gjort." in html and "Merk som gjort: Finne skoene" in html


def test_ticking_a_step_on_my_page_stays_on_my_page(charlie_client, charlie_person):
    _goal, step = _goal_with_step(charlie_person)
    response = charlie_client.post(
        plan_url(charlie_person, f"steg/{step.pk}/gjort/"), {"done": "1", "tilbake": "min-side"}
    )
    assert response.status_code == 302 and response["Location"] == "/min-side/"
    step.refresh_from_db()
    assert step.done_at is not None
    page = charlie_client.get("/min-side/").content.decode()
    assert "Steget er gjort" in page


def test_ticking_a_step_on_the_goal_goes_back_to_the_step_not_to_a_page_in_between(charlie_client, charlie_person):
    goal, step = _goal_with_step(charlie_person)
    response = charlie_client.post(plan_url(charlie_person, f"steg/{step.pk}/gjort/"), {"done": "1"})
    assert response["Location"] == plan_url(charlie_person, f"mal/{goal.pk}/") + f"#steg-{step.pk}"
    page = charlie_client.get(response["Location"]).content.decode()
    assert "Steget er gjort. Vil du feire det?" in page
    assert "Feire<span" in page  # one tap, right beside the step


def test_celebrating_in_place_keeps_the_steps_words_and_goes_back(charlie_client, charlie_person):
    goal, step = _goal_with_step(charlie_person)
    charlie_client.post(plan_url(charlie_person, f"steg/{step.pk}/gjort/"), {"done": "1"})
    response = charlie_client.post(plan_url(charlie_person, f"steg/{step.pk}/feire/"), {"text": step.text})
    assert response["Location"] == plan_url(charlie_person, f"mal/{goal.pk}/") + f"#steg-{step.pk}"
    assert Win.objects.get().text == "Finne skoene" and Win.objects.get().step == step
    response = charlie_client.post(
        plan_url(charlie_person, f"steg/{step.pk}/feire/"), {"text": step.text, "tilbake": "min-side"}
    )
    assert response["Location"] == "/min-side/" and Win.objects.count() == 1  # a double tap celebrates once


def test_with_htmx_the_step_is_ticked_in_place(charlie_client, charlie_person):
    _goal, step = _goal_with_step(charlie_person)
    response = charlie_client.post(
        plan_url(charlie_person, f"steg/{step.pk}/gjort/"), {"done": "1"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li class="step step-done" id="steg-{step.pk}"')
    assert "Steget er gjort. Vil du feire det?" in html and 'id="messages"' in html  # said in the page's live region
    assert "Gjort – merk som ikke gjort: Finne skoene" in html
    response = charlie_client.post(
        plan_url(charlie_person, f"steg/{step.pk}/feire/"), {"text": step.text}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and "feiret ★" in response.content.decode()
    assert Win.objects.filter(step=step).count() == 1


def test_with_htmx_a_days_goal_is_ticked_in_place(charlie_client, charlie_person):
    day_goal = DayGoal.objects.create(person=charlie_person, text="Ringe Kari", for_date=timezone.localdate())
    response = charlie_client.post(
        plan_url(charlie_person, f"24-timer/{day_goal.pk}/gjort/"),
        {"done": "1", "tilbake": "min-side"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<li class="step step-done">')
    assert "Gjort – merk som ikke gjort: Ringe Kari" in html and "<html" not in html
    assert 'id="messages" data-hx-swap-oob="innerHTML"' in html and "Gjort!" in html
    day_goal.refresh_from_db()
    assert day_goal.done_at is not None


def test_a_new_goal_opens_on_the_goal_with_a_small_step_ready(charlie_client, charlie_person):
    response = charlie_client.post(plan_url(charlie_person, "mal/ny/"), {"text": "Gå tur", "status": "underveis"})
    goal = Goal.objects.get()
    assert response["Location"] == plan_url(charlie_person, f"mal/{goal.pk}/")
    page = charlie_client.get(response["Location"]).content.decode()
    assert "Legg til et lite steg" in page
    assert f'action="{plan_url(charlie_person, "steg/ny/")}?mal={goal.pk}"' in page
    response = charlie_client.post(
        plan_url(charlie_person, f"steg/ny/?mal={goal.pk}"), {"text": "Finne skoene", "mal": goal.pk}
    )
    assert response["Location"] == plan_url(charlie_person, f"mal/{goal.pk}/")
    assert Step.objects.get().text == "Finne skoene" and Step.objects.get().due is None
