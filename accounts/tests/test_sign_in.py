"""Signing in: password, then a one-time code for staff; a new session id; clear messages."""

import time

import pyotp
import pytest

from accounts import totp
from audit.models import AuditEvent
from conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice_with_app(alice):
    alice.totp_secret, alice.totp_confirmed = pyotp.random_base32(), alice.date_joined
    alice.save()
    return alice


def password_step(client, username="alice", password=PASSWORD, next_url=""):
    return client.post(
        f"/logg-inn/{'?next=' + next_url if next_url else ''}", {"username": username, "password": password}
    )


def code_now(user):
    return pyotp.TOTP(user.totp_secret).now()


def test_staff_need_password_and_code_and_get_a_new_session_id(client, alice_with_app):
    client.get("/logg-inn/")
    first_key = client.session.session_key
    response = password_step(client, next_url="/personer/")
    assert response["Location"] == "/logg-inn/kode/"
    assert client.get("/personer/")["Location"].startswith("/logg-inn/")  # not signed in yet
    response = client.post("/logg-inn/kode/", {"code": code_now(alice_with_app)})
    assert response["Location"] == "/personer/"
    assert client.session.session_key != first_key
    assert client.get("/personer/").status_code == 200


def test_a_code_works_only_once(client, alice_with_app):
    code = code_now(alice_with_app)
    password_step(client)
    client.post("/logg-inn/kode/", {"code": code})
    client.post("/logg-ut/")
    password_step(client)
    response = client.post("/logg-inn/kode/", {"code": code})
    assert "Koden stemte ikke" in response.content.decode()


def test_wrong_codes_are_audited_and_five_in_a_row_pause_code_entry(client, alice_with_app):
    password_step(client)
    for _ in range(5):
        response = client.post("/logg-inn/kode/", {"code": "000000"})
    assert "For mange feil koder på rad. Vent 15 minutter" in response.content.decode()
    response = client.post("/logg-inn/kode/", {"code": code_now(alice_with_app)})  # even the right one waits
    assert "For mange feil koder" in response.content.decode()
    assert AuditEvent.objects.filter(action="totp_failed", actor_id=alice_with_app.pk).count() == 5


def test_codes_are_checked_with_one_step_of_clock_drift(alice_with_app):
    previous = pyotp.TOTP(alice_with_app.totp_secret).at(time.time() - 30)
    assert totp.matching_step(alice_with_app.totp_secret, previous) is not None
    two_back = pyotp.TOTP(alice_with_app.totp_secret).at(time.time() - 90)
    assert totp.matching_step(alice_with_app.totp_secret, two_back) is None


def test_staff_without_an_app_must_connect_one_first(client, alice):
    response = password_step(client)
    assert response["Location"] == "/logg-inn/tofaktor/"
    page = client.get("/logg-inn/tofaktor/").content.decode()
    assert "Koble til app for engangskoder" in page
    secret = client.session["enrol_secret"]
    assert client.get("/logg-inn/tofaktor/qr.svg")["Content-Type"] == "image/svg+xml"
    response = client.post("/logg-inn/tofaktor/", {"code": pyotp.TOTP(secret).now()})
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.totp_confirmed is not None and alice.totp_secret == secret


def test_a_person_without_two_factor_signs_in_with_password(client, charlie, charlie_person):
    response = password_step(client, "charlie")
    assert response["Location"] == "/"
    assert client.get("/")["Location"] == "/min-side/"


def test_wrong_password_gives_a_clear_message(client, alice):
    response = password_step(client, password="feil-passord-123")
    assert "Brukernavnet eller passordet stemmer ikke" in response.content.decode()


def test_the_code_page_without_a_password_first_sends_you_back(client):
    response = client.get("/logg-inn/kode/")
    assert response["Location"] == "/logg-inn/"


def test_a_deactivated_user_cannot_sign_in(client, alice):
    alice.is_active = False
    alice.save()
    assert "stemmer ikke" in password_step(client).content.decode()


def test_redirect_after_sign_in_stays_on_this_site(client, charlie, charlie_person):
    response = password_step(client, "charlie", next_url="https://example.com/")
    assert response["Location"] == "/"


def test_an_overlong_username_is_refused_before_it_reaches_the_database(client):
    response = client.post("/logg-inn/", {"username": "a" * 5000, "password": "noe"})
    assert response.status_code == 200
    assert "Brukernavnet er for langt." in response.content.decode()


def test_the_password_alone_cannot_connect_a_new_app_to_an_account_that_has_one(client, alice_with_app):
    """Review finding: the set-up page was a way around the code."""
    original_secret = alice_with_app.totp_secret
    password_step(client)
    assert client.get("/logg-inn/tofaktor/")["Location"] == "/logg-inn/kode/"
    assert client.get("/logg-inn/tofaktor/qr.svg").status_code == 404
    forged = pyotp.random_base32()
    client.session  # noqa: B018 - the session exists
    response = client.post("/logg-inn/tofaktor/", {"code": pyotp.TOTP(forged).now()})
    assert response["Location"] == "/logg-inn/kode/"
    alice_with_app.refresh_from_db()
    assert alice_with_app.totp_secret == original_secret
    assert client.get("/personer/").status_code == 302  # still not signed in


def test_a_signed_in_user_with_an_app_is_sent_to_the_account_page(client, alice_with_app):
    from conftest import sign_in

    sign_in(client, alice_with_app)
    assert client.get("/logg-inn/tofaktor/")["Location"] == "/konto/"


def test_sign_in_pages_are_never_cached(client, alice_with_app):
    assert "no-store" in client.get("/logg-inn/")["Cache-Control"]
    password_step(client)
    assert "no-store" in client.get("/logg-inn/kode/")["Cache-Control"]
