"""A double tap on a phone, or a form sent again after a dropped connection, saves once.
The same words written again later are a new entry, as the person meant them."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from plans.models import Goal, NetworkEntry, Step, Win

pytestmark = pytest.mark.django_db


def plan_url(person, rest=""):
    return f"/personer/{person.pk}/plan/{rest}"


def test_a_goal_sent_twice_is_saved_once(charlie_client, charlie_person):
    for _ in range(2):
        response = charlie_client.post(plan_url(charlie_person, "mal/ny/"), {"text": "Gå tur", "status": "underveis"})
        assert response.status_code == 302
    assert Goal.objects.filter(person=charlie_person).count() == 1


def test_a_step_sent_twice_is_saved_once_but_a_different_step_is_kept(charlie_client, charlie_person):
    charlie_client.post(plan_url(charlie_person, "mal/ny/"), {"text": "Gå tur", "status": "underveis"})
    goal = Goal.objects.get()
    for text in ["Finne skoene", "Finne skoene", "Gå til postkassen"]:
        charlie_client.post(plan_url(charlie_person, f"steg/ny/?mal={goal.pk}"), {"text": text, "mal": goal.pk})
    assert sorted(Step.objects.values_list("text", flat=True)) == ["Finne skoene", "Gå til postkassen"]


def test_a_network_entry_sent_twice_is_saved_once(alice_client, charlie_person):
    entry = {"name": "Søsteren min", "ring": "naer", "group": "familie-venner"}
    for _ in range(2):
        alice_client.post(plan_url(charlie_person, "nettverk/ny/"), entry)
    assert NetworkEntry.objects.filter(person=charlie_person).count() == 1


def test_celebrating_twice_makes_one_win(charlie_client, charlie_person):
    charlie_client.post(plan_url(charlie_person, "mal/ny/"), {"text": "Gå tur", "status": "underveis"})
    goal = Goal.objects.get()
    charlie_client.post(plan_url(charlie_person, f"steg/ny/?mal={goal.pk}"), {"text": "Finne skoene", "mal": goal.pk})
    step = Step.objects.get()
    charlie_client.post(plan_url(charlie_person, f"steg/{step.pk}/gjort/"), {"done": "1"})
    celebrate = plan_url(charlie_person, f"steg/{step.pk}/feire/")
    for _ in range(2):
        response = charlie_client.post(celebrate, {"text": "Fant skoene!"})
        assert response.status_code == 302
    assert Win.objects.filter(step=step).count() == 1


def test_the_same_win_written_again_later_is_a_new_win(charlie_client, charlie_person):
    charlie_client.post(plan_url(charlie_person, "seire/"), {"text": "Tok bussen alene"})
    charlie_client.post(plan_url(charlie_person, "seire/"), {"text": "Tok bussen alene"})
    assert Win.objects.filter(person=charlie_person).count() == 1
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        charlie_client.post(plan_url(charlie_person, "seire/"), {"text": "Tok bussen alene"})
    assert Win.objects.filter(person=charlie_person).count() == 2


def test_a_resource_taken_away_by_mistake_can_be_added_back_at_once(charlie_client, charlie_person):
    from plans.models import ResourceEntry

    base = plan_url(charlie_person)
    charlie_client.post(base + "ressurs/ny/", {"category": "styrker", "text": "Tålmodig"})
    charlie_client.post(base + f"ressurs/{ResourceEntry.objects.get().pk}/slett/")
    charlie_client.post(base + "ressurs/ny/", {"category": "styrker", "text": "Tålmodig"})
    assert ResourceEntry.objects.filter(person=charlie_person, removed__isnull=True).count() == 1
    assert "Tålmodig" in charlie_client.get(base + "ressurser/").content.decode().split("Slik har kartet vokst")[0]
