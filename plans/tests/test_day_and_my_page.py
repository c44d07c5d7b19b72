"""The 24-hour view and the person's home page ("Min side")."""

from datetime import timedelta

import pytest
from django.utils import timezone

from plans.models import DayGoal, Goal, Step, Win

pytestmark = pytest.mark.django_db


def test_min_side_shows_today_next_steps_wins_and_what_waits(charlie_client, charlie_person):
    today = timezone.localdate()
    DayGoal.objects.create(person=charlie_person, text="Spise frokost", for_date=today)
    DayGoal.objects.create(person=charlie_person, text="Gammelt mål", for_date=today - timedelta(days=3))
    goal = Goal.objects.create(
        person=charlie_person, text="Bli bedre kjent i nabolaget", evaluate_on=today + timedelta(days=2)
    )
    Step.objects.create(person=charlie_person, goal=goal, text="Hilse på naboen", due=today)
    Win.objects.create(person=charlie_person, text="Gikk på kafeen")
    page = charlie_client.get("/min-side/").content.decode()
    assert "Hei, Charlie Dahl" in page
    assert "Spise frokost" in page and "Gammelt mål" not in page
    assert "Hilse på naboen" in page and "Gikk på kafeen" in page
    assert "Snart tid for å se på målet sammen" in page and "Bli bedre kjent i nabolaget" in page


def test_a_24_hour_goal_is_ticked_off_from_min_side(charlie_client, charlie_person):
    day_goal = DayGoal.objects.create(person=charlie_person, text="Ringe mamma", for_date=timezone.localdate())
    response = charlie_client.post(
        f"/personer/{charlie_person.pk}/plan/24-timer/{day_goal.pk}/gjort/", {"done": "1", "tilbake": "min-side"}
    )
    assert response["Location"] == "/min-side/"
    day_goal.refresh_from_db()
    assert day_goal.done_at is not None


def test_the_24_hour_view_has_today_tomorrow_and_due_steps(charlie_client, charlie_person):
    base = f"/personer/{charlie_person.pk}/plan/"
    charlie_client.post(base + "24/ny/", {"text": "Rydde på kjøkkenet", "for_date": "i-dag"})
    charlie_client.post(base + "24/ny/", {"text": "Møte på NAV", "for_date": "i-morgen"})
    goal = Goal.objects.create(person=charlie_person, text="Orden")
    Step.objects.create(person=charlie_person, goal=goal, text="Betale strømregningen", due=timezone.localdate())
    page = charlie_client.get(base + "24-timer/").content.decode()
    today_part, tomorrow_part = page.split("I morgen</h2>", 1)
    assert "Rydde på kjøkkenet" in today_part and "Møte på NAV" in tomorrow_part
    assert "Betale strømregningen" in page


def test_staff_land_on_their_own_home_not_min_side(alice_client):
    assert alice_client.get("/min-side/")["Location"] == "/"


def test_min_side_leads_to_every_part_of_the_persons_own_tool(charlie_client, charlie_person):
    page = charlie_client.get("/min-side/").content.decode()
    base = f"/personer/{charlie_person.pk}/"
    for link in [
        "plan/",
        "plan/nettverk/",
        "plan/ressurser/",
        "plan/kriseplan/",
        "plan/uke/",
        "chime/",
        "mi/",
        "samtaler/",
    ]:
        assert f'href="{base}{link}"' in page, link
