"""The journal page: this week first with a gentle start, then the earlier weeks newest first,
and a warm empty state."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reflection.models import JournalEntry

pytestmark = pytest.mark.django_db


def test_an_empty_journal_invites_a_first_week(alice_client, this_monday):
    page = alice_client.get("/refleksjon/").content.decode()
    assert "Denne uka" in page and "Skriv for denne uka" in page
    assert "Ett spørsmål holder" in page
    assert "Her samler ukene dine seg etter hvert." in page
    assert "ikke kolleger, ikke teamleder, ikke administrator" in page
    assert f"/refleksjon/uke/?uke={this_monday.isoformat()}" in page


def test_a_started_week_can_be_continued(alice_client, alice, this_monday):
    entry = JournalEntry.objects.create(
        author=alice,
        week_of=this_monday,
        answers={"refleksjon-hverdagsliv": {"refleksjon-1": "Ja", "refleksjon-2": "Litt"}},
        method_key="metode-1",
    )
    page = alice_client.get("/refleksjon/").content.decode()
    assert "Fortsett å skrive" in page
    assert "2 av 13 spørsmål" in page and "Start Alltid med Personens Egne Mål" in page
    assert f"/refleksjon/{entry.pk}/" in page
    assert "Her samler ukene dine seg etter hvert." in page  # no earlier weeks yet


def test_earlier_weeks_newest_first(alice_client, alice, this_monday):
    for weeks_ago in (5, 1, 3):
        JournalEntry.objects.create(author=alice, week_of=this_monday - timedelta(weeks=weeks_ago), notes="x")
    page = alice_client.get("/refleksjon/").content.decode()
    positions = [page.index(f"Uke {(this_monday - timedelta(weeks=n)).isocalendar().week},") for n in (1, 3, 5)]
    assert positions == sorted(positions)


def test_the_list_costs_the_same_few_queries_for_many_weeks(alice_client, alice, this_monday, steady_content_cache):
    def queries():
        alice_client.get("/refleksjon/")  # warm the content cache
        with CaptureQueriesContext(connection) as captured:
            assert alice_client.get("/refleksjon/").status_code == 200
        return len(captured)

    few = queries()
    JournalEntry.objects.bulk_create(
        JournalEntry(author=alice, week_of=this_monday - timedelta(weeks=n), notes="x") for n in range(1, 120)
    )
    assert queries() == few
