"""Passwords: Argon2, at least 12 characters, not a common one."""

import pytest
from django.conf import settings
from django.contrib.auth.hashers import identify_hasher

from accounts.forms import SetUpLoginForm

pytestmark = pytest.mark.django_db


@pytest.mark.real_hasher
def test_passwords_are_stored_with_argon2(alice):
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    alice.set_password("en-helt-ny-og-lang-frase")
    alice.save()
    assert identify_hasher(alice.password).algorithm == "argon2"


@pytest.mark.parametrize(
    "password, message",
    [
        ("kort-ord", "for kort"),
        ("password1234", "for vanlig"),
        ("123456789012345", "bare tall"),
    ],
)
def test_weak_passwords_are_refused_in_norwegian(password, message):
    form = SetUpLoginForm({"username": "ny-bruker", "password1": password, "password2": password})
    assert not form.is_valid()
    assert message in " ".join(form.errors["password1"])


def test_a_good_password_is_accepted():
    form = SetUpLoginForm(
        {"username": "ny-bruker", "password1": "sola skinner over fjorden", "password2": "sola skinner over fjorden"}
    )
    assert form.is_valid(), form.errors
