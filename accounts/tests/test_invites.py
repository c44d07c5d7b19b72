"""A person gets their own login from a one-time invitation link."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from accounts.models import Invite, User
from audit.models import AuditEvent
from people.models import Person

pytestmark = pytest.mark.django_db

NEW_LOGIN = {"username": "dina", "password1": "sola skinner over fjorden", "password2": "sola skinner over fjorden"}


@pytest.fixture
def dina(organisation, alice):
    from people.models import CareRelation

    person = Person.objects.create(organisation=organisation, display_name="Dina Dahl")
    CareRelation.objects.create(staff=alice, person=person)
    return person


def invite_link(alice_client, person) -> str:
    page = alice_client.post(f"/personer/{person.pk}/invitasjon/").content.decode()
    return "/invitasjon/" + page.split("/invitasjon/")[1].split("/")[0] + "/"


def test_staff_make_a_link_and_the_person_sets_up_a_login(alice_client, dina, client):
    link = invite_link(alice_client, dina)
    from django.test import Client

    person_browser = Client()
    assert "Velkommen, Dina Dahl" in person_browser.get(link).content.decode()
    response = person_browser.post(link, NEW_LOGIN, follow=True)
    assert "Hei, Dina Dahl" in response.content.decode()
    dina.refresh_from_db()
    assert (
        dina.user.username == "dina"
        and dina.user.role == "deltaker"
        and dina.user.organisation_id == dina.organisation_id
    )


def test_a_used_link_does_not_work_again_and_is_audited(alice_client, dina, client):
    link = invite_link(alice_client, dina)
    client.post(link, NEW_LOGIN)
    client.post("/logg-ut/")
    response = client.get(link)
    assert response.status_code == 410
    assert "allerede brukt" in response.content.decode()
    assert AuditEvent.objects.filter(action="invite_rejected", person_id=dina.pk).exists()


def test_an_expired_link_explains_what_to_do(alice_client, dina, client):
    link = invite_link(alice_client, dina)
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.get(link)
    assert response.status_code == 410
    assert "har gått ut" in response.content.decode()


def test_an_unknown_link_is_a_404_with_a_message(client):
    response = client.get("/invitasjon/finnes-ikke-i-det-hele-tatt/")
    assert response.status_code == 404
    assert "Vi finner ikke denne invitasjonen" in response.content.decode()
    assert AuditEvent.objects.filter(action="invite_rejected", person_id=None).exists()


def test_a_new_link_replaces_the_old_one(alice_client, dina, client):
    first = invite_link(alice_client, dina)
    second = invite_link(alice_client, dina)
    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200
    assert Invite.objects.filter(person=dina).count() == 2


def test_only_the_hash_of_the_link_is_stored(alice_client, dina):
    link = invite_link(alice_client, dina)
    token = link.split("/")[2]
    assert not Invite.objects.filter(token_hash=token).exists()
    assert Invite.objects.find(token) is not None


def test_a_taken_username_is_refused_and_the_rest_kept(alice_client, dina, client, bob):
    link = invite_link(alice_client, dina)
    response = client.post(link, {**NEW_LOGIN, "username": "bob"})
    assert "Det brukernavnet er tatt" in response.content.decode()
    assert not User.objects.filter(username="dina").exists()


def test_a_person_who_forgot_the_password_gets_a_renewal_link(alice_client, charlie_person, charlie):
    from django.contrib.sessions.models import Session
    from django.test import Client

    from conftest import sign_in

    old_browser = sign_in(Client(), charlie, two_factor=False)
    charlie.totp_secret, charlie.totp_confirmed = "JBSWY3DPEHPK3PXP", timezone.now()
    charlie.save()
    link = invite_link(alice_client, charlie_person)
    browser = Client()
    assert "Nytt passord, Charlie Dahl" in browser.get(link).content.decode()
    response = browser.post(
        link, {"new_password1": "en ny og lang setning", "new_password2": "en ny og lang setning"}, follow=True
    )
    assert "Nytt passord er lagret." in response.content.decode()
    charlie.refresh_from_db()
    assert charlie.check_password("en ny og lang setning") and charlie.username == "charlie"
    assert charlie.totp_confirmed is None  # a fresh start; the app can be connected again
    assert not Session.objects.filter(session_key=old_browser.session.session_key).exists()
    assert AuditEvent.objects.filter(action="update", object_type="account", person_id=charlie_person.pk).exists()


def test_invitation_pages_are_never_cached(alice_client, dina, client):
    assert "no-store" in client.get(invite_link(alice_client, dina))["Cache-Control"]
