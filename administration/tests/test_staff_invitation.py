"""A team leader invites a new staff member by a one-time link instead of typing their password:
the new colleague chooses their own password and connects an app for codes."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import ResetLink, Role, User
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db

NEW = {"full_name": "Mona Berg", "username": "mona.berg", "email": "", "role": Role.PRACTITIONER}


def invite(client, **fields):
    return client.post("/organisasjon/ansatte/ny/", {**NEW, **fields})


def link_in(response) -> str:
    return re.search(r'value="(http://testserver/[^"]+)"', response.content.decode()).group(1)


def test_the_new_colleague_chooses_their_own_password_and_connects_an_app(lise_client, team):
    page = lise_client.get("/organisasjon/ansatte/").content.decode()
    assert "Inviter en ny ansatt" in page
    response = invite(lise_client, teams=[team.pk])
    page = response.content.decode()
    assert response.status_code == 200 and "Invitasjon til Mona Berg" in page and "mona.berg" in page
    mona = User.objects.get(username="mona.berg")
    assert not mona.has_usable_password() and list(mona.teams.all()) == [team]
    assert mona.organisation.slug == "testhuset"
    link = ResetLink.objects.get(user=mona)
    assert link.welcome and (link.expires - link.created).days == 7
    assert AuditEvent.objects.filter(object_type="account", action="create", object_id=str(mona.pk)).exists()

    newcomer = Client()
    url = link_in(response).removeprefix("http://testserver")
    welcome = newcomer.get(url).content.decode()
    assert "Velkommen til Medvandrer, Mona Berg" in welcome and "mona.berg" in welcome
    done = newcomer.post(url, {"new_password1": "Solrik-morgen-ved-elva", "new_password2": "Solrik-morgen-ved-elva"})
    assert done.status_code == 302 and done["Location"] == reverse("two_factor_setup")  # next: an app for codes
    mona.refresh_from_db()
    assert mona.check_password("Solrik-morgen-ved-elva")
    assert "_auth_user_id" not in newcomer.session  # not signed in before the code
    # The link works once.
    assert newcomer.get(url).status_code == 410


def test_a_username_that_is_taken_is_said_in_norwegian_and_nothing_typed_is_lost(lise_client, alice):
    page = invite(lise_client, username="ALICE").content.decode()
    assert "Det brukernavnet er tatt" in page and 'value="Mona Berg"' in page
    assert not User.objects.filter(full_name="Mona Berg").exists()


def test_a_team_leader_cannot_make_an_administrator(lise_client):
    page = invite(lise_client, role=Role.ADMIN).content.decode()
    assert "Velg en av rollene i listen" in page
    assert not User.objects.filter(username="mona.berg").exists()


def test_only_leaders_may_invite(alice_client):
    assert alice_client.get("/organisasjon/ansatte/ny/").status_code == 404
    assert invite(alice_client).status_code == 404
    assert not User.objects.filter(username="mona.berg").exists()


def test_a_new_invitation_replaces_the_old_one(lise_client):
    first = link_in(invite(lise_client)).removeprefix("http://testserver")
    mona = User.objects.get(username="mona.berg")
    assert "Lag ny invitasjon" in lise_client.get(f"/organisasjon/ansatte/{mona.pk}/").content.decode()
    second = lise_client.post(f"/organisasjon/ansatte/{mona.pk}/velkomstlenke/")
    assert second.status_code == 200
    assert Client().get(first).status_code == 410
    assert Client().get(link_in(second).removeprefix("http://testserver")).status_code == 200
