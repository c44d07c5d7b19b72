"""Consent and blocks are one state per person and team (or staff member): giving consent again
extends it, withdrawing ends it at once, whatever came before – and the database refuses two."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from audit.models import AuditEvent
from conftest import sign_in
from people.models import Block, Consent

pytestmark = pytest.mark.django_db


def consents_url(person):
    return f"/personer/{person.pk}/samtykke/"


def give(client, person, team, days):
    until = (timezone.localdate() + timedelta(days=days)).isoformat()
    return client.post(consents_url(person), {"give": "1", "team": team.pk, "valid_until": until}, follow=True)


def test_extending_then_withdrawing_ends_the_teams_access(charlie_client, charlie_person, other_team, bob):
    """The issue as a person met it: consent to «Arbeid», then again to extend it, then «Trekk tilbake»."""
    give(charlie_client, charlie_person, other_team, 10)
    page = give(charlie_client, charlie_person, other_team, 40).content.decode()
    assert "Samtykket til Arbeid gjelder nå til og med" in page
    assert Consent.objects.filter(person=charlie_person, team=other_team).count() == 1
    consent = Consent.objects.get()
    assert consent.valid_until == timezone.localdate() + timedelta(days=40)
    bob_client = sign_in(Client(), bob)
    assert bob_client.get(f"/personer/{charlie_person.pk}/plan/").status_code == 200
    page = charlie_client.post(consents_url(charlie_person), {"withdraw": consent.pk}, follow=True).content.decode()
    assert "er trukket tilbake. Det gjelder fra nå." in page
    assert "Ingen team har samtykke nå." in page
    assert bob_client.get(f"/personer/{charlie_person.pk}/plan/").status_code == 404


def test_withdrawing_twice_says_so_and_changes_nothing(charlie_client, charlie_person, other_team):
    give(charlie_client, charlie_person, other_team, 10)
    consent = Consent.objects.get()
    charlie_client.post(consents_url(charlie_person), {"withdraw": consent.pk})
    withdrawn = Consent.objects.get().withdrawn
    page = charlie_client.post(consents_url(charlie_person), {"withdraw": consent.pk}, follow=True).content.decode()
    assert "var allerede trukket tilbake" in page and Consent.objects.get().withdrawn == withdrawn


def test_another_persons_consent_cannot_be_withdrawn(charlie_client, charlie_person, organisation, other_team):
    from people.models import Person

    someone = Person.objects.create(organisation=organisation, display_name="Diana")
    theirs = Consent.objects.create(
        person=someone, team=other_team, valid_until=timezone.localdate() + timedelta(days=5)
    )
    assert charlie_client.post(consents_url(charlie_person), {"withdraw": theirs.pk}).status_code == 404
    assert Consent.objects.get(pk=theirs.pk).withdrawn is None
    assert AuditEvent.objects.filter(action="denied", object_type="consent", person_id=charlie_person.pk).exists()


def test_a_consent_given_again_after_it_ran_out_leaves_one_open_consent(charlie_client, charlie_person, other_team):
    Consent.objects.create(person=charlie_person, team=other_team, valid_until=timezone.localdate() - timedelta(days=3))
    give(charlie_client, charlie_person, other_team, 20)
    assert Consent.objects.filter(person=charlie_person, withdrawn__isnull=True).count() == 1
    assert Consent.objects.get(withdrawn__isnull=True).is_active


def test_the_database_refuses_two_open_consents(charlie_person, other_team):
    until = timezone.localdate() + timedelta(days=5)
    Consent.objects.create(person=charlie_person, team=other_team, valid_until=until)
    with pytest.raises(IntegrityError), transaction.atomic():
        Consent.objects.create(person=charlie_person, team=other_team, valid_until=until)
    Consent.objects.update(withdrawn=timezone.now())
    Consent.objects.create(person=charlie_person, team=other_team, valid_until=until)  # history may hold many closed


def test_blocking_twice_is_one_block_and_one_line_in_the_log(charlie_client, charlie_person, alice):
    url = f"/personer/{charlie_person.pk}/sperrer/"
    charlie_client.post(url, {"block": "1", "staff": alice.pk})
    page = charlie_client.post(url, {"block": "1", "staff": alice.pk}, follow=True).content.decode()
    assert "var allerede sperret" in page
    assert Block.objects.count() == 1
    assert AuditEvent.objects.filter(object_type="block", action="create").count() == 1


def test_a_blocked_contact_is_gone_from_every_list_of_who_can_see(charlie_client, charlie_person, alice):
    Block.objects.create(person=charlie_person, staff=alice)
    for path in [
        f"/personer/{charlie_person.pk}/",
        consents_url(charlie_person),
        f"/personer/{charlie_person.pk}/plan/kriseplan/",
    ]:
        page = charlie_client.get(path).content.decode()
        listed = page.split("who-can-see-list")[1].split("</ul>")[0]
        assert "Alice Aas" not in listed, path


def test_the_migration_merges_consents_that_were_given_twice(migrate_to, charlie_person, other_team, charlie_client):
    old = migrate_to([("people", "0001_initial")]).get_model("people", "Consent")
    today = timezone.localdate()
    for days in (10, 40, 20):
        old.objects.create(person_id=charlie_person.pk, team_id=other_team.pk, valid_until=today + timedelta(days=days))
    migrate_to([("people", "0002_one_open_consent_per_team")])
    still_open = Consent.objects.filter(person=charlie_person, withdrawn__isnull=True)
    assert [c.valid_until for c in still_open] == [today + timedelta(days=40)]  # the longest-running one stays
    tidied = AuditEvent.objects.filter(person_id=charlie_person.pk, object_type="consent", actor_role="system")
    assert tidied.count() == 2
    log = charlie_client.get(f"/personer/{charlie_person.pk}/innsyn/").content.decode()
    assert "Medvandrer" in log


def test_giving_consent_again_after_it_ran_out_keeps_the_gap_in_the_history(charlie_client, charlie_person, other_team):
    # January to March, then nothing, then again in September: two consents, and the gap when
    # the team could not see the plan stays visible to the person.
    today = timezone.localdate()
    old = Consent.objects.create(
        person=charlie_person,
        team=other_team,
        given=timezone.now() - timedelta(days=240),
        valid_until=today - timedelta(days=180),
    )
    page = give(charlie_client, charlie_person, other_team, 90).content.decode()
    consents = list(Consent.objects.filter(person=charlie_person, team=other_team).order_by("given"))
    assert len(consents) == 2 and consents[0].pk == old.pk
    assert consents[0].valid_until == today - timedelta(days=180) and consents[0].withdrawn is not None
    assert consents[1].valid_until == today + timedelta(days=90) and consents[1].withdrawn is None
    ended = page.split("Tidligere samtykker")[1]
    assert "Arbeid – gikk ut" in ended and "trukket tilbake" not in ended
