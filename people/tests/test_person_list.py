"""Staff see the persons they work with, and why they may."""

import pytest

pytestmark = pytest.mark.django_db


def test_staff_see_their_persons_with_the_basis(alice_client, charlie_person):
    body = alice_client.get("/personer/").content.decode()
    assert "Charlie Dahl" in body and "Tilgang: fast kontakt" in body


def test_staff_without_relation_see_nobody(client, bob, charlie_person):
    from conftest import sign_in

    body = sign_in(client, bob).get("/personer/").content.decode()
    assert "Du har ingen personer her ennå" in body


def test_a_person_goes_to_their_own_page(charlie_client, charlie_person):
    response = charlie_client.get("/personer/", follow=True)
    assert "Hei, Charlie Dahl" in response.content.decode()


def test_the_person_page_starts_a_conversation_for_a_care_contact_only(alice_client, charlie_person, bob, other_team):
    from datetime import date, timedelta

    from django.test import Client

    from conftest import sign_in
    from people.models import Consent

    page = alice_client.get(f"/personer/{charlie_person.pk}/").content.decode()
    assert f'href="/personer/{charlie_person.pk}/samtaler/ny/"' in page
    Consent.objects.create(person=charlie_person, team=other_team, valid_until=date.today() + timedelta(days=30))
    reader = sign_in(Client(), bob).get(f"/personer/{charlie_person.pk}/").content.decode()
    assert f'href="/personer/{charlie_person.pk}/samtaler/"' in reader and "samtaler/ny/" not in reader
