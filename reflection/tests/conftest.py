"""Fixtures for the journal tests: a way to write a week. The personas (alice, bob, gina,
lise, siri, charlie) are the root conftest's."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import sign_in as sign_in_client
from reflection.models import JournalEntry, monday_of

CANARY = "Kanarifugl-refleksjon-7f3a"


@pytest.fixture
def this_monday():
    return monday_of(timezone.localdate())


@pytest.fixture
def alice_entry(alice, this_monday):
    """Alice's week, with the canary in every text she can write."""
    return JournalEntry.objects.create(
        author=alice,
        week_of=this_monday - timedelta(days=7),
        answers={
            "refleksjon-hverdagsliv": {"refleksjon-1": f"Håp {CANARY}"},
            "refleksjon-praksis": {"makt": f"Makt {CANARY}"},
        },
        method_key="metode-3",
        method_plan=f"Plan {CANARY}",
        method_follow_up=f"Gikk {CANARY}",
        self_check={"overstyring": {"choice": "litt", "note": f"I stedet {CANARY}"}},
        notes=f"Notat {CANARY}",
    )


def client_for(client, user):
    if user is None:
        return client
    return sign_in_client(client, user, two_factor=not user.is_person)
