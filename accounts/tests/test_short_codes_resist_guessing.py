"""Guessing short codes at /kode/ is limited where a guesser cannot step around it: per client
address (no cookie needed – each try here comes from a fresh browser), and for everyone together.
The pause says how long it really lasts, trying during it does not make it longer, and it ends."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from accounts.models import Invite
from people.models import Person

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
WRONG = "AAAA-AAAA"  # a code of the right shape that no link has (31**8 codes, one in use here)


def at(moment):
    return time_machine.travel(moment, tick=False)


def typed(code, address="203.0.113.7", **headers):
    """One try from a new browser: no cookie, no session – only the address is the same."""
    return Client(REMOTE_ADDR=address, **headers).post("/kode/", {"code": code})


def page(response) -> str:
    return response.content.decode()


@pytest.fixture
def real_code(alice, organisation):
    with at(NOW):
        person = Person.objects.create(organisation=organisation, display_name="Dina Dal")
        invite, _token = Invite.create_for(person, created_by=alice)
    return invite.short_code


def test_ten_wrong_codes_from_one_address_pause_it_and_the_page_says_for_how_long(real_code):
    with at(NOW):
        for n in range(1, 11):
            answer = page(typed(WRONG))
            assert "Vi finner ingen lenke med den koden" in answer
            assert ("Prøv igjen om 15 minutter" in answer) == (n == 10)  # the tenth says what comes next
        refused = typed(WRONG)
        assert refused.status_code == 429 and "Prøv igjen om 15 minutter" in page(refused)
        right = typed(real_code)  # during the pause even the right code is not looked up
        assert right.status_code == 429 and "Dina Dal" not in page(right)
        assert "Prøv igjen om 15 minutter" in page(Client(REMOTE_ADDR="203.0.113.7").get("/kode/"))
        elsewhere = typed(real_code, address="198.51.100.20")
        assert elsewhere.status_code == 302 and elsewhere["Location"] == "/kode/apne/"


def test_the_wait_is_the_true_one_trying_meanwhile_does_not_lengthen_it_and_it_ends(real_code):
    with at(NOW):
        for _ in range(5):
            typed(WRONG)
    with at(NOW + timedelta(minutes=10)):
        for _ in range(5):
            typed(WRONG)
    with at(NOW + timedelta(minutes=11)):
        # The five oldest are 11 minutes old: in 4 minutes they no longer count.
        assert "Prøv igjen om 4 minutter" in page(typed(WRONG))
    with at(NOW + timedelta(minutes=14, seconds=30)):
        for _ in range(20):  # hammering during the pause
            assert typed(WRONG).status_code == 429
        assert "Prøv igjen om 1 minutt." in page(typed(WRONG))
    with at(NOW + timedelta(minutes=15)):
        assert typed(real_code).status_code == 302  # the pause is over on time
        for _ in range(4):
            assert typed(WRONG).status_code == 200  # five of the ten have aged out: five tries back
        assert "Prøv igjen om 10 minutter" in page(typed(WRONG))
        assert typed(WRONG).status_code == 429


def test_a_right_code_does_not_wipe_the_count_of_wrong_ones(real_code):
    with at(NOW):
        for _ in range(9):
            typed(WRONG)
        assert typed(real_code).status_code == 302  # someone with one valid code of their own …
        typed(WRONG)
        assert typed(WRONG).status_code == 429  # … cannot use it to start the count again


def test_a_forged_forwarded_header_or_a_new_ipv6_address_in_the_same_64_does_not_help():
    with at(NOW):
        for n in range(10):
            typed(WRONG, address="203.0.113.7", HTTP_X_FORWARDED_FOR=f"10.9.8.{n}")
        assert typed(WRONG, address="203.0.113.7", HTTP_X_FORWARDED_FOR="10.9.8.99").status_code == 429
        for n in range(1, 11):
            typed(WRONG, address=f"2001:db8:5:6::{n:x}")
        assert typed(WRONG, address="2001:db8:5:6:ffff:1234:abcd:1").status_code == 429
        assert typed(WRONG, address="2001:db8:5:7::1").status_code == 200  # the next /64 is someone else


def test_many_addresses_together_are_limited_too_and_the_pause_ends(real_code):
    with at(NOW):
        for n in range(40):  # forty guessers, one wrong code each: none near its own limit
            assert typed(WRONG, address=f"198.51.100.{n + 1}").status_code == 200
        newcomer = typed(real_code, address="192.0.2.200")
        assert newcomer.status_code == 429 and "Prøv igjen om 15 minutter" in page(newcomer)
    with at(NOW + timedelta(minutes=15)):
        assert typed(real_code, address="192.0.2.200").status_code == 302


def test_a_code_that_cannot_be_one_is_answered_without_using_a_try(real_code):
    with at(NOW):
        for _ in range(12):
            answer = page(typed("K7MX-4TQ"))  # one character short
            assert "Koden har åtte tegn" in answer and "Prøv igjen om" not in answer
        assert typed(real_code).status_code == 302
