"""A copy of the database does not give away the short codes: the stored hash is keyed with the
server's SECRET_KEY (HMAC-SHA256), not a plain SHA-256 that anyone could reverse by trying all
31**8 codes. Without the key the hash is worthless; a retired key in SECRET_KEY_FALLBACKS still
opens the codes handed out before a key change."""

import hashlib

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import Invite, ResetLink, Role, short_code_hash
from conftest import make_user
from conversations.models import Conversation, EvaluationLink
from people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def links(alice, charlie_person):
    person = Person.objects.create(organisation=alice.organisation, display_name="Dina Dal")
    leader = make_user("lise", Role.TEAM_LEADER, alice.organisation, "Lise Lie")
    conversation = Conversation.objects.create(person=charlie_person, created_by=alice, ended=timezone.now())
    return [
        Invite.create_for(person, created_by=alice)[0],
        ResetLink.create_for(alice, created_by=leader)[0],
        EvaluationLink.create_for(conversation, created_by=alice)[0],
    ]


def plain_hashes(code: str) -> set[str]:
    """Everything a dump-reader could compute from the code alone."""
    cleaned = code.replace("-", "").upper()
    return {
        hashlib.sha256(value.encode()).hexdigest()
        for value in (code, cleaned, f"short:{cleaned}", f"short:{code}", cleaned.lower())
    }


def test_the_stored_hash_is_no_plain_sha256_of_the_code(links):
    for link in links:
        link.refresh_from_db()
        assert link.short_hash not in plain_hashes(link.short_code)
        assert link.short_hash == short_code_hash(link.short_code)


def test_the_hash_depends_on_the_server_key(links, settings):
    code = links[0].short_code
    assert short_code_hash(code, "another-key-" + "x" * 50) != short_code_hash(code)
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-brand-new-secret-key-" + "y" * 40
    assert Invite.objects.find_short(code) is None  # without the key the stored hash opens nothing
    assert Client().post("/kode/", {"code": code}).status_code == 200
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert Invite.objects.find_short(code).pk == links[0].pk  # a key rotation keeps recent codes working
