"""Whatever someone types or sends, the bank pages and the API answer with a page or a
clear error – never a server error, never lost text."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# Everything from empty to 10,000 characters, any script, emoji, control characters and markup.
any_text = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1000, max_size=10_000),
    st.sampled_from(
        [
            "",
            " ",
            "😀😀😀",
            "ензом ενας 孤独 وحيد",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "ensom\x00het",
            "a" * 10_000,
        ]
    ),
)
filter_value = st.one_of(st.text(max_size=40), st.sampled_from(["hope", "H3", "krise", "ensomhet", "NULL", "../.."]))
HYPOTHESIS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def post(client, path, params):
    return client.post(path, params)


def post_json(client, path, params):
    return client.post(path, json.dumps(params), content_type="application/json")


@HYPOTHESIS
@given(q=any_text, element=filter_value, theme=filter_value, phase=filter_value, situation=filter_value)
def test_question_bank_page_never_fails(alice_client, q, element, theme, phase, situation):
    response = post(
        alice_client, "/sporsmal/", {"q": q, "element": element, "theme": theme, "phase": phase, "situation": situation}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body  # shown escaped, never as markup


@HYPOTHESIS
@given(situation=any_text, phase=filter_value, element=filter_value)
def test_suggestion_page_never_fails_and_keeps_the_text(alice_client, situation, phase, element):
    response = post(alice_client, "/sporsmal/forslag/", {"situation": situation, "phase": phase, "element": element})
    assert response.status_code == 200
    form = response.context["form"]
    if form.errors:
        assert all(message for messages in form.errors.values() for message in messages)
    assert "<script>alert(1)</script>" not in response.content.decode()


@HYPOTHESIS
@given(q=any_text, element=filter_value, phase=filter_value)
def test_questions_api_answers_200_or_a_json_400(alice_client, q, element, phase):
    response = post_json(alice_client, "/api/v1/questions", {"q": q, "element": element, "phase": phase})
    assert response.status_code in (200, 400)
    data = json.loads(response.content)
    if response.status_code == 400:
        assert data["error"]  # field errors also in data["errors"]; a body too big says so on its own
    else:
        assert data["count"] == len(data["results"])


@HYPOTHESIS
@given(situation=any_text, phase=filter_value, limit=st.one_of(st.text(max_size=6), st.integers(-5, 50).map(str)))
def test_suggestions_api_answers_200_or_a_json_400(alice_client, situation, phase, limit):
    response = post_json(alice_client, "/api/v1/suggestions", {"situation": situation, "phase": phase, "limit": limit})
    assert response.status_code in (200, 400)
    data = json.loads(response.content)
    if response.status_code == 200:
        assert len(data["results"]) <= (int(limit) if limit.strip() else 5)
    else:
        assert data["error"]


def test_a_form_upload_instead_of_json_gets_a_norwegian_answer(alice_client):
    # fetch() with FormData sends multipart/form-data; the API reads JSON and says so.
    response = alice_client.post("/api/v1/suggestions", {"situation": "ensom"})
    assert response.status_code == 400
    assert response.json()["error"] == 'Vi kunne ikke lese forespørselen. Send JSON som {"situation": "…"}.'


NEGATED_WORDS = st.lists(
    st.sampled_from(
        [
            "ikke",
            "ikkje",
            "aldri",
            "nesten",
            "klarte",
            "drukket",
            "ensom",
            "ingen",
            "vits",
            "framtida",
            "men",
            "ta",
            "gjerne",
            "å",
            "hun",
            "menighet",
        ]
    ),
    max_size=30,
)


@HYPOTHESIS
@given(words=NEGATED_WORDS, noise=st.text(max_size=60))
def test_the_new_normalisation_never_fails_never_answers_empty_never_quotes_filler(words, noise):
    """Negation, the theme phrases, the filler rules and the open-question answer, on any mix."""
    from content.suggestions import FILLER_WORDS, suggest
    from content.text import STOP_WORDS, has_searchable_words

    text = " ".join(words) + " " + noise
    found = suggest(text, limit=5)
    if has_searchable_words(text):
        assert found, text
    for suggestion in found:
        quoted = [q for part in suggestion.why.split("«")[1:] for q in [part.split("»")[0]]]
        assert not any(q in STOP_WORDS or q in FILLER_WORDS for q in quoted if " " not in q), suggestion.why
