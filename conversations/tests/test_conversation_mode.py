"""A practitioner holds a conversation: picks phase and focus, gets fitting questions, ticks
off the ones used, writes notes (saved as they type), marks the motivation circle and ends
with next steps that land in the plan."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape

from audit.models import Action, AuditEvent
from conftest import sign_in
from content.models import Question
from conversations.models import Conversation
from conversations.tests.conftest import url
from plans.models import Goal, Step

pytestmark = pytest.mark.django_db


def test_starting_a_conversation_offers_questions_for_the_situation(alice_client, charlie_person):
    response = alice_client.post(
        f"/personer/{charlie_person.pk}/samtaler/ny/",
        {"phase": "innledende", "focus": "connectedness", "situation": "han har ikke snakket med noen på flere uker"},
    )
    conversation = Conversation.objects.get(person=charlie_person)
    assert response.status_code == 302 and response["Location"] == url(conversation)
    page = alice_client.get(url(conversation)).content.decode()
    assert "Spørsmål som kan passe" in page
    assert "Tilhørighet" in page  # the chosen focus comes first
    assert "Situasjonen ligner på" in page  # and each suggestion says why


def test_letting_the_person_lead_offers_questions_from_every_element(alice_client, charlie_person):
    alice_client.post(f"/personer/{charlie_person.pk}/samtaler/ny/", {"phase": "", "focus": "", "situation": ""})
    conversation = Conversation.objects.get(person=charlie_person)
    page = alice_client.get(url(conversation)).content.decode()
    assert page.count('class="question') >= 5
    assert "Fokus: personen leder" in page


def test_marking_questions_as_used(alice_client, conversation):
    response = alice_client.post(
        url(conversation, "sporsmal/"), {"question": "C1.1", "used": "1"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "✓ Brukt" in response.content.decode()
    # The list of used questions further down follows along, without a reload.
    used_now = response.content.decode().split('id="brukte-sporsmal"')[1]
    assert 'hx-swap-oob="true"' in used_now and escape(Question.objects.get(pk="C1.1").text) in used_now
    alice_client.post(url(conversation, "sporsmal/"), {"question": "H1.1", "used": "1"})
    conversation.refresh_from_db()
    assert conversation.used_questions == ["C1.1", "H1.1"]
    assert conversation.version == 0  # ticking questions never makes notes being typed look stale
    alice_client.post(url(conversation, "sporsmal/"), {"question": "C1.1", "used": "0"})
    conversation.refresh_from_db()
    assert conversation.used_questions == ["H1.1"]
    used_section = alice_client.get(url(conversation)).content.decode().split("Spørsmål dere har brukt")[1]
    assert escape(Question.objects.get(pk="H1.1").text) in used_section
    assert escape(Question.objects.get(pk="C1.1").text) not in used_section


def test_an_unknown_question_is_refused_politely(alice_client, conversation):
    response = alice_client.post(url(conversation, "sporsmal/"), {"question": "X9.9", "used": "1"}, follow=True)
    assert "Fant ikke spørsmålet" in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.used_questions == []


def test_notes_are_saved_as_they_are_typed(alice_client, conversation):
    response = alice_client.post(
        url(conversation),
        {"notes": "Vi gikk tur langs elva.", "stage": "utforsking", "version": "0"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Lagret" in body
    assert 'name="version" value="1"' in body  # the next autosave sends the new version
    conversation.refresh_from_db()
    assert conversation.notes == "Vi gikk tur langs elva." and conversation.stage == "utforsking"
    assert AuditEvent.objects.filter(object_type="conversation", action=Action.UPDATE).exists()


def test_two_writers_at_once_see_both_texts_and_lose_nothing(alice_client, charlie, conversation):
    from django.test import Client

    person_client = sign_in(Client(), charlie, two_factor=False)
    person_client.post(url(conversation), {"notes": "Charlie skrev dette.", "stage": "", "version": "0"})
    response = alice_client.post(
        url(conversation), {"notes": "Alice skrev noe annet.", "stage": "", "version": "0"}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 409
    assert "Charlie skrev dette." in body and "Ingenting er tapt" in body
    conversation.refresh_from_db()
    assert conversation.notes == "Charlie skrev dette."
    # Without JavaScript: the full conflict page keeps what Alice typed in the form.
    response = alice_client.post(url(conversation), {"notes": "Alice skrev noe annet.", "stage": "", "version": "0"})
    body = response.content.decode()
    assert response.status_code == 409
    assert "Alice skrev noe annet." in body and "Charlie skrev dette." in body


def test_a_consent_reader_can_read_but_not_write(bob, charlie_person, conversation, other_team):
    from django.test import Client

    from people.models import Consent

    Consent.objects.create(
        person=charlie_person, team=other_team, valid_until=timezone.localdate() + timedelta(days=30)
    )
    client = sign_in(Client(), bob)
    assert client.get(url(conversation)).status_code == 200
    assert client.post(url(conversation), {"notes": "Bob", "version": "0"}).status_code == 404
    assert client.post(url(conversation, "sporsmal/"), {"question": "C1.1", "used": "1"}).status_code == 404
    conversation.refresh_from_db()
    assert conversation.notes == "" and conversation.used_questions == []


def test_ending_with_next_steps_puts_them_in_the_plan(alice_client, conversation):
    goal = Goal.objects.create(person=conversation.person, text="Komme meg mer ut")
    response = alice_client.post(
        url(conversation, "avslutt/"),
        {"step_1": "Gå til postkassen i morgen", "step_2": "Ringe Ola på søndag", "step_3": " ", "goal": goal.pk},
    )
    assert response.status_code == 302 and response["Location"] == url(conversation, "evaluering/")
    steps = Step.objects.filter(goal=goal).order_by("pk")
    assert [s.text for s in steps] == ["Gå til postkassen i morgen", "Ringe Ola på søndag"]
    conversation.refresh_from_db()
    assert conversation.ended is not None
    assert set(conversation.steps.all()) == set(steps)
    plan_page = alice_client.get(f"/personer/{conversation.person_id}/plan/").content.decode()
    assert "Gå til postkassen i morgen" in plan_page


def test_next_steps_can_start_a_new_goal(alice_client, conversation):
    alice_client.post(
        url(conversation, "avslutt/"),
        {"step_1": "Spørre om lesesirkelen", "new_goal": "Finne noe å gjøre på tirsdager"},
    )
    goal = Goal.objects.get(person=conversation.person)
    assert goal.text == "Finne noe å gjøre på tirsdager"
    assert goal.steps.get().text == "Spørre om lesesirkelen"


def test_steps_without_a_goal_get_a_clear_message_and_keep_the_text(alice_client, conversation):
    response = alice_client.post(url(conversation, "avslutt/"), {"step_1": "Gå en tur"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Velg hvilket mål stegene hører til" in body and "Gå en tur" in body
    conversation.refresh_from_db()
    assert conversation.ended is None and not Step.objects.exists()


def test_ending_without_steps_is_fine(alice_client, conversation):
    alice_client.post(url(conversation, "avslutt/"), {})
    conversation.refresh_from_db()
    assert conversation.ended is not None


def test_a_conversation_underway_is_listed_and_can_be_picked_up_again(alice_client, conversation):
    alice_client.post(url(conversation), {"notes": "Halvveis", "stage": "", "version": "0"})
    listing = alice_client.get(f"/personer/{conversation.person_id}/samtaler/").content.decode()
    assert "Pågår" in listing and url(conversation) in listing
    assert "Halvveis" in alice_client.get(url(conversation)).content.decode()


def test_deleting_a_conversation_keeps_its_steps_in_the_plan(alice_client, conversation):
    alice_client.post(url(conversation, "avslutt/"), {"step_1": "Et steg", "new_goal": "Et mål"})
    assert alice_client.post(url(conversation, "slett/")).status_code == 302
    assert not Conversation.objects.exists()
    assert Step.objects.get().text == "Et steg"


def test_a_successful_autosave_tells_the_page_it_may_forget_its_draft(alice_client, conversation):
    response = alice_client.post(url(conversation), {"notes": "Lagret", "version": "0"}, HTTP_HX_REQUEST="true")
    assert response["HX-Trigger"] == "notes-saved"


def test_an_autosave_after_the_session_ended_gets_401_not_the_sign_in_page(client, conversation):
    response = client.post(
        url(conversation), {"notes": "Skrevet etter utlogging", "version": "0"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 401 and "HX-Trigger" not in response
    conversation.refresh_from_db()
    assert conversation.notes == ""


def test_without_javascript_the_language_check_comes_after_saving(alice_client, conversation):
    response = alice_client.post(url(conversation), {"notes": "Rusmisbrukeren kom ikke.", "version": "0"}, follow=True)
    body = response.content.decode()
    assert "«Rusmisbrukeren»" in body and "Forslag" in body


def test_a_double_tap_on_start_opens_one_conversation(alice_client, charlie_person):
    data = {"phase": "innledende", "focus": "", "situation": ""}
    first = alice_client.post(f"/personer/{charlie_person.pk}/samtaler/ny/", data)
    second = alice_client.post(f"/personer/{charlie_person.pk}/samtaler/ny/", data)
    assert first["Location"] == second["Location"]
    assert Conversation.objects.count() == 1


def test_ending_twice_puts_nothing_in_twice(alice_client, conversation):
    data = {"step_1": "Ringe Ola", "new_goal": "Mer kontakt"}
    alice_client.post(url(conversation, "avslutt/"), data)
    response = alice_client.post(url(conversation, "avslutt/"), data, follow=True)
    assert "allerede avsluttet" in response.content.decode()
    assert Step.objects.count() == 1 and Goal.objects.count() == 1


def test_a_follow_up_date_in_the_past_is_refused_and_the_steps_kept(alice_client, conversation):
    response = alice_client.post(
        url(conversation, "avslutt/"), {"step_1": "Gå en tur", "new_goal": "Ut", "follow_up_on": "2020-01-01"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Den datoen er passert" in body and "Gå en tur" in body
    assert not Step.objects.exists()


def test_notes_sent_without_a_version_never_overwrite(alice_client, conversation):
    conversation.notes = "Det som står der"
    conversation.save()
    response = alice_client.post(url(conversation), {"notes": "Uten versjon"})
    assert response.status_code == 409 and "Uten versjon" in response.content.decode()
    conversation.refresh_from_db()
    assert conversation.notes == "Det som står der"


def test_a_marked_card_keeps_why_it_was_suggested(alice_client, charlie_person):
    alice_client.post(
        f"/personer/{charlie_person.pk}/samtaler/ny/",
        {"phase": "innledende", "situation": "han har ikke snakket med noen på flere uker"},
    )
    conversation = Conversation.objects.get()
    page = alice_client.get(url(conversation)).content.decode()
    first = page.split('<li class="question')[1]
    question_id = first.split('id="sporsmal-')[1].split('"')[0]
    why = first.split('<p class="why">')[1].split("</p>")[0]
    response = alice_client.post(
        url(conversation, "sporsmal/"), {"question": question_id, "used": "1"}, HTTP_HX_REQUEST="true"
    )
    assert why in response.content.decode()


def test_an_autosave_from_a_session_without_two_factor_gets_401_too(alice, conversation):
    from django.test import Client

    from conftest import sign_in

    half_signed_in = sign_in(Client(), alice, two_factor=False)  # staff must pass two-factor sign-in
    response = half_signed_in.post(
        url(conversation), {"notes": "Skrevet uten tofaktor", "version": "0"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 401
    conversation.refresh_from_db()
    assert conversation.notes == ""
