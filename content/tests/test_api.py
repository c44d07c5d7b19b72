"""The JSON API (docs/API.md). Words a user types go in a POST body, never the address."""

import json

import pytest

pytestmark = pytest.mark.django_db


def post(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def test_questions_need_a_signed_in_user(client):
    response = client.get("/api/v1/questions")
    assert response.status_code == 401
    assert response.json()["error"] == "Du må være logget inn for å bruke API-et."


def test_all_questions_with_their_fields(alice_client):
    data = alice_client.get("/api/v1/questions").json()
    assert data["count"] == 112 == len(data["results"])
    first = data["results"][0]
    assert set(first) >= {"id", "text", "element", "theme", "when_relevant"}
    assert {r["element"] for r in data["results"]} == {"connectedness", "hope", "identity", "meaning", "empowerment"}


def test_questions_filtered_and_searched(alice_client):
    data = post(alice_client, "/api/v1/questions", {"element": "connectedness", "q": "ensomhet"}).json()
    assert [r["id"] for r in data["results"]] == ["C3.1", "C3.2", "C3.3"]
    assert data["results"][0]["theme"] == "Sosialt savn og ensomhet"
    by_theme = alice_client.get("/api/v1/questions", {"theme": "E5", "phase": "midtfase"}).json()
    assert by_theme["count"] == 3


@pytest.mark.parametrize(
    "params, field",
    [({"element": "love"}, "element"), ({"phase": "x"}, "phase"), ({"theme": "Z1"}, "theme"), ({"q": "a" * 301}, "q")],
)
def test_bad_question_filters_are_a_400_in_norwegian(alice_client, params, field):
    response = post(alice_client, "/api/v1/questions", params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_unknown_parameters_are_named(alice_client):
    response = alice_client.get("/api/v1/questions", {"colour": "blue"})
    assert response.status_code == 400
    assert response.json()["error"].startswith("Ukjent parameter: colour.")


def test_suggestions_with_reason_and_score(alice_client):
    data = post(
        alice_client, "/api/v1/suggestions", {"situation": "han har ikke snakket med noen på flere uker", "limit": 3}
    ).json()
    assert len(data["results"]) == 3
    first = data["results"][0]
    assert set(first) == {"id", "text", "element", "theme", "score", "why", "open"} and first["open"] is False
    assert first["score"] > 0 and "ensomhet" in first["why"]


def test_suggestions_default_to_five(alice_client):
    assert len(post(alice_client, "/api/v1/suggestions", {"situation": "mistet håpet"}).json()["results"]) == 5


@pytest.mark.parametrize(
    "params, field",
    [
        ({}, "situation"),
        ({"situation": "   "}, "situation"),
        ({"situation": "😀😀"}, "situation"),
        ({"situation": "x" * 2001}, "situation"),
        ({"situation": "ensom", "limit": "0"}, "limit"),
        ({"situation": "ensom", "limit": "21"}, "limit"),
        ({"situation": "ensom", "limit": "fem"}, "limit"),
        ({"situation": "ensom", "phase": "månefase"}, "phase"),
    ],
)
def test_bad_suggestion_parameters_are_a_400(alice_client, params, field):
    response = post(alice_client, "/api/v1/suggestions", params)
    assert response.status_code == 400
    assert field in response.json()["errors"]


def test_words_never_travel_in_the_address(alice_client):
    response = alice_client.get("/api/v1/suggestions", {"situation": "han vil ikke leve"})
    assert response.status_code == 405 and "sendes ikke i adressen" in response.json()["error"]
    response = alice_client.get("/api/v1/questions", {"q": "ensom"})
    assert response.status_code == 400 and "sendes ikke i adressen" in response.json()["errors"]["q"][0]
    assert alice_client.get("/api/v1/questions", {"element": "hope"}).json()["count"] == 24  # filters may


def test_a_body_that_is_not_json_or_holds_lists_gets_a_norwegian_400(alice_client):
    bad = alice_client.post("/api/v1/suggestions", "situation=ensom", content_type="application/json")
    assert bad.status_code == 400 and "Vi kunne ikke lese" in bad.json()["error"]
    assert post(alice_client, "/api/v1/suggestions", {"situation": ["a"]}).status_code == 400
    assert post(alice_client, "/api/v1/suggestions", ["ensom"]).status_code == 400
