"""What Django's admin (superusers only) never does: show a person's content, manage a person's
login, let anyone give themself access to a person, or tie an organisation's people to another's.
Team leaders manage their own organisation in «Administrasjon» (administration/tests)."""

import pytest
from django.test import Client

from accounts.models import User
from conftest import sign_in
from people.models import CareRelation, Organisation, Person, Team

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("drift", "drift@example.org", "en lang setning til drift")


@pytest.fixture
def admin_client(superuser):
    return sign_in(Client(), superuser)


@pytest.fixture
def elsewhere(db):
    return Organisation.objects.create(name="Annethuset", slug="annethuset")


def test_admin_shows_names_never_what_a_person_wrote(admin_client, charlie_person):
    charlie_person.about = "Hemmelig tekst fra Charlie"
    charlie_person.save()
    for page in ("/admin/people/person/", f"/admin/people/person/{charlie_person.pk}/change/"):
        html = admin_client.get(page).content.decode()
        assert "Charlie Dahl" in html and "Hemmelig tekst" not in html, page


def test_practitioners_and_persons_are_kept_out(alice_client, charlie_client):
    assert alice_client.get("/admin/", follow=True).status_code == 403
    assert charlie_client.get("/admin/people/person/").status_code in (302, 403)


def test_a_new_account_is_always_staff(admin_client, organisation):
    page = admin_client.get("/admin/accounts/user/add/").content.decode()
    assert 'value="fagperson"' in page and 'value="admin"' in page and 'value="deltaker"' not in page
    admin_client.post(
        "/admin/accounts/user/add/",
        {"username": "ny", "full_name": "Ny", "role": "deltaker", "organisation": organisation.pk},
    )
    assert not User.objects.filter(username="ny").exists()  # a person's login begins with their invitation


def test_persons_are_not_managed_in_the_user_admin(admin_client, charlie, charlie_person):
    assert "charlie" not in admin_client.get("/admin/accounts/user/").content.decode()
    response = admin_client.get(f"/admin/accounts/user/{charlie.pk}/change/")
    assert response.status_code == 302 and response["Location"] == "/admin/"  # "does not exist"
    admin_client.post(
        f"/admin/accounts/user/{charlie.pk}/change/", {"username": "charlie", "full_name": "X", "role": "admin"}
    )
    admin_client.post(f"/admin/accounts/user/{charlie.pk}/password/", {"password1": "x" * 20, "password2": "x" * 20})
    charlie.refresh_from_db()
    assert charlie.role == "deltaker" and not charlie.check_password("x" * 20)


def test_nobody_widens_their_own_access_in_admin(admin_client, superuser, organisation, team):
    admin_client.post(
        f"/admin/accounts/user/{superuser.pk}/change/",
        {
            "username": "drift",
            "full_name": "Drift",
            "role": "admin",
            "organisation": organisation.pk,
            "teams": [team.pk],
        },
    )
    superuser.refresh_from_db()
    assert superuser.role == "fagperson" and superuser.organisation_id is None and not superuser.teams.exists()
    assert superuser.is_active
    assert "Slett" not in admin_client.get(f"/admin/accounts/user/{superuser.pk}/change/").content.decode()


def test_nobody_makes_themself_a_care_contact(admin_client, superuser, organisation, charlie_person):
    superuser.organisation = organisation
    superuser.save()
    response = admin_client.post(
        "/admin/people/carerelation/add/",
        {"staff": superuser.pk, "person": charlie_person.pk, "started_0": "2026-01-01", "started_1": "10:00"},
    )
    assert "Du kan ikke gjøre deg selv til fast kontakt" in response.content.decode()
    assert not CareRelation.objects.filter(staff=superuser).exists()


def test_a_care_contact_works_in_the_persons_own_organisation(admin_client, elsewhere, charlie_person):
    from conftest import make_user

    zoe = make_user("zoe", "teamleder", elsewhere, "Zoe Zahl")
    response = admin_client.post(
        "/admin/people/carerelation/add/",
        {"staff": zoe.pk, "person": charlie_person.pk, "started_0": "2026-01-01", "started_1": "10:00"},
    )
    assert "Velg en ansatt i personens egen organisasjon." in response.content.decode()
    assert not CareRelation.objects.filter(staff=zoe).exists()


def test_staff_are_only_in_their_own_organisations_teams(admin_client, alice, team, elsewhere):
    foreign = Team.objects.create(organisation=elsewhere, name="Borte")
    page = admin_client.get(f"/admin/accounts/user/{alice.pk}/change/").content.decode()
    assert "Aktivitet (Testhuset)" in page and "Borte (Annethuset)" in page  # a superuser sees every team
    response = admin_client.post(
        f"/admin/accounts/user/{alice.pk}/change/",
        {
            "username": "alice",
            "full_name": "Alice Aas",
            "role": "fagperson",
            "organisation": alice.organisation_id,
            "teams": [team.pk, foreign.pk],
            "is_active": "on",
        },
    )
    assert "Velg bare team i brukerens egen organisasjon." in response.content.decode()
    assert list(alice.teams.all()) == [team]


def test_a_team_or_person_stays_in_its_organisation(admin_client, team, charlie_person, elsewhere):
    admin_client.post(f"/admin/people/team/{team.pk}/change/", {"name": "Aktivitet", "organisation": elsewhere.pk})
    admin_client.post(
        f"/admin/people/person/{charlie_person.pk}/change/",
        {"display_name": "Charlie Dahl", "organisation": elsewhere.pk},
    )
    team.refresh_from_db()
    charlie_person.refresh_from_db()
    assert team.organisation_id == charlie_person.organisation_id != elsewhere.pk


def test_the_delete_page_does_not_reveal_blocks_or_consents(admin_client, charlie_person, alice, team):
    from datetime import date

    from people.models import Block, Consent

    Block.objects.create(person=charlie_person, staff=alice)
    Consent.objects.create(person=charlie_person, team=team, valid_until=date(2099, 1, 1))
    page = admin_client.get(f"/admin/people/person/{charlie_person.pk}/delete/").content.decode()
    assert "Charlie Dahl og alt som hører til" in page
    assert "Alice Aas" not in page and "Aktivitet" not in page


def test_admin_changes_are_audited_and_not_kept_in_djangos_own_log(admin_client, alice, organisation):
    from django.contrib.admin.models import LogEntry

    from audit.models import AuditEvent

    admin_client.post("/admin/people/person/add/", {"display_name": "Ny Person", "organisation": organisation.pk})
    person = Person.objects.get(display_name="Ny Person")
    admin_client.post(f"/admin/people/person/{person.pk}/change/", {"display_name": "Nytt Navn"})
    admin_client.post("/admin/accounts/user/", {"action": "deactivate", "_selected_action": [alice.pk]})
    admin_client.post("/admin/accounts/user/", {"action": "disconnect_app", "_selected_action": [alice.pk]})
    in_the_organisations_log = AuditEvent.objects.filter(organisation_id=organisation.pk, basis="organisation")
    assert in_the_organisations_log.filter(object_type="person", person_id=person.pk, action="create").exists()
    assert in_the_organisations_log.filter(object_type="person", person_id=person.pk, action="update").exists()
    assert in_the_organisations_log.filter(object_type="account", object_id=str(alice.pk), action="update").count() == 2
    assert not LogEntry.objects.exists()
