"""Whatever is typed or sent to the week page – nothing, 20,001 characters, any script, markup,
odd weeks, unknown methods, tampered versions – gets a page with a plain Norwegian message,
never a server error, and what was typed is still there."""

from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflection.models import JournalEntry

pytestmark = pytest.mark.django_db
HYPOTHESIS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
WEEK = "/refleksjon/uke/"
Q1 = "svar-refleksjon-hverdagsliv-refleksjon-1"
Q8 = "svar-refleksjon-praksis-evaluering"
SCRIPT = "<script>alert('x')</script>"
texts = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", "   ", "\n\t", SCRIPT, "<b>fet</b>", "😀🎉" * 20, "ጤና ይስጥልኝ ☃ ǅ", "å" * 20_001, "a" * 19_999]),
)
weeks = st.one_of(
    st.sampled_from(["", "i går", "2027-02-31", "0001-01-01", "9999-12-31", "1999-12-31", "2024-01-03T10:00", "💥"]),
    st.dates().map(str),
    st.text(max_size=12),
)
choices = st.one_of(st.sampled_from(["", "nei", "litt", "ja", "kanskje", "metode-3", "metode-11"]), st.text(max_size=8))
versions = st.one_of(st.integers(-3, 10**12).map(str), st.sampled_from(["¹", "٣", "1.5", "0x1"]), st.text(max_size=6))


def clean(value: str) -> str:
    return value.replace("\x00", "")


def check(response, *typed):
    assert response.status_code in (200, 302, 409), response.status_code
    if response.status_code in (200, 409):
        body = response.content.decode()
        assert SCRIPT not in body  # shown escaped, never run
        for value in typed:
            value = value.strip()
            if value and "\r" not in value:
                assert escape(value) in body, "what was typed is gone"


@HYPOTHESIS
@given(q1=texts, q8=texts, plan=texts, notes=texts, method=choices, check_=choices, version=versions, week=weeks)
def test_the_week_form(alice_client, q1, q8, plan, notes, method, check_, version, week):
    data = {
        Q1: clean(q1),
        Q8: clean(q8),
        "method": clean(method),
        "method_plan": clean(plan),
        "sjekk-overstyring": clean(check_),
        "istedenfor-overstyring": clean(plan)[:50],
        "notes": clean(notes),
        "version": clean(version),
    }
    response = alice_client.post(f"{WEEK}?{urlencode({'uke': week})}", data)
    check(response, data[Q1], data[Q8], data["method_plan"], data["notes"])


@HYPOTHESIS
@given(week=weeks)
def test_any_week_in_the_address_opens_a_page(alice_client, week):
    assert alice_client.get(WEEK, {"uke": week}).status_code == 200


def test_too_long_text_gets_a_message_and_is_kept(alice_client):
    long = "å" * 20_001
    response = alice_client.post(WEEK, {Q1: long, "notes": "Kort notat"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Teksten kan være på høyst 20000 tegn (nå er den 20001)." in body
    assert long in body and "Kort notat" in body
    assert not JournalEntry.objects.exists()


def test_an_empty_page_is_not_saved_and_says_why(alice_client):
    response = alice_client.post(WEEK, {Q1: "   ", "method": "", "sjekk-overstyring": ""})
    assert response.status_code == 200
    assert "Skriv eller velg noe før du lagrer – én linje holder." in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_an_unknown_method_or_answer_gets_a_message(alice_client):
    response = alice_client.post(WEEK, {"method": "metode-11", "sjekk-overstyring": "kanskje", "notes": "Behold meg"})
    body = response.content.decode()
    assert "Velg en av metodene i listen" in body and "Velg ett av svarene." in body and "Behold meg" in body
    assert not JournalEntry.objects.exists()


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("i-morgen", "Vi skjønte ikke hvilken uke"),
        ("2999-01-01", "Uka har ikke begynt ennå."),
        ("1970-01-01", "Så langt tilbake går ikke refleksjonsboka."),
    ],
)
def test_an_odd_week_saves_nothing_until_confirmed_and_keeps_the_text(alice_client, this_monday, week, message):
    response = alice_client.post(f"{WEEK}?uke={week}", {"notes": "Det jeg skrev"})
    body = response.content.decode()
    assert response.status_code == 200
    assert message in body and "Ingenting er lagret ennå" in body and "Det jeg skrev" in body
    assert f'action="{WEEK}?uke={this_monday.isoformat()}"' in body
    assert not JournalEntry.objects.exists()
    assert message in alice_client.get(f"{WEEK}?uke={week}").content.decode()


def test_a_future_week_is_refused_but_this_week_is_fine(alice_client, this_monday):
    next_week = this_monday + timedelta(days=7)
    assert alice_client.post(f"{WEEK}?uke={this_monday + timedelta(days=6)}", {"notes": "Søndag"}).status_code == 302
    assert alice_client.post(f"{WEEK}?uke={next_week}", {"notes": "Neste uke"}).status_code == 200
    assert list(JournalEntry.objects.values_list("week_of", flat=True)) == [this_monday]
