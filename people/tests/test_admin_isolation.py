"""Team leaders manage their own organisation in admin – never another's, never a person's content."""

import pytest
from django.test import Client

from conftest import make_user, sign_in
from people.models import Organisation, Person

pytestmark = pytest.mark.django_db


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


def test_persons_are_not_managed_in_the_user_admin(lise, charlie, charlie_person):
    client = sign_in(Client(), lise)
    assert "charlie" not in client.get("/admin/accounts/user/").content.decode()
    assert client.get(f"/admin/accounts/user/{charlie.pk}/password/").status_code in (302, 404)
    response = client.post(
        f"/admin/accounts/user/{charlie.pk}/password/", {"password1": "x" * 20, "password2": "x" * 20}
    )
    charlie.refresh_from_db()
    assert response.status_code in (302, 404) and not charlie.check_password("x" * 20)


def test_a_team_leader_cannot_change_an_administrator(lise, siri):
    client = sign_in(Client(), lise)
    assert "Lagre" not in client.get(f"/admin/accounts/user/{siri.pk}/change/").content.decode()  # view only
    assert (
        client.post(f"/admin/accounts/user/{siri.pk}/change/", {"username": "siri", "role": "fagperson"}).status_code
        == 403
    )
    response = client.post(
        f"/admin/accounts/user/{siri.pk}/password/",
        {"password1": "overtatt-passord-1", "password2": "overtatt-passord-1"},
    )
    siri.refresh_from_db()
    assert response.status_code == 403 and not siri.check_password("overtatt-passord-1")
    client.post("/admin/accounts/user/", {"action": "reset_two_factor", "_selected_action": [siri.pk]})
    client.post("/admin/accounts/user/", {"action": "deactivate", "_selected_action": [siri.pk]})
    siri.refresh_from_db()
    assert siri.is_active


def test_nobody_widens_their_own_access_in_admin(lise, team):
    lise.teams.clear()  # she starts in no team, so a team she gave herself would show
    client = sign_in(Client(), lise)
    client.post(
        f"/admin/accounts/user/{lise.pk}/change/",
        {"username": "lise", "full_name": "Lise Lie", "role": "admin", "teams": [team.pk], "is_active": "on"},
    )
    lise.refresh_from_db()
    assert lise.role == "teamleder" and not lise.teams.exists()


def test_a_manager_cannot_make_themself_a_care_contact(lise, charlie_person):
    from people.models import CareRelation

    client = sign_in(Client(), lise)
    response = client.post(
        "/admin/people/carerelation/add/",
        {"staff": lise.pk, "person": charlie_person.pk, "started_0": "2026-01-01", "started_1": "10:00"},
    )
    assert "Du kan ikke gjøre deg selv til fast kontakt" in response.content.decode()
    assert not CareRelation.objects.filter(staff=lise).exists()


def test_the_delete_page_does_not_reveal_blocks_or_consents(lise, charlie_person, alice, team):
    from datetime import date

    from people.models import Block, Consent

    Block.objects.create(person=charlie_person, staff=alice)
    Consent.objects.create(person=charlie_person, team=team, valid_until=date(2099, 1, 1))
    page = sign_in(Client(), lise).get(f"/admin/people/person/{charlie_person.pk}/delete/").content.decode()
    assert "Charlie Dahl og alt som hører til" in page
    assert "sperrer" not in page.split("og alt som hører til")[1][:200] or "Alice" not in page
    assert "Alice Aas" not in page and "Aktivitet" not in page


def test_admin_changes_are_audited_and_not_kept_in_djangos_own_log(lise, alice, organisation):
    from django.contrib.admin.models import LogEntry

    from audit.models import AuditEvent

    client = sign_in(Client(), lise)
    client.post("/admin/people/person/add/", {"display_name": "Ny Person"})
    person = Person.objects.get(display_name="Ny Person")
    client.post(f"/admin/people/person/{person.pk}/change/", {"display_name": "Nytt Navn"})
    client.post("/admin/accounts/user/", {"action": "deactivate", "_selected_action": [alice.pk]})
    assert AuditEvent.objects.filter(object_type="person", person_id=person.pk, action="create").exists()
    assert AuditEvent.objects.filter(object_type="person", person_id=person.pk, action="update").exists()
    assert AuditEvent.objects.filter(object_type="account", object_id=str(alice.pk), action="update").exists()
    assert not LogEntry.objects.exists()
