"""When the provider or our own set-up is at fault: a provider that does not answer in time, one
whose signing keys are broken, clocks a little apart, and a key file that is no key. The person
gets a clear Norwegian page (never a hanging request or a 500), and each refusal is audited."""

import json
import socket
import time

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.utils import timezone

from accounts.models import Invite
from oidc import providers
from oidc.models import ExternalLogin
from oidc.templatetags.oidc_buttons import signed_invite
from people.models import CareRelation, Person
from tests.oidc.fixtures import signed_in_at_provider

from .test_sign_in_through_provider import HIGH, PID, refused, start

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite(organisation, alice):
    person = Person.objects.create(organisation=organisation, display_name="Dina Dahl")
    CareRelation.objects.create(staff=alice, person=person)
    return Invite.create_for(person, alice)[0]


@pytest.fixture
def silent_server():
    """Accepts the connection and never says a word, like a provider that hangs."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


def test_a_provider_that_hangs_gets_a_clear_page_within_its_timeout(oidc_env, silent_server, client):
    oidc_env(OIDC_IDPORTEN_ISSUER=silent_server, OIDC_IDPORTEN_TIMEOUT="1")
    began = time.monotonic()
    refused(start(client), "idporten:provider_down", "svarer ikke")
    assert time.monotonic() - began < 5  # the person is not left waiting on a spinning page


def test_broken_signing_keys_at_the_provider_are_refused(oidc_env, invite, client):
    started = start(client, "rotet", "invite", invite=signed_invite(invite))
    callback = signed_in_at_provider(started, sub="s", pid=PID, acr=HIGH)
    refused(client.get(callback), "rotet:malformed", "bekrefte")
    assert not ExternalLogin.objects.exists()


def test_clocks_a_little_apart_still_sign_in(oidc_env, invite, client):
    callback = signed_in_at_provider(
        start(client, "idporten", "invite", invite=signed_invite(invite)), sub="s", pid=PID, acr=HIGH
    )
    # Our clock half a minute behind the provider's: the token looks issued in the future.
    with time_machine.travel(timezone.now() - timezone.timedelta(seconds=30)):
        landed = client.get(callback, follow=True)
    assert "Hei, Dina Dahl" in landed.content.decode()


def test_a_key_file_that_is_no_private_key_stops_the_deployment_check(oidc_env, tmp_path):
    public_only = tmp_path / "public.jwk.json"
    public_only.write_text(json.dumps({"kty": "RSA", "kid": "k", "n": "AQAB", "e": "AQAB"}))
    for broken in (str(public_only), str(tmp_path / "missing.json")):
        oidc_env(OIDC_IDPORTEN_JWK_FILE=broken)
        with pytest.raises(SystemCheckError, match="idporten"):
            call_command("check")
    oidc_env()
    call_command("check")  # set up right again, the check is quiet
    assert providers.configured()
