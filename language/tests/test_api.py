"""POST /api/v1/language-check: staff send {"text": …} and get findings and readability;
everyone else gets a clear Norwegian JSON answer, never a server error."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from conftest import sign_in

pytestmark = pytest.mark.django_db
URL = "/api/v1/language-check"


def post(client, body, **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data=data, content_type="application/json", **extra)


def test_url_name():
    assert reverse("language_check_api") == URL


def test_findings_and_readability(alice_client):
    text = "Fin tur i dag. Rusmisbrukeren ville ikke. Du burde trene mer."
    response = post(alice_client, {"text": text})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"findings", "readability"}
    phrases = [(text[f["start"] : f["end"]], f["category"]) for f in body["findings"]]
    assert phrases == [("Rusmisbrukeren", "labeling"), ("Du burde", "moralizing")]
    for finding in body["findings"]:
        assert set(finding) == {"start", "end", "category", "message", "suggestion"}
        assert finding["message"] and finding["suggestion"]
    assert body["readability"]["words"] == 11
    assert body["readability"]["hint"] is None  # under 40 words


def test_clean_text_has_no_findings(alice_client):
    response = post(alice_client, {"text": "Du må gjerne ta med en venn neste gang."})
    assert response.status_code == 200
    assert response.json()["findings"] == []


def test_peer_worker_may_use_it(client, bob):
    sign_in(client, bob)
    assert post(client, {"text": "Han er narkoman."}).json()["findings"][0]["category"] == "labeling"


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("{ikke json", "kunne ikke lese"),
        (b"\xff\xfe", "kunne ikke lese"),
        ("", "kunne ikke lese"),
        ("[]", "Teksten mangler"),
        ('"tekst"', "Teksten mangler"),
        ({}, "Teksten mangler"),
        ({"tekst": "hei"}, "Teksten mangler"),
        ({"text": None}, "må være en tekst"),
        ({"text": 42}, "må være en tekst"),
        ({"text": ["a"]}, "må være en tekst"),
        ({"text": "å" * 20_001}, "for lang"),
    ],
)
def test_bad_requests_get_400_with_a_norwegian_error(alice_client, body, says):
    response = post(alice_client, body)
    assert response.status_code == 400
    assert says in response.json()["error"]


def test_exactly_20000_characters_is_fine(alice_client):
    response = post(alice_client, {"text": "Du burde. " * 2000})
    assert response.status_code == 200
    assert len(response.json()["findings"]) == 2000


def test_anonymous_gets_401_json(client):
    response = post(client, {"text": "hei"})
    assert response.status_code == 401
    assert "logget inn" in response.json()["error"]


def test_a_person_gets_403_json(charlie_client):
    response = post(charlie_client, {"text": "Jeg er rusmisbruker."})
    assert response.status_code == 403
    assert response.json() == {"error": "Språksjekken er for ansatte."}


def test_get_is_not_allowed(alice_client):
    assert alice_client.get(URL).status_code == 405


def test_csrf_token_is_required(alice):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, alice)
    assert post(client, {"text": "hei"}).status_code == 403
    client.get("/")  # any page with a form sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = post(client, {"text": "Du burde."}, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 200
    assert response.json()["findings"][0]["category"] == "moralizing"
