"""A staff member who chooses a new password from a link still gives their one-time code – and
then is signed in, as the page promised. The password alone never signs anyone in who needs a
code: until the code, the session only remembers who gave the password (as the sign-in does)."""

import re

import pyotp
import pytest
from django.test import Client

from accounts import totp
from accounts.models import ResetLink
from accounts.sessions import TWO_FACTOR_DONE

pytestmark = pytest.mark.django_db
NEW = "en helt ny og trygg setning"


@pytest.fixture
def secret(alice):
    secret = pyotp.random_base32()
    totp.enable(alice, secret, step=0)
    return secret


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def test_reset_link_then_new_password_then_the_code_ends_signed_in(lise, alice, secret):
    _link, token = ResetLink.create_for(alice, created_by=lise)
    phone = Client()
    form = phone.get(f"/ny-innlogging/{token}/").content.decode()
    assert "Etterpå skriver du inn koden fra appen på telefonen, og så er du logget inn." in form
    assert "Etterpå er du logget inn" not in form

    saved = phone.post(f"/ny-innlogging/{token}/", {"new_password1": NEW, "new_password2": NEW})
    assert saved.status_code == 302 and saved["Location"] == "/logg-inn/kode/"
    assert signed_in_as(phone) is None  # not before the code

    code_page = phone.get("/logg-inn/kode/")
    assert code_page.status_code == 200  # the code page, not «Logg inn med brukernavn og passord først»
    text = code_page.content.decode()
    assert "Hei, Alice Aas" in text and "Nytt passord er lagret. Skriv inn koden fra appen" in text
    assert "Logg inn med brukernavn og passord først" not in text

    right = pyotp.TOTP(secret).now()
    wrong = phone.post("/logg-inn/kode/", {"code": f"{(int(right) + 500_000) % 1_000_000:06d}"})
    assert wrong.status_code == 200 and signed_in_as(phone) is None

    done = phone.post("/logg-inn/kode/", {"code": pyotp.TOTP(secret).now()})
    assert done.status_code == 302 and done["Location"] == "/"
    assert signed_in_as(phone) == str(alice.pk) and phone.session[TWO_FACTOR_DONE] is True
    home = phone.get("/")
    assert home.status_code == 200 and "Alice Aas" in home.content.decode()
    alice.refresh_from_db()
    assert alice.check_password(NEW)


def test_without_an_app_yet_the_reset_goes_on_to_connecting_one_and_ends_signed_in(lise, alice):
    _link, token = ResetLink.create_for(alice, created_by=lise)
    phone = Client()
    assert "Etterpå kobler du til en app for engangskoder" in phone.get(f"/ny-innlogging/{token}/").content.decode()
    saved = phone.post(f"/ny-innlogging/{token}/", {"new_password1": NEW, "new_password2": NEW})
    assert saved["Location"] == "/logg-inn/tofaktor/" and signed_in_as(phone) is None
    setup = phone.get("/logg-inn/tofaktor/").content.decode()
    shown = re.search(r"([A-Z2-7]{4}(?: [A-Z2-7]{1,4}){3,})", setup).group(1)  # the secret, in groups
    done = phone.post("/logg-inn/tofaktor/", {"code": pyotp.TOTP(shown.replace(" ", "")).now()})
    assert done.status_code == 302 and signed_in_as(phone) == str(alice.pk)
    assert phone.get("/").status_code == 200


def test_a_code_typed_instead_of_the_link_ends_the_same_way(lise, alice, secret):
    link, _token = ResetLink.create_for(alice, created_by=lise)
    phone = Client()
    assert phone.post("/kode/", {"code": link.short_code})["Location"] == "/kode/apne/"
    saved = phone.post("/kode/apne/", {"new_password1": NEW, "new_password2": NEW})
    assert saved["Location"] == "/logg-inn/kode/" and signed_in_as(phone) is None
    phone.post("/logg-inn/kode/", {"code": pyotp.TOTP(secret).now()})
    assert signed_in_as(phone) == str(alice.pk) and phone.get("/").status_code == 200


def test_the_reset_link_used_in_a_browser_where_someone_else_is_signed_in(lise, alice, secret):
    from conftest import sign_in

    _link, token = ResetLink.create_for(alice, created_by=lise)
    shared = sign_in(Client(), lise)  # the leader opens it on her own computer, with the staff member
    shared.post(f"/ny-innlogging/{token}/", {"new_password1": NEW, "new_password2": NEW})
    assert signed_in_as(shared) is None  # the leader is signed out here; alice is not signed in yet
    shared.post("/logg-inn/kode/", {"code": pyotp.TOTP(secret).now()})
    assert signed_in_as(shared) == str(alice.pk)


def test_an_email_reset_for_staff_with_two_factor_ends_signed_in_after_the_code(alice, secret, mailoutbox):
    alice.email = "alice@example.org"
    alice.save()
    phone = Client()
    phone.post("/logg-inn/glemt/", {"email": alice.email})
    path = re.search(r"http://testserver(/logg-inn/ny/\S+/)", mailoutbox[0].body).group(1)
    form = phone.get(path, follow=True)
    assert "Etterpå skriver du inn koden fra appen" in form.content.decode()
    saved = phone.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    assert saved["Location"] == "/logg-inn/kode/" and signed_in_as(phone) is None
    assert phone.get("/logg-inn/kode/").status_code == 200
    phone.post("/logg-inn/kode/", {"code": pyotp.TOTP(secret).now()})
    assert signed_in_as(phone) == str(alice.pk) and phone.get("/").status_code == 200
