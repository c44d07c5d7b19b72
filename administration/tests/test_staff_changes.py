"""A team leader changes a colleague's role and teams, and takes an account out of use – which
signs them out at once – without the Django admin."""

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import Role, UserSession
from audit.models import AuditEvent
from conftest import sign_in

pytestmark = pytest.mark.django_db


def change(client, user, **fields):
    data = {"full_name": user.full_name, "role": user.role, "is_active": "on", **fields}
    return client.post(f"/organisasjon/ansatte/{user.pk}/", data)


def test_role_and_teams_are_changed_and_audited(lise_client, alice, team, other_team):
    response = change(lise_client, alice, role=Role.PEER_WORKER, teams=[other_team.pk], email="alice@kommune.no")
    assert response.status_code == 302
    alice.refresh_from_db()
    assert alice.role == Role.PEER_WORKER and list(alice.teams.all()) == [other_team]
    assert alice.email == "alice@kommune.no"  # for «Glemt passord?»
    assert AuditEvent.objects.filter(object_type="account", action="update", object_id=str(alice.pk)).exists()
    listed = lise_client.get("/organisasjon/ansatte/").content.decode()
    assert "erfaringskonsulent i Arbeid" in listed


def test_deactivating_signs_the_colleague_out_at_once(lise_client, alice):
    alice_elsewhere = sign_in(Client(), alice)
    assert alice_elsewhere.get("/").status_code == 200
    assert change(lise_client, alice, is_active="").status_code == 302
    alice.refresh_from_db()
    assert not alice.is_active and not UserSession.objects.filter(user=alice).exists()
    assert alice_elsewhere.get("/").status_code == 302  # back to «Logg inn»


def test_a_leader_never_changes_themself_or_an_administrator(lise_client, lise, siri):
    assert lise_client.get(f"/organisasjon/ansatte/{lise.pk}/").status_code == 404
    assert change(lise_client, siri, role=Role.PRACTITIONER).status_code == 404
    siri.refresh_from_db()
    assert siri.role == Role.ADMIN


def test_an_empty_name_is_said_in_norwegian(lise_client, alice):
    page = change(lise_client, alice, full_name="").content.decode()
    assert "Skriv hele navnet" in page


def test_a_lost_phone_disconnects_the_app_and_ends_every_session(lise_client, alice):
    from accounts import totp

    alice.totp_secret, alice.totp_confirmed = totp.new_secret(), timezone.now()
    alice.save()
    elsewhere = sign_in(Client(), alice)
    assert "Koble fra appen" in lise_client.get(f"/organisasjon/ansatte/{alice.pk}/").content.decode()
    assert lise_client.post(f"/organisasjon/ansatte/{alice.pk}/ny-app/").status_code == 302
    alice.refresh_from_db()
    assert alice.totp_confirmed is None and alice.totp_secret == ""
    assert elsewhere.get("/").status_code == 302
    assert AuditEvent.objects.filter(object_type="account", action="update", object_id=str(alice.pk)).exists()
