"""An organisation chooses its staff sign-in in «Administrasjon», and a new colleague invited by
the team leader follows the welcome link with that provider instead of choosing a password."""

import re

import pytest
from django.test import Client

from accounts.models import ResetLink, Role, User
from audit.models import AuditEvent
from conftest import sign_in
from oidc.models import ExternalLogin
from oidc.templatetags.oidc_buttons import WELCOME_SALT, signed_invite
from tests.oidc.fixtures import signed_in_at_provider

from .test_sign_in_through_provider import refused

pytestmark = pytest.mark.django_db


def test_the_organisation_chooses_its_provider_and_a_new_colleague_signs_in_through_it(oidc_env, lise, organisation):
    leader = sign_in(Client(), lise)
    page = leader.get("/organisasjon/innlogging/").content.decode()
    assert "HelseID" in page and "Brukernavn, passord og kode fra en app" in page
    page = leader.post("/organisasjon/innlogging/", {"signin_provider": "ukjent"}).content.decode()
    assert "Velg en av innloggingene i listen" in page
    assert leader.post("/organisasjon/innlogging/", {"signin_provider": "helse"}).status_code == 302
    organisation.refresh_from_db()
    assert organisation.signin_provider == "helse"
    assert AuditEvent.objects.filter(object_type="organisation", action="update").exists()

    invited = leader.post(
        "/organisasjon/ansatte/ny/", {"full_name": "Mona Berg", "username": "mona.berg", "role": Role.PRACTITIONER}
    )
    url = re.search(r'value="http://testserver(/[^"]+)"', invited.content.decode()).group(1)
    newcomer = Client()
    assert "Fortsett med HelseID" in newcomer.get(url).content.decode()
    link = ResetLink.objects.get(user__username="mona.berg")
    started = newcomer.post("/logg-inn/ekstern/helse/", {"for": "welcome", "link": signed_invite(link, WELCOME_SALT)})
    back = signed_in_at_provider(started, sub="mona-at-helseid", amr="pwd,otp")
    assert newcomer.get(back)["Location"] == "/"  # multi-factor at the provider: no code of ours
    mona = User.objects.get(username="mona.berg")
    assert int(newcomer.session["_auth_user_id"]) == mona.pk
    assert ExternalLogin.objects.get(user=mona).subject == "mona-at-helseid"
    link.refresh_from_db()
    assert link.used is not None  # the invitation is spent

    again = Client()
    replay = again.post("/logg-inn/ekstern/helse/", {"for": "welcome", "link": signed_invite(link, WELCOME_SALT)})
    refused(again.get(signed_in_at_provider(replay, sub="someone-else", amr="otp")), "helse:invite", "allerede brukt")
