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
