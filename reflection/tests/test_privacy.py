"""Only the author ever sees or changes a journal entry. Colleagues, team leaders and
admins get the same 404 as for an entry that does not exist; persons in recovery get 404
on every journal URL; without signing in you are sent to sign in. The text never shows."""

import re

import pytest

from audit.models import Action, AuditEvent
from reflection.models import JournalEntry
from reflection.tests.conftest import CANARY, client_for

pytestmark = pytest.mark.django_db

OTHERS = ["bob", "gina", "lise", "siri", "charlie"]


@pytest.fixture
def users(bob, gina, lise, siri, charlie, charlie_person):
    return {"bob": bob, "gina": gina, "lise": lise, "siri": siri, "charlie": charlie, "anonymous": None}


def _page(response) -> str:
    """The page without what differs on every response anyway (CSP nonce, CSRF token)."""
    return re.sub(r'(nonce|value)="[^"]*"', "", response.content.decode())


def entry_urls(entry):
    return [f"/refleksjon/{entry.pk}/", f"/refleksjon/{entry.pk}/slett/"]


def week_url(entry):
    return f"/refleksjon/uke/?uke={entry.week_of.isoformat()}"


def test_the_author_sees_her_own_week(alice_client, alice_entry):
    for url in [*entry_urls(alice_entry), "/refleksjon/", week_url(alice_entry)]:
        response = alice_client.get(url)
        assert response.status_code == 200, url
    body = alice_client.get(f"/refleksjon/{alice_entry.pk}/").content.decode()
    for text in ["Håp", "Makt", "Plan", "Gikk", "I stedet", "Notat"]:
        assert f"{text} {CANARY}" in body


@pytest.mark.parametrize("who", ["bob", "gina", "lise", "siri"])
def test_other_staff_get_404_like_an_entry_that_does_not_exist(client, users, alice_entry, who):
    client_for(client, users[who])
    for url in entry_urls(alice_entry):
        for method in (client.get, client.post):
            theirs = method(url)
            missing = method(url.replace(str(alice_entry.pk), str(alice_entry.pk + 1000)))
            assert theirs.status_code == missing.status_code == 404, url
            assert CANARY not in theirs.content.decode()
            assert _page(theirs) == _page(missing)  # nothing tells the two apart
    # Their own journal and their own week page show nothing of alice's.
    for url in ["/refleksjon/", week_url(alice_entry), "/refleksjon/uke/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert CANARY not in response.content.decode()
    assert JournalEntry.objects.filter(pk=alice_entry.pk).exists()  # the POST to delete did nothing


def test_a_person_in_recovery_gets_404_on_every_journal_url(client, users, alice_entry):
    client_for(client, users["charlie"])
    for url in ["/refleksjon/", "/refleksjon/uke/", week_url(alice_entry), *entry_urls(alice_entry)]:
        for method in (client.get, client.post):
            response = method(url, {"notes": "Hei"}) if method == client.post else method(url)
            assert response.status_code == 404, url
            assert CANARY not in response.content.decode()
    assert not JournalEntry.objects.filter(author=users["charlie"]).exists()


def test_without_signing_in_you_are_sent_to_sign_in(client, alice_entry):
    for url in ["/refleksjon/", "/refleksjon/uke/", *entry_urls(alice_entry)]:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/logg-inn/"), url
            assert CANARY not in response.content.decode()
    assert JournalEntry.objects.filter(pk=alice_entry.pk).exists()


def test_a_refusal_is_audited_without_anything_from_the_entry(client, users, alice_entry):
    client_for(client, users["lise"])
    client.get(f"/refleksjon/{alice_entry.pk}/")
    event = AuditEvent.objects.get(action=Action.DENIED, object_type="reflection_entry")
    assert (event.actor_id, event.object_id, event.person_id) == (users["lise"].pk, str(alice_entry.pk), None)
    assert not any(CANARY in str(value) for row in AuditEvent.objects.values() for value in row.values())


def test_writing_in_the_journal_leaves_nothing_in_the_organisation_log(alice_client, alice_entry):
    before = AuditEvent.objects.count()
    alice_client.get("/refleksjon/")
    alice_client.get(f"/refleksjon/{alice_entry.pk}/")
    alice_client.post("/refleksjon/uke/", {"notes": "Ny uke"})
    assert AuditEvent.objects.count() == before


def test_a_colleague_writing_the_same_week_gets_her_own_entry(client, users, alice_entry):
    client_for(client, users["gina"])
    response = client.post(week_url(alice_entry), {"notes": "Ginas uke"})
    assert response.status_code == 302
    assert JournalEntry.objects.filter(week_of=alice_entry.week_of).count() == 2
    alice_entry.refresh_from_db()
    assert alice_entry.notes == f"Notat {CANARY}"
