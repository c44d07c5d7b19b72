"""Team leaders and admins review their own organisation's log – and only theirs."""

import pytest
from django.test import Client

from audit.log import record
from conftest import make_user, sign_in
from people.models import Organisation

pytestmark = pytest.mark.django_db


def test_a_team_leader_sees_the_organisations_events(alice, charlie_person, organisation):
    sign_in(Client(), alice).get(f"/personer/{charlie_person.pk}/")
    lise = make_user("lise", "teamleder", organisation, "Lise Lie")
    body = sign_in(Client(), lise).get("/organisasjon/logg/").content.decode()
    assert "Alice Aas" in body and "Charlie Dahl" in body


def test_another_organisations_events_are_not_shown(organisation):
    elsewhere = Organisation.objects.create(name="B", slug="b")
    zoe = make_user("zoe", "fagperson", elsewhere, "Zoe Zahl")
    record(actor=zoe, action="read", object_type="person", object_id=99)
    lise = make_user("lise", "teamleder", organisation, "Lise Lie")
    assert "Zoe Zahl" not in sign_in(Client(), lise).get("/organisasjon/logg/").content.decode()


def test_practitioners_cannot_see_it(alice_client):
    assert alice_client.get("/organisasjon/logg/").status_code == 404


@pytest.mark.parametrize("value", ["²", "abc", "1" * 40, "-3"])
def test_a_bad_person_filter_is_explained(organisation, value):
    lise = make_user("lise", "teamleder", organisation, "Lise Lie")
    response = sign_in(Client(), lise).get("/organisasjon/logg/", {"person": value})
    assert response.status_code == 200
    assert "må være et tall" in response.content.decode()
