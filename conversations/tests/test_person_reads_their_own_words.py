"""The person opens their own conversation, evaluation form and goal form: the pages speak to
them, in plain words, not in the practitioner's terms or in English."""

import pytest
from django.test import Client
from django.utils import timezone

from conftest import sign_in
from conversations.tests.conftest import url

pytestmark = pytest.mark.django_db


def test_the_conversation_page_speaks_to_the_person(charlie_client, conversation):
    page = charlie_client.get(url(conversation)).content.decode()
    assert "Samtalen din" in page and "Skriv med dine egne ord" in page
    assert "kjenner du at du er nå?" in page and "Å prøve små steg" in page
    assert "personens egne ord" not in page and "er personen nå?" not in page


def test_the_practitioner_still_sees_their_own_wording(alice, conversation):
    page = sign_in(Client(), alice).get(url(conversation)).content.decode()
    assert "Skriv gjerne med personens egne ord" in page and "Hvor i motivasjonssirkelen er personen nå?" in page


def test_the_goal_and_evaluation_forms_name_the_areas_in_plain_norwegian(charlie_client, charlie_person, conversation):
    goal_form = charlie_client.get(f"/personer/{charlie_person.pk}/plan/mal/ny/").content.decode()
    assert "Håp – at ting kan bli bedre" in goal_form
    assert "(Hope)" not in goal_form and "Connectedness" not in goal_form and "CHIME" not in goal_form
    evaluation = charlie_client.get(url(conversation, "evaluering/min/")).content.decode()
    assert "Å bestemme selv – å ha noe å si over eget liv" in evaluation and "CHIME-områder" not in evaluation
    assert "Myndiggjøring" not in evaluation


def test_the_person_finds_their_conversations_by_date_and_topic_not_by_stage(
    charlie_client, alice, charlie_person, conversation
):
    conversation.stage, conversation.situation, conversation.ended = "handling", "Jobbsøknaden", timezone.now()
    conversation.save()
    mine = charlie_client.get(f"/personer/{charlie_person.pk}/samtaler/").content.decode().split("<main")[1]
    assert "– Jobbsøknaden" in mine and "Handling" not in mine
    staff = sign_in(Client(), alice).get(f"/personer/{charlie_person.pk}/samtaler/").content.decode().split("<main")[1]
    assert "Handling" in staff  # staff keep the stage, with the seed's words
