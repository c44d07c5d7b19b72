"""Signing in through a real OpenID Connect provider on loopback (node-oidc-provider): a person
through an ID-porten-like provider after their invitation, staff through their organisation's
provider, and every answer that must not be believed refused in Norwegian and audited."""

import base64
import contextlib

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from accounts.models import Invite, Role, User
from audit.models import Action, AuditEvent
from oidc.models import ExternalLogin, pid_hash
from oidc.templatetags.oidc_buttons import signed_invite
from people.models import CareRelation, Person
from tests.oidc.fixtures import sign_out_at_provider, signed_in_at_provider

pytestmark = pytest.mark.django_db

PID = "12345678901"
HIGH = "idporten-loa-high"


@pytest.fixture
def dina(organisation, alice):
    person = Person.objects.create(organisation=organisation, display_name="Dina Dahl")
    CareRelation.objects.create(staff=alice, person=person)
    return person


@pytest.fixture
def invite(dina, alice):
    return Invite.create_for(dina, alice)[0]


def start(client, provider="idporten", purpose="signin", **fields):
    return client.post(f"/logg-inn/ekstern/{provider}/", {"for": purpose, **fields})


def follow_invite(client, invite, provider="idporten"):
    return start(client, provider, "invite", invite=signed_invite(invite))


def refused(response, reason: str, words: str):
    page = response.content.decode()
    assert response.status_code == 403, page[:300]
    assert "Innloggingen ble stoppet" in page and words in page
    assert 'href="tel:113"' in page  # help stays one tap away on the refusal too
    provider, _, _ = reason.partition(":")
    assert AuditEvent.objects.filter(action=Action.SIGNIN_REFUSED, object_id=reason).exists(), list(
        AuditEvent.objects.filter(action=Action.SIGNIN_REFUSED).values_list("object_id", flat=True)
    )


def test_a_person_follows_the_invitation_through_id_porten_and_is_known_next_time(oidc_env, invite, dina, client):
    page = client.get(f"/invitasjon/{Invite.create_for(dina, invite.created_by)[1]}/").content.decode()
    assert "Fortsett med ID-porten" in page

    response = follow_invite(client, invite)
    location = response["Location"]
    assert "code_challenge_method=S256" in location and "acr_values=idporten-loa-high" in location
    assert "nonce=" in location and "state=" in location
    callback = signed_in_at_provider(response, sub="dina-sub", pid=PID, name="Dina Dahl", acr=HIGH)
    landed = client.get(callback, follow=True)
    assert "Hei, Dina Dahl" in landed.content.decode()

    dina.refresh_from_db()
    login = ExternalLogin.objects.get(user=dina.user)
    assert (login.provider, login.subject, login.pid_hash) == ("idporten", "dina-sub", pid_hash(PID))
    assert PID not in login.pid_hash and not dina.user.has_usable_password()
    invite.refresh_from_db()
    assert invite.used is not None
    assert AuditEvent.objects.filter(person_id=dina.pk, object_type="external_login", action="create").exists()

    # Next time, from the sign-in page; no code of our own is asked for after ID-porten's high level.
    again = Client()
    assert "Logg inn med ID-porten" in again.get("/logg-inn/").content.decode()
    back = signed_in_at_provider(start(again), sub="dina-sub", pid=PID, acr=HIGH)
    assert "Hei, Dina Dahl" in again.get(back, follow=True).content.decode()
    # The subject can change at ID-porten; the keyed identity number still finds the person.
    third = Client()
    back = signed_in_at_provider(start(third), sub="a-new-sub", pid=PID, acr=HIGH)
    assert "Hei, Dina Dahl" in third.get(back, follow=True).content.decode()


def test_a_lower_level_than_asked_for_is_refused(oidc_env, invite, client):
    callback = signed_in_at_provider(follow_invite(client, invite), sub="s", pid=PID, acr="idporten-loa-substantial")
    refused(client.get(callback), "idporten:invalid_claim:acr", "lavere sikkerhetsnivå")
    assert not ExternalLogin.objects.exists()
    assert "_auth_user_id" not in client.session


