"""Crisis words typed into the question bank's search bring the safety card (for staff) or the
person's own help, and the bank then offers no question about dreams, the future or big
questions of identity – on the page, the printable cards and the API."""

import json

import pytest

from content.catalogue import catalogue
from crisis.support import avoided_themes

pytestmark = pytest.mark.django_db
WORDS = "selvmordstanker fremtid"


def avoided_in(page: str) -> list[str]:
    return [q.id for q in catalogue().questions if q.theme_id in avoided_themes() and q.text in page]


def test_the_bank_search_shows_the_card_and_leaves_out_dream_questions(alice_client):
    ordinary = alice_client.post("/sporsmal/", {"q": "fremtid"}).content.decode()
    assert avoided_in(ordinary), "the check needs a search that would otherwise find dream questions"
    page = alice_client.post("/sporsmal/", {"q": WORDS}).content.decode()
    assert "Først: trygghet her og nå" in page and 'href="tel:113"' in page
    assert not avoided_in(page)
    assert "er tatt bort mens søket har ord om krise" in page


def test_the_printable_cards_leave_them_out_too(alice_client):
    assert not avoided_in(alice_client.post("/sporsmal/kort/", {"q": WORDS}).content.decode())


def test_the_api_says_crisis_and_leaves_them_out(alice_client):
    body = alice_client.post("/api/v1/questions", json.dumps({"q": WORDS}), content_type="application/json").json()
    assert body["crisis"]["contacts"][0]["tel"] == "tel:113"
    assert not {r["theme_key"] for r in body["results"]} & avoided_themes()


def test_a_person_searching_gets_their_own_help(charlie_client):
    page = charlie_client.post("/sporsmal/", {"q": WORDS}).content.decode()
    assert "Har du det vanskelig nå?" in page and "Veiledning fra spørsmålsbanken" not in page
