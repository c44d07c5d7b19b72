"""Whatever is in the address of the access log – an unknown key, a name, hostile text, an odd
page number – the person gets the page: a plain message, and everything shown ("Alt")."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from people.tests.conftest import TODAY, days_text, oslo

pytestmark = pytest.mark.django_db
HYPOTHESIS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
NOT_FOUND = "Vi fant ikke den du valgte under «Hvem» i loggen din. Nå ser du alle."
UNKNOWN_KIND = "Vi kjente ikke igjen valget under «Hva». Nå ser du alt."


@pytest.fixture
def some_rows(add_rows, alice, bob):
    add_rows(alice, 3, at=oslo(TODAY, 9))
    add_rows(bob, 1, at=oslo(TODAY, 10), action="denied", basis="none")


def everything_is_shown(body):
    lines = days_text(body)
    return "Alice Aas (fagperson / miljøarbeider) så planen din 3 ganger i dag." in lines and "Bob Berg" in lines


@pytest.mark.parametrize("value", ["0123456789ab", "Alice Aas", "alice", "1", "<b>x</b>", "DU"])
def test_an_unknown_person_says_so_and_shows_everyone(read_log, some_rows, value):
    status, text, body = read_log(hvem=value)
    assert status == 200
    assert NOT_FOUND in text and everything_is_shown(body)
    assert "<b>x</b>" not in body and " selected>" in body  # «Alt» under «Hva»; nobody chosen under «Hvem»
    assert '<option value="" selected>Alt</option>' in body


def test_you_are_not_in_the_list_unless_your_own_actions_are_shown(read_log, some_rows):
    status, text, _ = read_log(hvem="du")
    assert status == 200
    assert "(det du selv har gjort, vises bare når du har valgt å se det)" in text


@pytest.mark.parametrize("value", ["lest", "SETT", "read", "denied", "sett,endret", "' OR 1=1 --"])
def test_an_unknown_kind_says_so_and_shows_everything(read_log, some_rows, value):
    status, text, body = read_log(hva=value)
    assert status == 200
    assert UNKNOWN_KIND in text and everything_is_shown(body)
    assert '<option value="" selected>Alt</option>' in body


def test_alt_and_empty_values_are_fine(read_log, some_rows):
    for params in ({"hva": "alt"}, {"hva": ""}, {"hvem": ""}, {"hvem": " ", "hva": " "}):
        status, text, body = read_log(**params)
        assert status == 200 and NOT_FOUND not in text and UNKNOWN_KIND not in text and everything_is_shown(body)


@pytest.mark.parametrize("side", ["", "0", "-1", "abc", "1.5", "9" * 40, "99999999", "٣"])
def test_odd_page_numbers_give_a_page(read_log, some_rows, side):
    status, text, _ = read_log(side=side)
    assert status == 200 and "Hvem har sett mine opplysninger" in text


def clean(value: str) -> str:
    return value.replace("\x00", "")


@HYPOTHESIS
@given(
    who=st.one_of(st.text(max_size=30), st.sampled_from(["", "du", "0123456789ab", "<script>alert(1)</script>"])),
    kind=st.one_of(st.text(max_size=20), st.sampled_from(["", "alt", "sett", "endret", "lastet-ned", "stoppet"])),
    own=st.one_of(st.text(max_size=3), st.just("1")),
    side=st.one_of(st.integers(-(10**12), 10**12).map(str), st.text(max_size=12)),
)
def test_any_filter_values_give_a_page_in_plain_words(read_log, some_rows, who, kind, own, side):
    status, text, body = read_log(hvem=clean(who), hva=clean(kind), egne=clean(own), side=clean(side))
    assert status == 200
    assert "<script>alert(1)</script>" not in body
    known_kind = clean(kind).strip() in ("", "alt", "sett", "endret", "lastet-ned", "stoppet")
    assert (UNKNOWN_KIND in text) == (not known_kind)
    if clean(who).strip() not in ("", "du"):
        assert NOT_FOUND in text  # no key is guessed: a random value never names someone
