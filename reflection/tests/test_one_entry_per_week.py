"""One entry per staff member per week: saving again edits the same entry, any day of a
week opens that week, and a save from a page that is out of date (another device saved in
between) shows both versions and keeps what was typed."""

import re
from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from conftest import sign_in
from reflection import actions
from reflection.models import JournalEntry

pytestmark = pytest.mark.django_db
WEEK = "/refleksjon/uke/"
Q1 = "svar-refleksjon-hverdagsliv-refleksjon-1"
Q2 = "svar-refleksjon-praksis-makt"


def test_saving_twice_edits_the_same_entry(alice_client, alice, this_monday):
    first = alice_client.post(WEEK, {Q1: "Jeg så håp hos Kari"})
    assert first.status_code == 302
    page = alice_client.get(first["Location"]).content.decode()
    assert "Lagret." in page and "Jeg så håp hos Kari" in page
    entry = JournalEntry.objects.get()
    second = alice_client.post(first["Location"], {Q1: "Jeg så håp", Q2: "Agendaen var hennes", "version": "0"})
    assert second.status_code == 302
    entry.refresh_from_db()
    assert JournalEntry.objects.count() == 1
    assert (entry.author, entry.week_of, entry.version) == (alice, this_monday, 1)
    assert entry.answers == {
        "refleksjon-hverdagsliv": {"refleksjon-1": "Jeg så håp"},
        "refleksjon-praksis": {"makt": "Agendaen var hennes"},
    }


def test_opening_the_week_again_shows_what_was_saved(alice_client):
    alice_client.post(WEEK, {Q1: "Lyttet mer", "sjekk-overstyring": "litt", "istedenfor-overstyring": "Spørre først"})
    page = alice_client.get(WEEK).content.decode()
    assert "Lyttet mer" in page and "Spørre først" in page
    assert 'name="version" value="0"' in page
    assert re.search(r'name="sjekk-overstyring" value="litt"[^>]*checked', page)


def test_any_day_of_a_week_opens_that_weeks_entry(alice_client, this_monday):
    last_monday = this_monday - timedelta(days=7)
    last_thursday = last_monday + timedelta(days=3)
    response = alice_client.post(f"{WEEK}?uke={last_thursday.isoformat()}", {"notes": "Travel uke"})
    assert response.status_code == 302
    assert response["Location"] == f"{WEEK}?uke={last_monday.isoformat()}"
    entry = JournalEntry.objects.get()
    assert entry.week_of == last_monday
    assert (
        "Travel uke" in alice_client.get(f"{WEEK}?uke={(last_monday + timedelta(days=6)).isoformat()}").content.decode()
    )
    assert "Travel uke" not in alice_client.get(WEEK).content.decode()  # this week is still blank


def test_the_database_allows_only_one_entry_per_author_and_week(alice, this_monday):
    JournalEntry.objects.create(author=alice, week_of=this_monday, notes="En")
    with pytest.raises(IntegrityError), transaction.atomic():
        JournalEntry.objects.create(author=alice, week_of=this_monday + timedelta(days=2), notes="To")


def test_a_double_submit_saves_once_and_says_saved(alice_client):
    data = {Q1: "Samme tekst to ganger"}
    assert alice_client.post(WEEK, data).status_code == 302
    assert alice_client.post(WEEK, data).status_code == 302
    assert JournalEntry.objects.count() == 1


def test_saving_from_two_devices_shows_both_and_keeps_what_was_typed(client, alice, this_monday):
    phone = sign_in(client, alice)
    laptop = sign_in(type(client)(), alice)
    phone.post(WEEK, {Q1: "Fra telefonen"})
    laptop.get(WEEK)  # the laptop opens version 0 …
    assert (
        phone.post(WEEK, {Q1: "Fra telefonen, litt mer", "version": "0"}).status_code == 302
    )  # … the phone saves again
    response = laptop.post(WEEK, {Q1: "Fra laptopen", "notes": "Viktig notat", "version": "0"})
    body = response.content.decode()
    assert response.status_code == 409
    assert "Uka ble lagret et annet sted mens du skrev" in body
    assert "Fra telefonen, litt mer" in body and "Fra laptopen" in body  # both versions
    assert "Viktig notat</textarea>" in body  # what was typed is still in the form
    assert 'name="version" value="1"' in body  # now against the saved version
    entry = JournalEntry.objects.get()
    assert entry.answers["refleksjon-hverdagsliv"]["refleksjon-1"] == "Fra telefonen, litt mer"  # not overwritten
    assert laptop.post(WEEK, {Q1: "Fra laptopen", "notes": "Viktig notat", "version": "1"}).status_code == 302
    entry.refresh_from_db()
    assert (entry.notes, entry.version) == ("Viktig notat", 2)


def test_a_new_page_for_a_week_that_was_started_elsewhere_does_not_overwrite(client, alice):
    phone = sign_in(client, alice)
    laptop = sign_in(type(client)(), alice)
    laptop.get(WEEK)  # blank page, no version yet
    phone.post(WEEK, {"notes": "Fra telefonen"})
    response = laptop.post(WEEK, {"notes": "Fra laptopen"})
    assert response.status_code == 409
    assert "Fra telefonen" in response.content.decode() and "Fra laptopen" in response.content.decode()
    assert JournalEntry.objects.get().notes == "Fra telefonen"


def test_a_week_deleted_on_another_device_is_saved_again_from_the_open_page(alice_client, alice, this_monday):
    alice_client.post(WEEK, {"notes": "Først"})
    JournalEntry.objects.all().delete()
    assert alice_client.post(WEEK, {"notes": "Likevel", "version": "0"}).status_code == 302
    assert JournalEntry.objects.get().notes == "Likevel"


def test_the_save_action_refuses_a_stale_version(alice, this_monday):
    fields = {"answers": {}, "method_key": "", "method_plan": "", "method_follow_up": "", "self_check": {}}
    actions.save_entry(alice, this_monday, None, **fields, notes="A")
    actions.save_entry(alice, this_monday, 0, **fields, notes="B")
    with pytest.raises(actions.Conflict) as conflict:
        actions.save_entry(alice, this_monday, 0, **fields, notes="C")
    assert conflict.value.current.notes == "B"