def test_a_state_is_used_once(oidc_env, invite, client):
    callback = signed_in_at_provider(follow_invite(client, invite), sub="s", pid=PID, acr=HIGH)
    assert client.get(callback).status_code == 302
    client.post("/logg-ut/")
    refused(client.get(callback), "idporten:state", "allerede brukt")


def test_a_forged_callback_without_a_started_sign_in_is_refused(oidc_env, client):
    refused(client.get("/logg-inn/ekstern/idporten/tilbake/?code=abc&state=made-up"), "idporten:state", "Start")


def test_an_id_token_for_another_nonce_is_refused(oidc_env, invite, client):
    response = follow_invite(client, invite)
    state = response["Location"].split("state=")[1].split("&")[0]
    session = client.session
    key = f"_state_idporten_{state}"
    stored = session[key]
    stored["data"]["nonce"] = "not-the-nonce-sent"
    session[key] = stored
    session.save()
    callback = signed_in_at_provider(response, sub="s", pid=PID, acr=HIGH)
    refused(client.get(callback), "idporten:invalid_claim:nonce", "kunne ikke bekrefte")


def test_a_provider_that_names_another_issuer_is_not_used(oidc_env, running_providers, client):
    # Configured as «localhost», the provider's own discovery document says 127.0.0.1: not the same.
    oidc_env(OIDC_IDPORTEN_ISSUER=f"http://localhost:{running_providers['idporten'].port}")
    refused(start(client), "idporten:issuer", "kunne ikke bekrefte")


def test_a_code_from_another_provider_is_refused(oidc_env, running_providers, invite, client):
    """A mix-up: the browser comes back to ID-porten's callback with a code the staff provider
    issued. It is exchanged at ID-porten, which never issued it."""
    ours = follow_invite(client, invite)
    other = start(Client(), "helse")
    callback_from_other = signed_in_at_provider(other, sub="s", amr="pwd")
    code = callback_from_other.split("code=")[1].split("&")[0]
    state = ours["Location"].split("state=")[1].split("&")[0]
    refused(client.get(f"/logg-inn/ekstern/idporten/tilbake/?code={code}&state={state}"), "idporten:token", "bekrefte")


def test_an_expired_id_token_is_refused(oidc_env, invite, client, settings):
    settings.OIDC_CLOCK_SKEW = 0
    callback = signed_in_at_provider(follow_invite(client, invite, "kortvarig"), sub="s", pid=PID, acr=HIGH)
    # The ID token lives one second at this provider; our clock is half a minute on when it arrives
    # (the provider tolerates that much skew in our own signed request, so the token is issued).
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=30)):
        refused(client.get(callback), "kortvarig:expired", "gått ut")


def test_an_unlinked_subject_is_refused(oidc_env, client):
    callback = signed_in_at_provider(start(client), sub="nobody", pid="01010112345", acr=HIGH)
    refused(client.get(callback), "idporten:unlinked", "invitasjonen")


def test_erasure_removes_the_link_and_the_keyed_identity_number(oidc_env, invite, dina, alice, client):
    from audit.models import Basis
    from people.actions import erase_person

    client.get(signed_in_at_provider(follow_invite(client, invite), sub="dina-sub", pid=PID, acr=HIGH))
    dina.refresh_from_db()
    erase_person(dina, actor=alice, basis=Basis.ORGANISATION)
    assert not ExternalLogin.objects.filter(pid_hash=pid_hash(PID)).exists()
    # The same identity number at ID-porten no longer finds anyone.
    again = Client()
    callback = signed_in_at_provider(start(again), sub="dina-sub", pid=PID, acr=HIGH)
    refused(again.get(callback), "idporten:unlinked", "invitasjonen")


def readable_parts(value) -> str:
    """Every text in a session as a reader of the table would see it, JWTs' parts decoded."""
    if isinstance(value, dict):
        return " ".join(readable_parts(v) for v in [*value.keys(), *value.values()])
    if isinstance(value, list | tuple):
        return " ".join(readable_parts(v) for v in value)
    text = str(value)
    decoded = []
    for part in text.split("."):
        with contextlib.suppress(ValueError):
            decoded.append(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)).decode("utf-8", "replace"))
    return " ".join([text, *decoded])


