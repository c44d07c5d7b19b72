"""Two people editing the same thing at once never silently overwrite each other."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from items import actions
from plans.models import Goal, NetworkEntry

pytestmark = pytest.mark.django_db


def goal_form(text, version, **extra):
    return {"text": text, "status": "underveis", "version": version, **extra}


def test_the_second_save_sees_both_texts_and_keeps_what_was_typed(charlie_client, alice_client, charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Gå en tur hver dag")
    url = f"/personer/{charlie_person.pk}/plan/mal/{goal.pk}/endre/"
    alice_client.get(url)
    charlie_client.get(url)  # both opened version 0
    assert alice_client.post(url, goal_form("Gå en tur annenhver dag", 0)).status_code == 302
    response = charlie_client.post(url, goal_form("Gå en lang tur hver dag", 0, supporters="Hunden"))
    body = response.content.decode()
    assert response.status_code == 409
    assert "Noen andre lagret samtidig" in body and "Alice Aas" in body
    assert "Gå en tur annenhver dag" in body and "Gå en lang tur hver dag" in body
    assert 'value="Hunden"' in body  # nothing typed is lost
    goal.refresh_from_db()
    assert goal.text == "Gå en tur annenhver dag"  # not overwritten
    assert charlie_client.post(url, goal_form("Gå en lang tur annenhver dag", 1)).status_code == 302
    goal.refresh_from_db()
    assert (goal.text, goal.version) == ("Gå en lang tur annenhver dag", 2)


def test_the_crisis_plan_and_the_network_map_are_guarded_too(charlie_client, alice_client, charlie_person):
    base = f"/personer/{charlie_person.pk}/plan/"
    part = base + "kriseplan/del/selv/"
    charlie_client.post(part, {"text": "Musikk"})
    alice_client.post(part, {"text": "Musikk og te", "version": 0})
    assert charlie_client.post(part, {"text": "Musikk og tur", "version": 0}).status_code == 409
    # Another part, written at the same time from the same old page, is no conflict: each part has its own version.
    assert alice_client.post(base + "kriseplan/del/motes/", {"text": "Rolig"}).status_code == 302
    entry = NetworkEntry.objects.create(person=charlie_person, name="Mamma", ring="naer", group="familie-venner")
    alice_client.post(
        base + f"nettverk/{entry.pk}/endre/", {"name": "Mor", "ring": "naer", "group": "familie-venner", "version": 0}
    )
    assert (
        charlie_client.post(
            base + f"nettverk/{entry.pk}/endre/",
            {"name": "Mamma Kari", "ring": "naer", "group": "familie-venner", "version": 0},
        ).status_code
        == 409
    )


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_saves_lose_nothing(charlie_person, alice, capsys):
    goal = Goal.objects.create(person=charlie_person, text="")
    conflicts, lock = [0], threading.Lock()

    def save(writer: int):
        try:
            for _attempt in range(500):
                current = Goal.objects.get(pk=goal.pk)
                try:
                    actions.update(
                        current, current.version, actor=alice, basis="relation", text=f"{current.text}[{writer}]"
                    )
                    return
                except actions.Conflict:
                    with lock:
                        conflicts[0] += 1
            raise AssertionError(f"writer {writer} never got its save in")
        finally:
            connection.close()

    start = threading.Barrier(50)

    def run(writer):
        start.wait()
        save(writer)

    with ThreadPoolExecutor(max_workers=50) as pool:
        list(pool.map(run, range(50)))
    goal.refresh_from_db()
    lost = [w for w in range(50) if f"[{w}]" not in goal.text]
    with capsys.disabled():
        print(
            f"\n50 concurrent saves: {50 - len(lost)} kept, {conflicts[0]} conflicts caught and retried, {len(lost)} lost"
        )
    assert lost == [] and goal.version == 50
