"""Team leaders manage their own organisation in admin – never another's, never a person's content."""

import pytest
from django.test import Client

from conftest import make_user, sign_in
from people.models import Organisation, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def lise(organisation):
    return make_user("lise", "teamleder", organisation, "Lise Lie")


@pytest.fixture
def stranger():
    elsewhere = Organisation.objects.create(name="Annethuset", slug="annethuset")
    Person.objects.create(organisation=elsewhere, display_name="Fremmed Person")
    return make_user("zoe", "teamleder", elsewhere, "Zoe Zahl")


def test_lists_and_choices_hold_only_the_own_organisation(lise, stranger, charlie_person):
    client = sign_in(Client(), lise)
    persons = client.get("/admin/people/person/").content.decode()
    assert "Charlie Dahl" in persons and "Fremmed Person" not in persons
    form = client.get("/admin/people/carerelation/add/").content.decode()
    assert "Charlie Dahl" in form and "Fremmed Person" not in form and "Zoe Zahl" not in form


def test_another_organisations_person_does_not_exist_for_them(stranger, charlie_person):
    response = sign_in(Client(), stranger).get(f"/admin/people/person/{charlie_person.pk}/change/")
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_admin_shows_names_never_what_a_person_wrote(lise, charlie_person):
    charlie_person.about = "Hemmelig tekst fra Charlie"
    charlie_person.save()
    page = sign_in(Client(), lise).get(f"/admin/people/person/{charlie_person.pk}/change/").content.decode()
    assert "Charlie Dahl" in page and "Hemmelig tekst" not in page


def test_a_team_leader_cannot_make_admins(lise):
    page = sign_in(Client(), lise).get("/admin/accounts/user/add/").content.decode()
    assert 'value="fagperson"' in page and 'value="admin"' not in page


def test_practitioners_and_persons_are_kept_out(alice_client, charlie_client):
    assert alice_client.get("/admin/", follow=True).status_code == 403
    assert charlie_client.get("/admin/people/person/").status_code in (302, 403)


def test_new_staff_get_the_own_organisation(lise):
    client = sign_in(Client(), lise)
    client.post(
        "/admin/accounts/user/add/",
        {
            "username": "ny",
            "full_name": "Ny Ansatt",
            "role": "fagperson",
            "password1": "sola skinner over fjorden",
            "password2": "sola skinner over fjorden",
        },
    )
    from accounts.models import User

    assert User.objects.get(username="ny").organisation_id == lise.organisation_id
