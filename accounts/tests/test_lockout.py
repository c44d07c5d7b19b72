"""Too many wrong passwords pause sign-in for that username from that address – for 15 minutes, not for ever."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def attempt(client, password, address="10.0.0.1"):
    return client.post("/logg-inn/", {"username": "charlie", "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_pause_sign_in_with_a_norwegian_page(client, charlie, charlie_person):
    for _ in range(5):
        attempt(client, "feil-passord-000")
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "Vent litt før du prøver igjen" in response.content.decode()


def test_someone_else_cannot_lock_the_real_user_out(client, charlie, charlie_person):
    for _ in range(10):
        attempt(client, "feil-passord-000", address="203.0.113.9")
    response = attempt(client, PASSWORD, address="10.0.0.1")
    assert response.status_code == 302


def test_the_pause_runs_out_even_if_someone_keeps_trying(client, charlie, charlie_person):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(5):
            attempt(client, "feil-passord-000")
    with time_machine.travel(start + timedelta(minutes=10), tick=False):
        assert attempt(client, "feil-passord-000").status_code == 429  # trying during the pause …
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert attempt(client, PASSWORD).status_code == 302  # … does not make it longer


def test_behind_a_proxy_each_client_is_counted_by_its_own_address(client, charlie, charlie_person, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.254"
    for i in range(6):  # the attacker also forges the header; the proxy appends the real address
        client.post(
            "/logg-inn/",
            {"username": "charlie", "password": "feil-passord-000"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=f"1.2.3.{i}, 203.0.113.9",
        )
    assert (
        client.post(
            "/logg-inn/",
            {"username": "charlie", "password": PASSWORD},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR="1.2.3.9, 203.0.113.9",
        ).status_code
        == 429
    )
    response = client.post(
        "/logg-inn/",
        {"username": "charlie", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert response.status_code == 302


def test_without_proxies_a_forged_forwarded_header_changes_nothing(client, charlie, charlie_person):
    for i in range(5):
        client.post(
            "/logg-inn/",
            {"username": "charlie", "password": "feil-passord-000"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{i}",
        )
    response = client.post(
        "/logg-inn/",
        {"username": "charlie", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.99",
    )
    assert response.status_code == 429
