"""A team leader adds a new person, with their first care contact, and erases a person who asks
for it and cannot do it themself – without the Django admin."""

import pytest

from audit.models import AuditEvent
from people.models import CareRelation, Person

pytestmark = pytest.mark.django_db


def test_a_new_person_with_a_first_contact(lise_client, alice, organisation):
    response = lise_client.post("/organisasjon/personer/", {"display_name": " Dina Dahl ", "staff": alice.pk})
    dina = Person.objects.get(display_name="Dina Dahl", organisation=organisation)
    assert response["Location"] == f"/organisasjon/personer/{dina.pk}/"
    assert CareRelation.objects.active().filter(person=dina, staff=alice).exists()
    assert AuditEvent.objects.filter(person_id=dina.pk, object_type="person", action="create").exists()


def test_a_name_is_needed(lise_client):
    page = lise_client.post("/organisasjon/personer/", {"display_name": ""}).content.decode()
    assert "Skriv navnet til personen" in page and not Person.objects.exists()


def test_erasure_on_the_organisations_basis_needs_the_word_typed(lise_client, charlie_person):
    url = f"/organisasjon/personer/{charlie_person.pk}/slett/"
    assert "Slett alt om Charlie Dahl" in lise_client.get(url).content.decode()
    assert "Skriv SLETT" in lise_client.post(url, {"confirm": "nei"}).content.decode()
    assert Person.objects.filter(pk=charlie_person.pk).exists()
    assert lise_client.post(url, {"confirm": "slett"}).status_code == 302
    assert not Person.objects.filter(pk=charlie_person.pk).exists()
    assert AuditEvent.objects.filter(action="erase", basis="organisation").exists()


def test_a_practitioner_cannot_erase_or_add(alice_client, charlie_person):
    assert (
        alice_client.post(f"/organisasjon/personer/{charlie_person.pk}/slett/", {"confirm": "SLETT"}).status_code == 404
    )
    assert alice_client.post("/organisasjon/personer/", {"display_name": "X"}).status_code == 404
    assert Person.objects.filter(pk=charlie_person.pk).exists()
