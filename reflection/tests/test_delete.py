"""Deleting a week asks first, then removes it for good – only for its author."""

import pytest
from django.db import models

from reflection.models import JournalEntry
from reflection.tests.conftest import CANARY

pytestmark = pytest.mark.django_db


def test_deleting_asks_first_and_then_removes_the_week(alice_client, alice_entry):
    url = f"/refleksjon/{alice_entry.pk}/slett/"
    page = alice_client.get(url).content.decode()
    assert f"Slette uke {alice_entry.week_number}?" in page
    assert "blir borte for godt" in page and CANARY not in page
    assert JournalEntry.objects.filter(pk=alice_entry.pk).exists()  # looking is not deleting
    response = alice_client.post(url)
    assert response.status_code == 302 and response["Location"] == "/refleksjon/"
    assert not JournalEntry.objects.exists()
    listing = alice_client.get("/refleksjon/").content.decode()
    assert f"Uke {alice_entry.week_number}, {alice_entry.week_of.year} er slettet." in listing
    assert alice_client.get(f"/refleksjon/{alice_entry.pk}/").status_code == 404


def test_the_week_page_and_the_reading_page_lead_to_deleting(alice_client, alice_entry):
    url = f"/refleksjon/{alice_entry.pk}/slett/"
    assert url in alice_client.get(f"/refleksjon/{alice_entry.pk}/").content.decode()
    assert url in alice_client.get(f"/refleksjon/uke/?uke={alice_entry.week_of}").content.decode()
    assert "/slett/" not in alice_client.get("/refleksjon/uke/").content.decode()  # nothing saved this week yet


def test_a_week_can_be_written_again_after_deleting(alice_client, alice_entry):
    alice_client.post(f"/refleksjon/{alice_entry.pk}/slett/")
    response = alice_client.post(f"/refleksjon/uke/?uke={alice_entry.week_of}", {"notes": "Ny start"})
    assert response.status_code == 302
    assert JournalEntry.objects.get().notes == "Ny start"


def test_the_journal_leaves_with_its_author():
    # Removing a staff user removes their journal with them (nobody inherits it).
    assert JournalEntry._meta.get_field("author").remote_field.on_delete is models.CASCADE
