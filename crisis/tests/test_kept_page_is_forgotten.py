"""A phone that keeps «Jeg har det vanskelig nå» sends the copy's owner tag when it is online; the
server tells it to forget the copy (`X-Medvandrer-Forget: 1`) once the copy is no longer the
person's: signed out everywhere, erased, login closed, a new password, older than 90 days,
or a tag we never issued. Until then the phone keeps it, signed in or not."""

from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from accounts.models import Role
from audit.models import Basis
from conftest import PASSWORD, make_user, sign_in
from crisis.kept import tag_for
from people.actions import erase_person
from people.models import Person

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "et-helt-nytt-og-langt-passord-for-vinteren"


def own_tag(client) -> str:
    return client.get("/vanskelig/")["X-Medvandrer-Personal"]


def phone_online(tag, client=None):
    """What the worker asks when the person opens the kept page and there is a network."""
    return (client or Client()).get("/vanskelig/", headers={"X-Medvandrer-Kept": tag})


def forgets(response) -> bool:
    return response.get("X-Medvandrer-Forget") == "1"


def test_the_persons_own_copy_stays_signed_in_and_after_the_session_ended(charlie_client):
    tag = own_tag(charlie_client)
    assert not forgets(phone_online(tag, charlie_client))
    signed_out = phone_online(tag)  # the session ended on its own: the phone shows the kept copy
    assert not forgets(signed_out) and "X-Medvandrer-Personal" not in signed_out


def test_nothing_to_forget_when_the_phone_keeps_nothing(charlie_client):
    assert "X-Medvandrer-Forget" not in charlie_client.get("/vanskelig/")
    assert "X-Medvandrer-Forget" not in Client().get("/vanskelig/")


def test_signing_out_everywhere_on_another_device_makes_the_phone_forget(charlie, charlie_client):
    tag = own_tag(charlie_client)
    laptop = sign_in(Client(), charlie, two_factor=False)
    laptop.post("/konto/logg-ut-overalt/")
    assert forgets(phone_online(tag))  # the phone's session ended too: it asks signed out
    # Signing in again on the phone does not bring the old copy back; the new page can be kept afresh.
    phone = sign_in(Client(), charlie, two_factor=False)
    assert forgets(phone_online(tag, phone))
    assert not forgets(phone_online(own_tag(phone)))


def test_erasing_the_person_makes_the_phone_forget(charlie_client, charlie_person, alice):
    tag = own_tag(charlie_client)
    erase_person(charlie_person, actor=alice, basis=Basis.ORGANISATION)
    assert forgets(phone_online(tag))


def test_a_closed_login_makes_the_phone_forget(charlie, charlie_client):
    tag = own_tag(charlie_client)
    charlie.is_active = False
    charlie.save()
    assert forgets(phone_online(tag))


def test_a_new_password_makes_other_phones_forget(charlie, charlie_client):
    tag = own_tag(charlie_client)
    laptop = sign_in(Client(), charlie, two_factor=False)
    response = laptop.post(
        "/konto/passord/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert forgets(phone_online(tag))


def test_a_password_set_by_any_other_path_makes_the_phone_forget(charlie, charlie_client):
    tag = own_tag(charlie_client)
    charlie.set_password(NEW_PASSWORD)  # a reset link, an invitation, a shell: all end here
    charlie.save()
    assert forgets(phone_online(tag))


def test_a_copy_not_refreshed_for_90_days_is_forgotten(charlie, charlie_person):
    now = timezone.now()
    assert not forgets(phone_online(tag_for(charlie, now=now - timedelta(days=89))))
    assert forgets(phone_online(tag_for(charlie, now=now - timedelta(days=91))))


def test_a_tag_we_did_not_issue_is_forgotten(charlie, charlie_person, organisation, settings):
    dina = make_user("dina", Role.PERSON, organisation, "Dina Dahl")
    Person.objects.create(organisation=organisation, display_name="Dina Dahl", user=dina)
    dinas_key = tag_for(dina).split(".")[0]
    tag = tag_for(charlie)
    issued = tag.split(":")[0].rsplit(".", 1)[1]
    forged = [
        "",
        "1",  # what an older worker kept
        "tull",
        dinas_key + tag[tag.index(".") :],  # Charlie's signature on Dina's key
        tag[:-2] + ("AA" if not tag.endswith("AA") else "BB"),  # a changed signature
        signing.Signer(salt="another-salt").sign(tag.split(":")[0]),
        tag.replace(issued, str(int(issued) + 90 * 24 * 3600)),  # made younger by hand
    ]
    for value in forged:
        assert forgets(phone_online(value)), value
    settings.SECRET_KEY = "a-different-secret-key-for-another-server-0123456789"
    assert forgets(phone_online(tag))
