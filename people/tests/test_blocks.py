"""A person can shut a named staff member out of their data, at once."""

import pytest

from people.models import Block

pytestmark = pytest.mark.django_db


def test_blocking_a_care_contact_takes_effect_at_once_and_can_be_undone(charlie_client, charlie_person, alice, client):
    from django.test import Client

    from conftest import sign_in

    alices = sign_in(Client(), alice)
    assert alices.get(f"/personer/{charlie_person.pk}/").status_code == 200
    response = charlie_client.post(
        f"/personer/{charlie_person.pk}/sperrer/", {"block": "1", "staff": alice.pk}, follow=True
    )
    assert "Alice Aas er sperret fra opplysningene dine fra nå." in response.content.decode()
    assert alices.get(f"/personer/{charlie_person.pk}/").status_code == 404
    assert charlie_person.pk not in [
        p.pk for p in __import__("people.access", fromlist=["x"]).persons_visible_to(alice)
    ]

    block = Block.objects.get()
    charlie_client.post(f"/personer/{charlie_person.pk}/sperrer/", {"unblock": block.pk})
    assert alices.get(f"/personer/{charlie_person.pk}/").status_code == 200


def test_only_staff_of_the_own_organisation_can_be_chosen(charlie_client, charlie_person):
    from conftest import make_user
    from people.models import Organisation

    stranger = make_user("zoe", "fagperson", Organisation.objects.create(name="B", slug="b"))
    response = charlie_client.post(f"/personer/{charlie_person.pk}/sperrer/", {"block": "1", "staff": stranger.pk})
    assert "Velg en person fra listen" in response.content.decode()
    assert not Block.objects.exists()
