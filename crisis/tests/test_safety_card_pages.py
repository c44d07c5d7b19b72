"""The safety card where practitioners look for questions: the suggestions page, the API and
conversation mode – first, with the numbers as tap-to-call links. Never on the person's side."""

import json

import pytest

from conversations.models import Conversation
from conversations.tests.conftest import url
from crisis.models import OrganisationContact

pytestmark = pytest.mark.django_db


def api(client, data):
    return client.post("/api/v1/suggestions", json.dumps(data), content_type="application/json")


CRISIS_SITUATION = "Han sier han ikke orker mer og har tenkt på å ta livet sitt"


def test_the_suggestions_page_puts_the_card_first(alice_client):
    page = alice_client.post("/sporsmal/forslag/", {"situation": CRISIS_SITUATION}).content.decode()
    assert page.index("Først: trygghet her og nå") < page.index("Flere spørsmål som passer nå")
    card = page.split('id="krisekort-tittel"')[1].split("Flere spørsmål som passer nå")[0]
    assert "«ikke orker mer»" in card and "«ta livet sitt»" in card
    for number in ('href="tel:113"', 'href="tel:116117"', 'href="tel:116123"', 'href="tel:+4722400040"'):
        assert number in card
    assert "Hva hjelper deg å holde ut akkurat nå?" in card
    assert "Hvis du kunne tegne et bilde av et godt liv" not in page
    assert "Hvordan kan du ta små steg i retning av det som betyr mest for deg?" not in page


def test_veiled_writing_brings_the_card_without_quoting_words(alice_client):
    veiled = "Hun har gitt bort katten sin og ordnet alle papirene, sier det blir lettere for alle uten henne."
    page = alice_client.post("/sporsmal/forslag/", {"situation": veiled}).content.decode()
    card = page.split('id="krisekort-tittel"')[1].split("Flere spørsmål som passer nå")[0]
    assert (
        "Det som står i teksten, kan handle om tanker om å dø eller ta sitt eget liv." in card
        and "I teksten står det" not in card
    )
    assert 'href="tel:113"' in card
    assert "Hvis du kunne tegne et bilde av et godt liv" not in page
    crisis = api(alice_client, {"situation": veiled}).json()["crisis"]
    assert crisis["kinds"] == ["suicide"] and crisis["words"] == []


def test_quoted_words_name_only_their_own_kind(alice_client):
    mixed = "Hun har tatt 20 Paracet. Hun har gitt bort katten sin og ordnet alle papirene, sier det blir lettere for alle uten henne."
    page = alice_client.post("/sporsmal/forslag/", {"situation": mixed}).content.decode()
    card = page.split('id="krisekort-tittel"')[1].split("Flere spørsmål som passer nå")[0]
    assert "«tatt 20 Paracet» – ord om " in card and "– ord om tanker om å dø" not in card
    assert "Noe i teksten kan også handle om tanker om å dø eller ta sitt eget liv." in card


def test_an_ordinary_situation_gets_no_card(alice_client):
    page = alice_client.post("/sporsmal/forslag/", {"situation": "han har ikke snakket med noen på flere uker"})
    assert "krisekort-tittel" not in page.content.decode()


def test_the_api_says_crisis_with_kinds_guidance_and_contacts(alice_client, organisation):
    OrganisationContact.objects.create(organisation=organisation, name="Kriseteamet", number="22 33 44 55")
    body = api(alice_client, {"situation": "hun har selvmordstanker"}).json()
    crisis = body["crisis"]
    assert crisis["kinds"] == ["suicide"] and crisis["words"] == ["selvmordstanker"]
    assert len(crisis["guidance"]) == 5
    assert crisis["contacts"][0] == {
        "name": "Medisinsk nødtelefon",
        "number": "113",
        "tel": "tel:113",
        "when": "Når det er akutt og står om liv.",
    }
    assert {"name": "Kriseteamet", "number": "22 33 44 55", "tel": "tel:+4722334455", "when": ""} in crisis["contacts"]
    assert body["results"] and all(r["theme"] != "Drømmer og ønsker" for r in body["results"])
    assert api(alice_client, {"situation": "hun vil begynne å jobbe"}).json()["crisis"] is None


def test_a_conversation_in_the_phase_krise_shows_the_card_beside_the_notes(alice_client, charlie_person, alice):
    in_crisis = Conversation.objects.create(person=charlie_person, created_by=alice, updated_by=alice, phase="krise")
    page = alice_client.get(url(in_crisis)).content.decode()
    notes_form = page.split('class="notes-form"')[1].split("</form>")[0]
    assert 'id="krisekort-tittel"' in notes_form  # in the notes form, after the notes field
    assert notes_form.index('name="notes"') < notes_form.index("krisekort-tittel")
    assert f'href="/personer/{charlie_person.pk}/plan/kriseplan/"' in notes_form
    assert "Dere er i fasen «krise»" in notes_form


def test_crisis_words_typed_in_the_notes_bring_the_card_with_the_autosave(alice_client, conversation):
    response = alice_client.post(
        url(conversation), {"notes": "Hun sier hun vil dø.", "stage": "", "version": 0}, HTTP_HX_REQUEST="true"
    )
    body = response.content.decode()
    assert response.status_code == 200 and "Lagret" in body
    card = body.split('id="krisekort"')[1]
    assert 'hx-swap-oob="true"' in card[:80] and "«vil dø»" in card
    title = body.split('id="forslag-tittel"')[1]
    assert 'hx-swap-oob="true"' in title[:40] and "Spørsmål som passer nå" in title[:120]
    questions = body.split('id="forslag-liste"')[1]
    assert 'hx-swap-oob="true"' in questions[:40]
    assert "Hvilke drømmer eller mål" not in questions


def test_the_person_never_gets_their_own_words_checked(charlie_client, conversation):
    conversation.notes = "Jeg vil dø."
    conversation.save()
    page = charlie_client.get(url(conversation)).content.decode()
    assert "krisekort-tittel" not in page
    assert 'href="/vanskelig/"' in page  # but help is one tap away, on every page of their own tool
    response = charlie_client.post(
        url(conversation), {"notes": "Jeg vil dø. Og ta livet mitt.", "stage": "", "version": 0}, HTTP_HX_REQUEST="true"
    )
    assert "krisekort" not in response.content.decode()
