"""Removing a ruler reading: asked first, then gone from the topic's timeline; the rest stays;
the removal is audited."""

import pytest

from audit.models import Action, AuditEvent
from mitools.models import RulerReading
from mitools.tests.common import reading

pytestmark = pytest.mark.django_db


def test_a_reading_is_removed_after_asking(charlie_client, charlie_person):
    keep = reading(charlie_person, "Røyken", 3, 3, days_ago=5, importance_one_up="Blir stående")
    gone = reading(charlie_person, "Røyken", 9, 1, importance_one_up="Skal bort")
    url = f"/personer/{charlie_person.pk}/mi/linjal/{gone.pk}/slett/"
    ask = charlie_client.get(url).content.decode()
    assert "Ta bort målingen fra" in ask and "hvor viktig 9, hvor sikker 1" in ask
    assert RulerReading.objects.count() == 2
    done = charlie_client.post(url, follow=True).content.decode()
    assert "er tatt bort" in done and "Skal bort" not in done
    assert list(RulerReading.objects.all()) == [keep]
    event = AuditEvent.objects.get(action=Action.DELETE)
    assert (event.object_type, event.object_id) == ("mi_ruler", str(gone.pk))
    assert charlie_client.post(url).status_code == 404
