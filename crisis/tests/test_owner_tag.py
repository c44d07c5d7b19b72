"""The owner tag on the person's own «Jeg har det vanskelig nå»: it tells one person's page from
another's on a shared phone, without showing who they are."""

import pytest
from django.test import Client

from accounts.models import Role
from conftest import make_user, sign_in
from crisis.models import KeptPageOwner
from people.models import Person

pytestmark = pytest.mark.django_db


def owner_of(tag: str) -> str:
    return tag.split(".")[0]  # what the service worker compares


def test_the_tag_names_a_random_key_not_the_user(charlie, charlie_client):
    tag = charlie_client.get("/vanskelig/")["X-Medvandrer-Personal"]
    value = tag.split(":")[0]
    assert owner_of(tag) == KeptPageOwner.objects.get(user=charlie).key and len(owner_of(tag)) >= 20
    assert str(charlie.pk) not in value.split(".") and charlie.username not in tag
    assert tag.isascii() and "\n" not in tag


def test_each_person_has_their_own_owner_and_keeps_it_between_visits(charlie, charlie_client, organisation):
    dina = make_user("dina", Role.PERSON, organisation, "Dina Dahl")
    Person.objects.create(organisation=organisation, display_name="Dina Dahl", user=dina)
    dina_client = sign_in(Client(), dina, two_factor=False)
    first, again = (charlie_client.get("/vanskelig/")["X-Medvandrer-Personal"] for _ in range(2))
    dinas = dina_client.get("/vanskelig/")["X-Medvandrer-Personal"]
    assert owner_of(first) == owner_of(again) != owner_of(dinas)


def test_signing_out_everywhere_gives_a_new_owner(charlie, charlie_client):
    before = owner_of(charlie_client.get("/vanskelig/")["X-Medvandrer-Personal"])
    charlie_client.post("/konto/logg-ut-overalt/")
    after = owner_of(sign_in(Client(), charlie, two_factor=False).get("/vanskelig/")["X-Medvandrer-Personal"])
    assert before != after


def test_staff_and_signed_out_visitors_get_no_tag(alice_client):
    for client in (alice_client, Client()):
        assert "X-Medvandrer-Personal" not in client.get("/vanskelig/")
    assert not KeptPageOwner.objects.exists()
