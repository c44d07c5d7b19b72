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
