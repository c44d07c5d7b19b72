"""Sessions end after 30 idle minutes, 12 hours after sign-in, at sign-out and when an account is deactivated."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from conftest import sign_in

pytestmark = pytest.mark.django_db


def is_signed_in(client) -> bool:
    return client.get("/sporsmal/favoritter/").status_code == 200


def test_thirty_idle_minutes_end_the_session(client, alice):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, alice)
        assert is_signed_in(client)
    with time_machine.travel(start + timedelta(minutes=29), tick=False):
        assert is_signed_in(client)  # activity pushes the end forward …
    with time_machine.travel(start + timedelta(minutes=58), tick=False):
        assert is_signed_in(client)
    with time_machine.travel(start + timedelta(minutes=90), tick=False):
        assert not is_signed_in(client)  # … but 32 quiet minutes end it


def test_twelve_hours_end_the_session_however_active(client, alice):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        sign_in(client, alice)
    for minutes in range(20, 12 * 60, 20):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert is_signed_in(client)
    with time_machine.travel(start + timedelta(hours=12, minutes=5), tick=False):
        assert not is_signed_in(client)


def test_signing_out_deletes_the_session_on_the_server(client, alice):
    sign_in(client, alice)
    key = client.session.session_key
    response = client.post("/logg-ut/", follow=True)
    assert not Session.objects.filter(session_key=key).exists()
    assert "Du er logget ut." in response.content.decode()  # said on the sign-in page it lands on


def test_deactivating_an_account_ends_its_sessions_at_once(alice):
    phone, laptop = sign_in(Client(), alice), sign_in(Client(), alice)
    alice.is_active = False
    alice.save()
    assert not is_signed_in(phone) and not is_signed_in(laptop)
    assert Session.objects.count() == 0


def test_sign_out_everywhere(alice):
    phone, laptop = sign_in(Client(), alice), sign_in(Client(), alice)
    response = laptop.post("/konto/logg-ut-overalt/", follow=True)
    assert "Du er logget ut på alle enheter (2)." in response.content.decode()
    assert not is_signed_in(phone) and not is_signed_in(laptop)


def test_a_session_that_skipped_two_factor_is_not_accepted(client, alice):
    sign_in(client, alice, two_factor=False)
    assert not is_signed_in(client)
