"""Shared test fixtures. Personas, as in healthchecks:

alice   – practitioner (fagperson)
bob     – peer worker (erfaringskonsulent)
charlie – a person in recovery (deltaker)
"""

import pytest

from accounts.models import Role, User

PASSWORD = "en-lang-og-trygg-testfrase"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Argon2 is deliberately slow; tests that check the real hasher opt out with the `real_hasher` marker.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username: str, role: str, full_name: str = "") -> User:
    return User.objects.create_user(
        username=username, password=PASSWORD, role=role, full_name=full_name or username.title()
    )


@pytest.fixture
def alice(db):
    return make_user("alice", Role.PRACTITIONER, "Alice Aas")


@pytest.fixture
def bob(db):
    return make_user("bob", Role.PEER_WORKER, "Bob Berg")


@pytest.fixture
def charlie(db):
    return make_user("charlie", Role.PERSON, "Charlie Dahl")


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture(autouse=True)
def restore_content_after_flush(request, django_db_blocker):
    """Tests on a transactional database (live_server, threads) end with a flush of every
    table, the question bank included. Load it again so later tests find it; this
    fixture is set up before the database fixtures, so its teardown runs after the flush."""
    yield
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        from content.loader import load_content

        with django_db_blocker.unblock():
            load_content(force=True)
