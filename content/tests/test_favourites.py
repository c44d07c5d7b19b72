"""A practitioner keeps favourite questions close at hand."""

import pytest

from conftest import sign_in
from content.models import Favourite

pytestmark = pytest.mark.django_db


def test_marking_and_unmarking_a_favourite(alice_client, alice):
    response = alice_client.post("/sporsmal/H3.2/favoritt/", {"favourite": "1", "next": "/sporsmal/?theme=H3"})
    assert response.status_code == 302 and response["Location"] == "/sporsmal/?theme=H3"
    body = alice_client.get("/sporsmal/favoritter/").content.decode()
    assert "Hva kan vi feire sammen i dag?" in body
    alice_client.post("/sporsmal/H3.2/favoritt/", {"favourite": "0"})
    assert not Favourite.objects.filter(user=alice).exists()


def test_marking_twice_keeps_one(alice_client, alice):
    for _ in range(2):
        alice_client.post("/sporsmal/H3.2/favoritt/", {"favourite": "1"})
    assert Favourite.objects.filter(user=alice).count() == 1


def test_htmx_gets_just_the_button_back(alice_client):
    response = alice_client.post("/sporsmal/C1.1/favoritt/", {"favourite": "1"}, HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert response.status_code == 200
    assert body.strip().startswith("<form") and 'aria-pressed="true"' in body


def test_favourites_are_personal(client, alice, bob):
    Favourite.objects.create(user=alice, question_id="C1.1")
    sign_in(client, bob)
    assert "Du har ingen favoritter ennå" in client.get("/sporsmal/favoritter/").content.decode()


def test_redirect_after_marking_stays_on_this_site(alice_client):
    response = alice_client.post("/sporsmal/C1.1/favoritt/", {"favourite": "1", "next": "https://example.com/"})
    assert response["Location"] == "/sporsmal/favoritter/"


def test_cards_can_be_made_from_favourites(alice_client, alice):
    Favourite.objects.create(user=alice, question_id="E7.2")
    body = alice_client.get("/sporsmal/kort/", {"favoritter": "1"}).content.decode()
    assert body.count('class="qcard ') == 1 and "Hva vil du helst klare selv?" in body


def test_marking_needs_a_post(alice_client):
    assert alice_client.get("/sporsmal/C1.1/favoritt/").status_code == 405
