"""Removing a CHIME rating: asked first, then gone from the list and the charts; the others stay;
the removal is in the audit trail."""

import pytest

from audit.models import Action, AuditEvent
from chime.models import ChimeRating
from chime.tests.common import rating

pytestmark = pytest.mark.django_db


def test_a_rating_is_removed_after_asking(charlie_client, charlie_person):
    keep = rating(charlie_person, 2, 2, 2, 2, 2, days_ago=3, note="Blir stående")
    gone = rating(charlie_person, 9, 9, 9, 9, 9, note="Skal bort")
    url = f"/personer/{charlie_person.pk}/chime/{gone.pk}/slett/"
    ask = charlie_client.get(url).content.decode()
    assert "Ta bort vurderingen fra" in ask and "Skal bort" in ask and "De andre vurderingene blir stående" in ask
    assert ChimeRating.objects.filter(pk=gone.pk).exists()  # asking changes nothing
    done = charlie_client.post(url, follow=True).content.decode()
    assert "er tatt bort" in done and "Skal bort" not in done and "Blir stående" in done
    assert list(ChimeRating.objects.all()) == [keep]
    event = AuditEvent.objects.get(action=Action.DELETE)
    assert (event.object_type, event.object_id) == ("chime_rating", str(gone.pk))


def test_removing_twice_is_a_plain_not_found(charlie_client, charlie_person):
    gone = rating(charlie_person)
    url = f"/personer/{charlie_person.pk}/chime/{gone.pk}/slett/"
    assert charlie_client.post(url).status_code == 302
    assert charlie_client.post(url).status_code == 404
