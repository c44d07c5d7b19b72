"""Who follows whom, in the app: a team leader starts and ends care relations, and a handover
ends one and starts the other in one step, with a note the person reads on «Min side» and both
colleagues see on «I dag»."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from audit.models import AuditEvent
from conftest import sign_in
from people.models import Block, CareRelation, Handover

pytestmark = pytest.mark.django_db


def contacts_page(person) -> str:
    return f"/organisasjon/personer/{person.pk}/"


def hand_over(client, person, relation, to, starts, note=""):
    data = {"do": "handover", "relation": relation.pk, "to_staff": to.pk, "starts": starts.isoformat(), "note": note}
    return client.post(contacts_page(person), data)


def test_a_handover_is_one_step_and_everyone_concerned_sees_it(lise_client, charlie_person, charlie, alice, gina):
    old = CareRelation.objects.get(person=charlie_person, staff=alice)
    page = lise_client.get(contacts_page(charlie_person)).content.decode()
    assert "Overlever til en kollega" in page and "Charlie Dahl ser dette" in page  # the note is read by the person

    starts = timezone.localdate() + timedelta(days=10)
    note = "Alice slutter, og Gina tar over fra mars. Gina ringer deg før det."
    assert hand_over(lise_client, charlie_person, old, gina, starts, note).status_code == 302

    handover = Handover.objects.get(person=charlie_person)
    assert (handover.from_staff, handover.to_staff, handover.starts, handover.note) == (alice, gina, starts, note)
    old.refresh_from_db()
    new = CareRelation.objects.get(person=charlie_person, staff=gina)
    assert old.ended == new.started and timezone.localtime(new.started).date() == starts
    # Until that day Alice is the contact; from it, Gina.
    assert CareRelation.objects.active().filter(person=charlie_person, staff=alice).exists()

    mine = sign_in(Client(), charlie, two_factor=False).get("/min-side/").content.decode()
    assert "Ny fast kontakt: Gina Gran" in mine and "Gina ringer deg før det" in mine
    assert "Alice Aas er ikke lenger fast kontakt for deg fra" in mine
    assert "Du tar over Charlie Dahl fra Alice Aas" in sign_in(Client(), gina).get("/").content.decode()
    assert "Charlie Dahl går over til Gina Gran" in sign_in(Client(), alice).get("/").content.decode()

    # The person's own access log says who did it, on the organisation's basis.
    events = AuditEvent.objects.filter(person_id=charlie_person.pk, basis="organisation")
    assert {e.object_type for e in events} >= {"handover", "care_relation"}


def test_a_handover_today_takes_effect_now(lise_client, charlie_person, alice, gina):
    old = CareRelation.objects.get(person=charlie_person, staff=alice)
    hand_over(lise_client, charlie_person, old, gina, timezone.localdate())
    assert list(CareRelation.objects.active().filter(person=charlie_person).values_list("staff", flat=True)) == [
        gina.pk
    ]


def test_a_date_in_the_past_or_a_blocked_colleague_is_refused_in_norwegian(lise_client, charlie_person, alice, gina):
    old = CareRelation.objects.get(person=charlie_person, staff=alice)
    page = hand_over(lise_client, charlie_person, old, gina, timezone.localdate() - timedelta(days=1), "Hei").content
    assert "Velg i dag eller en dato fram i tid" in page.decode() and "Hei</textarea>" in page.decode()
    Block.objects.create(person=charlie_person, staff=gina)
    page = hand_over(lise_client, charlie_person, old, gina, timezone.localdate()).content.decode()
    assert "Gina Gran kan ikke bli fast kontakt for Charlie Dahl" in page
    assert not Handover.objects.exists() and not CareRelation.objects.filter(staff=gina).exists()


def test_start_and_end_a_care_relation(lise_client, charlie_person, alice, gina):
    assert lise_client.post(contacts_page(charlie_person), {"do": "start", "staff": gina.pk}).status_code == 302
    relation = CareRelation.objects.active().get(person=charlie_person, staff=gina)
    assert lise_client.post(contacts_page(charlie_person), {"do": "end", "relation": relation.pk}).status_code == 302
    assert not CareRelation.objects.active().filter(person=charlie_person, staff=gina).exists()


def test_a_leader_never_makes_themself_a_contact_and_reads_no_plan(lise_client, lise, charlie_person):
    page = lise_client.post(contacts_page(charlie_person), {"do": "start", "staff": lise.pk}).content.decode()
    assert "Velg en av de ansatte i listen" in page  # the leader is not among them
    assert not CareRelation.objects.filter(staff=lise).exists()
    assert lise_client.get(f"/personer/{charlie_person.pk}/plan/").status_code == 404  # names, not content


def test_the_overview_shows_caseloads_and_overdue_follow_ups_by_date_only(lise_client, charlie_person, alice):
    from conversations.models import Conversation

    Conversation.objects.create(
        person=charlie_person, created_by=alice, held_on=timezone.localdate() - timedelta(days=20),
        follow_up_on=timezone.localdate() - timedelta(days=3), situation="Hemmelig situasjon",
    )  # fmt: skip
    page = lise_client.get("/organisasjon/").content.decode()
    row = page[page.index("Alice Aas") :]
    assert row.index("Charlie Dahl") < row.index("</tr>")  # overdue, named, in Alice's row
    assert "Hemmelig situasjon" not in page
