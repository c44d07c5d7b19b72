"""Whatever text arrives – any Unicode, markup, quotes, huge or empty – the check never raises,
and every finding points inside the text."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from language.checking import check
from language.readability import readability
from language.rules import CATEGORIES

WORDS = st.sampled_from(
    "du må bare ta deg sammen burde skulle ha vi har bestemt at skal får ikke lov rusmisbrukeren "
    "hun er schizofren ikke compliant pasienten nekter « » \" “ ” ' > \n . ? , : sier selv men gjerne "
    "hva til æøå ÆØÅ 😀 ǅ İ ß ﬁ".split(" ")
)
texts = st.one_of(
    st.text(),
    st.lists(WORDS, max_size=60).map(" ".join),
    st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=40).map("".join),
)


def assert_sane(text, findings):
    last_end = 0
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end
        last_end = f.end
        assert f.category in CATEGORIES
        assert text[f.start : f.end].strip()


@settings(max_examples=400, deadline=None)
@given(texts)
def test_check_never_raises_and_offsets_stay_inside(text):
    assert_sane(text, check(text))
    result = readability(text)
    assert result["words"] >= 0


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_api_answers_any_text(alice_client, text):
    response = alice_client.post("/api/v1/language-check", json.dumps({"text": text}), content_type="application/json")
    assert response.status_code == 200
    for f in response.json()["findings"]:
        assert 0 <= f["start"] < f["end"] <= len(text)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts, st.text(max_size=20))
def test_fragment_answers_any_text(alice_client, text, field):
    text = text.replace("\x00", "")
    field = field.replace("\x00", "")
    response = alice_client.post("/sprak/sjekk/", {"field": field, field or "text": text})
    assert response.status_code == 200
