"""Everything a staff member writes on a person's pages, the person can read – and the page
says so beside the field, runs the language check on it, and asks once before saving words
the check has remarks on. No hidden notes."""

import pytest
from django.test import Client

from conftest import sign_in
from conversations.models import Conversation, StaffEvaluation
from plans.models import Goal

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "plan/mal/ny/",
        "plan/ressurs/ny/",
        "plan/nettverk/ny/",
        "plan/kriseplan/del/selv/",
        "samtaler/ny/",
    ],
)
def test_every_text_field_says_the_person_reads_it_and_has_the_language_check(alice_client, charlie_person, path):
    page = alice_client.get(f"/personer/{charlie_person.pk}/{path}").content.decode()
    fields = page.count("<textarea") + page.count('type="text"')
    assert fields and page.count("Charlie Dahl ser dette") == fields
    assert page.count('class="language-check"') == fields


def test_the_situation_says_the_person_sees_it_only_if_it_is_saved(alice_client, charlie_person):
    page = alice_client.get(f"/personer/{charlie_person.pk}/samtaler/ny/").content.decode()
    assert "Charlie Dahl ser dette hvis du lagrer det i samtalen." in page
    assert "Bare for å finne spørsmål – det lagres ikke" in page


def test_the_person_is_not_told_they_read_their_own_words(charlie_client, charlie_person):
    page = charlie_client.get(f"/personer/{charlie_person.pk}/plan/mal/ny/").content.decode()
    assert "ser dette." not in page and 'class="language-check"' not in page


def test_words_with_a_remark_are_asked_about_once_and_kept_exactly_as_typed(alice_client, charlie_person):
    url = f"/personer/{charlie_person.pk}/plan/mal/ny/"
    typed = "Han må bare ta seg sammen og møte opp  "
    page = alice_client.post(url, {"text": typed, "status": "underveis"}).content.decode()
    assert "Vil du lagre likevel?" in page and "«Han må bare ta seg sammen»" in page
    assert "Han må bare ta seg sammen og møte opp" in page and not Goal.objects.exists()
    response = alice_client.post(url, {"text": typed, "status": "underveis", "sprak_ok": "1"})
    assert response.status_code == 302 and Goal.objects.get().text == typed.strip()


def test_the_person_is_never_asked(charlie_client, charlie_person):
    response = charlie_client.post(
        f"/personer/{charlie_person.pk}/plan/mal/ny/", {"text": "Jeg må bare ta meg sammen", "status": "underveis"}
    )
    assert response.status_code == 302


def as_person(charlie):
    return sign_in(Client(), charlie, two_factor=False)


def test_the_situation_is_shown_to_the_person_as_what_we_wanted_to_talk_about(alice_client, charlie, charlie_person):
    alice_client.post(
        f"/personer/{charlie_person.pk}/samtaler/ny/",
        {"phase": "", "focus": "", "situation": "Vil snakke om jobben", "situation_use": "del"},
    )
    conversation = Conversation.objects.get()
    page = as_person(charlie).get(f"/personer/{charlie_person.pk}/samtaler/{conversation.pk}/").content.decode()
    assert "Det vi ville snakke om" in page and "Vil snakke om jobben" in page


def test_a_situation_only_for_finding_questions_is_not_saved_at_all(alice_client, charlie, charlie_person):
    words = "Har ikke møtt opp to ganger, virker umotivert og ruser seg mer"
    response = alice_client.post(
        f"/personer/{charlie_person.pk}/samtaler/ny/",
        {"phase": "motstand", "focus": "", "situation": words, "situation_use": "sok"},
    )
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and conversation.situation == "" and not conversation.situation_saved
    assert conversation.offered_questions  # the questions it brought are kept, as ids
    staff_page = alice_client.get(f"/personer/{charlie_person.pk}/samtaler/{conversation.pk}/").content.decode()
    assert "ble brukt bare til å finne spørsmål – det er ikke lagret." in staff_page and "umotivert" not in staff_page
    assert "Foreslått ut fra det du beskrev" in staff_page
    person_page = as_person(charlie).get(f"/personer/{charlie_person.pk}/samtaler/{conversation.pk}/")
    assert "umotivert" not in person_page.content.decode()
    assert "umotivert" not in str(list(Conversation.objects.values()))


def test_a_situation_only_for_questions_still_brings_the_safety_card(alice_client, charlie_person):
    alice_client.post(
        f"/personer/{charlie_person.pk}/samtaler/ny/",
        {"phase": "", "focus": "", "situation": "Han sier han vil dø", "situation_use": "sok"},
    )
    conversation = Conversation.objects.get()
    assert conversation.crisis_kinds == ["suicide"] and conversation.situation == ""
    page = alice_client.get(f"/personer/{charlie_person.pk}/samtaler/{conversation.pk}/").content.decode()
    assert "Det du beskrev uten å lagre det, hadde ord om" in page


def test_the_staff_evaluation_asks_once_too(alice_client, charlie_person, alice):
    conversation = Conversation.objects.create(person=charlie_person, created_by=alice)
    url = f"/personer/{charlie_person.pk}/samtaler/{conversation.pk}/evaluering/fagperson/"
    data = {
        "listening": 3,
        "resources": 3,
        "strengths_based": 3,
        "follow_up": "Han er ikke motivert, han er en rusmisbruker",
    }
    page = alice_client.post(url, data).content.decode()
    assert "Vil du lagre likevel?" in page and not StaffEvaluation.objects.exists()
    alice_client.post(url, {**data, "sprak_ok": "1"})
    assert StaffEvaluation.objects.get().follow_up == data["follow_up"]


def test_words_the_person_wrote_are_not_asked_about_when_staff_change_something_else(
    alice_client, charlie, charlie_person
):
    # The person wrote the goal in their own words; the practitioner only marks it as reached.
    goal = Goal.objects.create(person=charlie_person, text="Jeg har vært umotivert lenge", created_by=charlie)
    url = f"/personer/{charlie_person.pk}/plan/mal/{goal.pk}/endre/"
    response = alice_client.post(url, {"text": goal.text, "status": "naadd", "version": goal.version})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.status == "naadd" and goal.text == "Jeg har vært umotivert lenge"