def test_signing_out_ends_the_session_at_the_provider_too(oidc_env, invite, client):
    client.get(signed_in_at_provider(follow_invite(client, invite), sub="s", pid=PID, acr=HIGH))
    # The ID token kept for the provider's sign-out holds the identity number; the session table
    # (or Redis, or a backup of either) holds it only sealed.
    assert PID not in readable_parts(client.session.load())
    response = client.post("/logg-ut/")
    assert response.status_code == 302 and "/session/end" in response["Location"]
    assert "id_token_hint=" in response["Location"]
    assert sign_out_at_provider(response["Location"]).startswith("http://testserver/logg-inn/")
    assert "_auth_user_id" not in client.session


def test_a_provider_that_is_down_gets_a_clear_page(oidc_env, client):
    oidc_env(OIDC_IDPORTEN_ISSUER="http://127.0.0.1:9", OIDC_IDPORTEN_TIMEOUT="1")
    refused(start(client), "idporten:provider_down", "svarer ikke")


def staff_link(client, **form):
    """Signed in with password and code, the staff member links «helse» from «Min konto»."""
    page = client.get("/konto/").content.decode()
    assert "Koble til HelseID" in page
    return client.get(signed_in_at_provider(start(client, "helse", "link"), **form), follow=True)


def test_staff_link_their_account_and_sign_in_with_the_organisation_s_provider(oidc_env, alice, alice_client):
    alice.organisation.signin_provider = "helse"
    alice.organisation.save()
    linked = staff_link(alice_client, sub="alice-at-helseid", amr="pwd,otp")
    assert "Kontoen din er koblet til HelseID" in linked.content.decode()
    assert ExternalLogin.objects.get(user=alice).subject == "alice-at-helseid"

    # The provider asserted more than a password: our own code is not asked for again.
    browser = Client()
    assert "Ansatt: logg inn med HelseID" in browser.get("/logg-inn/").content.decode()
    back = signed_in_at_provider(start(browser, "helse"), sub="alice-at-helseid", amr="pwd,otp")
    assert browser.get(back)["Location"] == "/"
    assert int(browser.session["_auth_user_id"]) == alice.pk

    # A password alone at the provider: our code comes next, as after our own password.
    browser = Client()
    back = signed_in_at_provider(start(browser, "helse"), sub="alice-at-helseid", amr="pwd")
    assert browser.get(back)["Location"] in ("/logg-inn/kode/", "/logg-inn/tofaktor/")
    assert "_auth_user_id" not in browser.session


def test_staff_are_matched_on_the_subject_never_on_an_e_mail_and_only_where_the_organisation_chose(
    oidc_env, alice, alice_client, bob
):
    alice.organisation.signin_provider = "helse"
    alice.organisation.save()
    staff_link(alice_client, sub="alice-at-helseid", amr="otp")
    browser = Client()
    # bob has no link: the same e-mail or name at the provider is not enough.
    back = signed_in_at_provider(start(browser, "helse"), sub=bob.email or "bob@example.org", amr="otp")
    refused(browser.get(back), "helse:unlinked", "Min konto")

    alice.organisation.signin_provider = ""
    alice.organisation.save()
    back = signed_in_at_provider(start(browser, "helse"), sub="alice-at-helseid", amr="otp")
    refused(browser.get(back), "helse:not_chosen", "brukernavn og passord")


def test_a_person_cannot_link_a_staff_provider_or_sign_in_with_another_persons_invite(oidc_env, invite, charlie_client):
    assert start(charlie_client, "helse", "link").status_code == 404
    forged = start(Client(), "idporten", "invite", invite="12:not-signed")
    refused(forged, "idporten:no_invite", "invitasjonslenken")
    assert User.objects.filter(role=Role.PERSON, external_logins__isnull=False).count() == 0
