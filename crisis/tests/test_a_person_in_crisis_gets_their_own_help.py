"""A person who types crisis words into the suggestions themselves gets their own help – the
page for hard days and the numbers – not the guidance written for staff, and still no question
about dreams or the future. The card for staff quotes «the text», never «you wrote»: the notes
may hold the person's own words."""

import json

import pytest
from django.test import Client

from conftest import sign_in
from crisis.support import grounded_question_ids

pytestmark = pytest.mark.django_db
WORDS = "Jeg orker ikke mer, har tenkt på å ta mitt eget liv"


def test_the_person_gets_the_page_for_hard_days_and_no_staff_guidance(charlie_client):
    page = charlie_client.post("/sporsmal/forslag/", {"situation": WORDS}).content.decode()
    assert "Har du det vanskelig nå?" in page and 'href="/vanskelig/"' in page
    assert 'href="tel:113"' in page
    assert "Veiledning fra spørsmålsbanken" not in page and "I teksten står det" not in page


def test_staff_get_the_card_quoting_the_text(alice_client):
    page = alice_client.post("/sporsmal/forslag/", {"situation": WORDS}).content.decode()
    assert "Først: trygghet her og nå" in page and "I teksten står det «" in page and "Du skrev" not in page


def test_the_api_gives_a_person_their_help_and_only_grounded_questions(charlie_client, alice):
    def ask(client):
        body = json.dumps({"situation": WORDS})
        return client.post("/api/v1/suggestions", body, content_type="application/json").json()

    person, staff = ask(charlie_client), ask(sign_in(Client(), alice))
    assert person["crisis"]["help"] == "/vanskelig/" and "guidance" not in person["crisis"]
    assert "words" not in person["crisis"] and person["crisis"]["contacts"][0]["tel"] == "tel:113"
    assert staff["crisis"]["guidance"] and "help" not in staff["crisis"]
    assert {r["id"] for r in person["results"]} <= set(grounded_question_ids())
