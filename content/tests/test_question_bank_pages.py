"""Browsing the question bank: filters, search, phase guidance, cards, element and question pages."""

import pytest

pytestmark = pytest.mark.django_db


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/sporsmal/")
    assert response.status_code == 302
    assert response["Location"].startswith("/logg-inn/")


def test_the_whole_bank_is_listed_by_theme(alice_client):
    response = alice_client.get("/sporsmal/")
    body = response.content.decode()
    assert "Viser 112 spørsmål." in body
    assert body.count('class="question ') == 112
    assert "Sosialt savn og ensomhet" in body


def test_filters_combine(alice_client):
    response = alice_client.get("/sporsmal/", {"element": "hope", "phase": "oppfolging"})
    questions = response.context["result"].questions
    assert questions and all(q.element_id == "hope" for q in questions)
    assert {q.theme_id for q in questions} == {"H3"}


def test_situation_filter(alice_client):
    response = alice_client.get("/sporsmal/", {"situation": "skam"})
    assert {q.theme_id for q in response.context["result"].questions} == {"I6"}


def test_phase_filter_shows_the_phase_guidance_of_every_element(alice_client):
    body = alice_client.get("/sporsmal/", {"phase": "motstand"}).content.decode()
    assert "Veiledning for ved motstand eller lav motivasjon" in body
    assert "Ved lav selvfølelse eller skam" in body  # Identity's row
    assert "I møte med meningsløshet eller apati" in body  # Meaning's row


def test_search_shows_matches_and_says_how_many(alice_client):
    body = alice_client.post("/sporsmal/", {"q": "ensom"}).content.decode()
    assert "3 spørsmål passer til «ensom»" in body
    assert "Er det perioder eller situasjoner der du føler deg utenfor?" in body


def test_search_without_hits_offers_the_situation_page(alice_client):
    body = alice_client.post("/sporsmal/", {"q": "sjokoladekake"}).content.decode()
    assert "Ingen spørsmål passet til «sjokoladekake»" in body
    describe = body.split('action="/sporsmal/forslag/"')[1].split("</form>")[0]
    assert 'name="situation" value="sjokoladekake"' in describe and "Beskriv situasjonen i stedet" in describe


def test_an_unknown_filter_value_is_explained_and_the_rest_still_works(alice_client):
    response = alice_client.get("/sporsmal/", {"phase": "ukjent-fase", "element": "hope"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Vi kjenner ikke igjen «ukjent-fase». Velg fra listen." in body
    assert {q.element_id for q in response.context["result"].questions} == {"hope"}


def test_a_too_long_search_keeps_the_text_and_explains(alice_client):
    long_text = "håp" * 267
    body = alice_client.post("/sporsmal/", {"q": long_text}).content.decode()
    assert "Søket kan være på høyst 300 tegn (du skrev 801)." in body
    assert f'value="{long_text}"' in body  # what they typed is still in the field


def test_question_page_shows_theme_guidance_and_siblings(alice_client):
    body = alice_client.get("/sporsmal/C3.3/").content.decode()
    assert "Hva pleide å gi deg kontakt og fellesskap før, som du savner nå?" in body
    assert "Relevante når personen beskriver isolasjon" in body
    assert "Er det noen relasjoner du gjerne skulle reparert eller styrket?" in body
    assert "Midtfase (planlegging)" in body


def test_unknown_question_is_a_404(alice_client):
    assert alice_client.get("/sporsmal/X9.9/").status_code == 404


def test_element_page_has_purposes_bank_guidance_and_principles(alice_client):
    body = alice_client.get("/chime/empowerment/").content.decode()
    assert "Handler om å styrke opplevelsen av innflytelse" in body
    assert "Spørsmålsbank for «Empowerment»" in body
    assert body.count('class="question ') == 21
    assert "Ved lav mestringstro eller passivitet" in body
    assert "jeg går ved siden av deg, ikke foran" in body


def test_question_cards_follow_the_filters(alice_client):
    response = alice_client.get("/sporsmal/kort/", {"theme": "H3"})
    body = response.content.decode()
    assert body.count('class="qcard ') == 3
    assert "Hva kan vi feire sammen i dag?" in body
    assert "data-print" in body


def test_guidance_index_and_a_collection(alice_client):
    index = alice_client.get("/veiledning/").content.decode()
    assert "Motivasjonssirkelen i recovery" in index
    body = alice_client.get("/veiledning/motivasjonssirkelen/").content.decode()
    for stage in ["Trygging", "Utforsking", "Forankring", "Handling", "Integrering", "Tilbakefall som læring"]:
        assert stage in body
    assert alice_client.get("/veiledning/finnes-ikke/").status_code == 404


def test_suggestion_page_explains_its_suggestions(alice_client):
    body = alice_client.post(
        "/sporsmal/forslag/", {"situation": "han har ikke snakket med noen på flere uker", "phase": "innledende"}
    ).content.decode()
    assert "Det du skriver, ligner på: <strong>ensomhet og isolasjon</strong>" in body
    assert "Hvorfor:" in body
    assert "Veiledning for innledende fase" in body


def test_suggestion_page_with_no_words_keeps_the_text_and_explains(alice_client):
    body = alice_client.post("/sporsmal/forslag/", {"situation": "🙂🙂🙂"}).content.decode()
    assert "Vi fant ingen ord å gå etter." in body
    assert "🙂🙂🙂" in body


def test_an_old_address_with_words_in_it_works_once_and_then_forgets_them(alice_client):
    response = alice_client.get("/sporsmal/forslag/", {"situation": "han er mye alene", "phase": "innledende"})
    assert response.status_code == 302 and response["Location"] == "/sporsmal/forslag/?phase=innledende"
    body = alice_client.get(response["Location"]).content.decode()
    assert "han er mye alene" in body and "Hvorfor:" in body
    assert "han er mye alene" not in alice_client.get(response["Location"]).content.decode()
    moved = alice_client.get("/sporsmal/", {"q": "ensom", "element": "connectedness"})
    assert moved["Location"] == "/sporsmal/?element=connectedness"
    assert "3 spørsmål passer til «ensom»" in alice_client.get(moved["Location"]).content.decode()
