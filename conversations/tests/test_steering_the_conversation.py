"""«Endre fase, fokus eller tema» while the conversation goes on: the questions follow, each
change is kept in the conversation's record (which the person reads too), words that were
«bare for å finne spørsmål» stay unsaved, and bad input loses nothing that was typed."""

import pytest
from django.test import Client

from audit.models import AuditEvent
from conftest import sign_in
from conversations.models import Conversation
from conversations.tests.conftest import url

pytestmark = pytest.mark.django_db


def steer(client, conversation, **data):
    return client.post(url(conversation, "retning/"), data, follow=True)


def test_phase_focus_and_topic_change_and_each_change_is_kept(alice_client, charlie, conversation):
    before = alice_client.get(url(conversation)).content.decode()
    assert "Endre fase, fokus eller tema" in before and 'id="underveis"' not in before

    page = steer(
        alice_client, conversation, phase="midtfase", focus="connectedness", situation="venner å gå tur med"
    ).content.decode()

    assert "Spørsmålene er oppdatert etter det dere endret." in page
    conversation.refresh_from_db()
    assert (conversation.phase, conversation.focus, conversation.situation) == (
        "midtfase",
        "connectedness",
        "venner å gå tur med",
    )
    assert [t["what"] for t in conversation.turns] == ["phase", "focus", "situation"]
    assert "Fase: Midtfase og planlegging" in page and "Fokus: Tilhørighet" in page
    assert "Det vi vil snakke om ble endret" in page
    # the questions now follow the new topic
    assert "Situasjonen ligner på «nære relasjoner" in page
    assert conversation.version == 0  # the notes being typed still save
    assert AuditEvent.objects.filter(object_type="conversation", action="update").count() == 1
    # the person reads the record on their own conversation
    theirs = sign_in(Client(), charlie).get(url(conversation)).content.decode()
    assert "Underveis i samtalen" in theirs and "Fokus: Tilhørighet" in theirs


def test_sending_the_same_again_changes_nothing(alice_client, conversation):
    steer(alice_client, conversation, phase="midtfase", focus="", situation="")
    page = steer(alice_client, conversation, phase="midtfase", focus="", situation="").content.decode()
    assert "Ingenting ble endret." in page
    conversation.refresh_from_db()
    assert [t["what"] for t in conversation.turns] == ["phase"]


def test_words_only_for_finding_questions_stay_unsaved(alice_client, conversation):
    Conversation.objects.filter(pk=conversation.pk).update(situation_saved=False, offered_questions=["C3.3"])
    page = steer(alice_client, conversation, phase="innledende", focus="", situation="jeg vil ikke leve lenger")
    page = page.content.decode()
    conversation.refresh_from_db()
    assert conversation.situation == ""  # never saved
    assert "jeg vil ikke leve lenger" not in page
    assert conversation.crisis_kinds  # but the crisis it held brings the card
    assert 'id="krisekort-tittel"' in page
    assert "Nye ord for å finne spørsmål" in page
    assert conversation.turns[-1] == {"at": conversation.turns[-1]["at"], "what": "situation", "to": ""}


def test_a_new_phase_drops_questions_chosen_by_unsaved_words_for_the_old_one(alice_client, conversation):
    Conversation.objects.filter(pk=conversation.pk).update(situation_saved=False, offered_questions=["C3.3"])
    steer(alice_client, conversation, phase="oppfolging", focus="hope", situation="")
    conversation.refresh_from_db()
    assert conversation.offered_questions == [] and conversation.phase == "oppfolging"


def test_bad_input_is_said_in_norwegian_and_keeps_what_was_typed(alice_client, conversation):
    typed = "venner " * 200  # over 1000 characters
    response = alice_client.post(
        url(conversation, "retning/"), {"phase": "innledende", "focus": "x", "situation": typed}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Velg fra listen." in page
    assert typed.strip() in page  # still in the field
    assert '<details class="steer" open>' in page
    conversation.refresh_from_db()
    assert conversation.turns == [] and conversation.situation == ""


def test_staff_words_the_person_will_read_are_checked_before_saving(alice_client, conversation):
    page = steer(alice_client, conversation, situation="Rusmisbrukeren vil ha venner").content.decode()
    assert "Vil du lagre likevel?" in page and "Rusmisbrukeren vil ha venner" in page
    conversation.refresh_from_db()
    assert conversation.situation == ""
    steer(alice_client, conversation, situation="Rusmisbrukeren vil ha venner", sprak_ok="1")
    conversation.refresh_from_db()
    assert conversation.situation == "Rusmisbrukeren vil ha venner"


def test_the_person_reads_the_focus_in_their_own_words(alice_client, charlie, conversation):
    steer(alice_client, conversation, focus="empowerment")
    theirs = sign_in(Client(), charlie).get(url(conversation)).content.decode()
    assert "Fokus: Å bestemme selv" in theirs and "Myndiggjøring" not in theirs
    staff = alice_client.get(url(conversation)).content.decode()
    assert "Fokus: Myndiggjøring" in staff


def test_words_only_for_finding_questions_are_not_said_to_be_read(alice_client, conversation):
    Conversation.objects.filter(pk=conversation.pk).update(situation_saved=False)
    page = alice_client.get(url(conversation)).content.decode()
    steer_form = page.split('class="steer"')[1].split("</details>")[0]
    assert "Det lagres ikke, og ingen ser det senere." in steer_form
    assert "ser dette" not in steer_form


def test_unsaved_words_that_point_nowhere_give_the_spread_over_the_themes_not_first_meeting_questions(
    alice_client, conversation
):
    Conversation.objects.filter(pk=conversation.pk).update(situation_saved=False, offered_questions=["C3.3"])
    page = steer(alice_client, conversation, phase="", focus="", situation="han husker ikke sist")
    conversation.refresh_from_db()
    assert conversation.offered_questions == []  # nothing chosen by words that picked nothing
    page = page.content.decode()
    assert "Foreslått ut fra det du beskrev" not in page
    assert "Fra temaet «" in page  # the first question of each theme
