"""A conversation that turns into a crisis: the practitioner says so with one tap, and the
safety card and grounded questions come at once – whatever words the notes hold. The phase
change is audited, and it never makes the notes someone is typing look stale."""

import pytest
from django.test import Client

from audit.models import AuditEvent
from conftest import sign_in
from conversations.models import Conversation
from conversations.tests.conftest import url

pytestmark = pytest.mark.django_db


def test_one_tap_turns_the_conversation_to_crisis_and_brings_the_card(alice_client, conversation):
    before = alice_client.get(url(conversation)).content.decode()
    assert "krisekort-tittel" not in before
    assert "Det har blitt en krise" in before  # the button is there while it is not yet a crisis

    response = alice_client.post(url(conversation, "retning/"), {"phase": "krise"}, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Fasen er nå «Krise»" in page
    assert 'id="krisekort-tittel"' in page and "113" in page
    assert "Hva hjelper deg å holde ut akkurat nå?" in page
    assert "Hvis du kunne tegne et bilde av et godt liv" not in page
    conversation.refresh_from_db()
    assert conversation.phase == "krise"
    assert conversation.version == 0  # the notes' version is untouched
    assert AuditEvent.objects.filter(
        object_type="conversation", action="update", object_id=str(conversation.pk)
    ).exists()


def test_the_phase_can_also_go_back_and_an_unknown_phase_changes_nothing(alice_client, conversation):
    Conversation.objects.filter(pk=conversation.pk).update(phase="krise")
    alice_client.post(url(conversation, "retning/"), {"phase": "midtfase"})
    conversation.refresh_from_db()
    assert conversation.phase == "midtfase"
    response = alice_client.post(url(conversation, "retning/"), {"phase": "drømmefasen"})
    assert response.status_code == 400 and "Velg fra listen." in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.phase == "midtfase"


def test_the_notes_typed_meanwhile_still_save(alice_client, conversation):
    alice_client.post(url(conversation, "retning/"), {"phase": "krise"})
    response = alice_client.post(url(conversation), {"notes": "Vi snakket om i kveld", "stage": "", "version": "0"})
    assert response.status_code == 302
    conversation.refresh_from_db()
    assert conversation.notes == "Vi snakket om i kveld" and conversation.phase == "krise"


def test_the_person_and_staff_without_a_care_relation_cannot_change_the_phase(charlie_client, conversation, bob):
    assert "Det har blitt en krise" not in charlie_client.get(url(conversation)).content.decode()
    assert charlie_client.post(url(conversation, "retning/"), {"phase": "krise"}).status_code == 404
    assert sign_in(Client(), bob).post(url(conversation, "retning/"), {"phase": "krise"}).status_code == 404
    conversation.refresh_from_db()
    assert conversation.phase == "innledende"


def test_an_ended_conversation_keeps_its_phase(alice_client, conversation):
    from django.utils import timezone

    Conversation.objects.filter(pk=conversation.pk).update(ended=timezone.now())
    response = alice_client.post(url(conversation, "retning/"), {"phase": "krise"}, follow=True)
    assert "Samtalen er avsluttet" in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.phase == "innledende"
