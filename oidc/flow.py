"""The OpenID Connect protocol, through Authlib: the authorization code flow with PKCE (S256),
`private_key_jwt` client authentication, and every check on the ID token – signature, issuer,
audience, expiry, nonce, and the level (acr) – before anything of it is believed.

Authlib keeps each flow's state, nonce and PKCE verifier in the server-side session and removes
them when the answer comes back, so a `state` works once."""

import time

import requests
from authlib.integrations.base_client.errors import MismatchingStateError, OAuthError
from authlib.integrations.django_client import OAuth
from authlib.oauth2.rfc7523 import PrivateKeyJWT
from django.conf import settings
from joserfc.errors import JoseError

from oidc import providers

_registry = OAuth()
CLOCK_SKEW = 60  # seconds of difference between our clock and the provider's that is tolerated


class Refused(Exception):
    """A sign-in that is not believed. `reason` is a short code for the audit log; `message` is
    what the person at the screen reads."""

    def __init__(self, reason: str, message: str):
        super().__init__(reason)
        self.reason = reason
        self.message = message


def forget_clients() -> None:
    """After the configuration changed (tests, a reloaded key): the next call registers afresh."""
    _registry._registry.clear()
    _registry._clients.clear()


def client(provider: providers.Provider):
    existing = _registry.create_client(provider.name)
    if existing is not None:
        return existing
    return _registry.register(
        provider.name,
        client_id=provider.client_id,
        client_secret=provider.key,
        server_metadata_url=provider.metadata_url,
        # The assertion's audience is the issuer, as ID-porten and RFC 7523bis ask; its kid names the key.
        client_auth_methods=[PrivateKeyJWT(provider.issuer, headers={"kid": provider.key["kid"]})],
        client_kwargs={
            "scope": provider.scope,
            "code_challenge_method": "S256",
            "token_endpoint_auth_method": "private_key_jwt",
            "default_timeout": provider.timeout,
        },
    )


def _down(provider) -> Refused:
    return Refused(
        "provider_down",
        f"{provider.label} svarer ikke akkurat nå. Prøv igjen om litt"
        + ("." if provider.for_persons else ", eller logg inn med brukernavn og passord."),
    )


def start(request, provider: providers.Provider, redirect_uri: str):
    """The redirect to the provider's sign-in page."""
    extra = {"acr_values": provider.acr[0]} if provider.acr else {}
    try:
        metadata = client(provider).load_server_metadata()
        if metadata.get("issuer") != provider.issuer:
            raise Refused("issuer", _untrusted(provider))
        return client(provider).authorize_redirect(request, redirect_uri, ui_locales="nb", **extra)
    except (requests.RequestException, ValueError) as error:
        raise _down(provider) from error


def finish(request, provider: providers.Provider) -> tuple[dict, str]:
    """The checked claims of the ID token the provider's answer leads to, and the raw ID token
    (kept for signing out at the provider). Raises Refused for anything not believed."""
    if request.GET.get("error"):
        raise Refused("provider_error", "Innloggingen ble avbrutt. Du kan prøve igjen.")
    oauth = client(provider)
    claims_options = {"iss": {"essential": True, "value": provider.issuer}}
    if provider.acr:
        claims_options["acr"] = {"essential": True, "values": list(provider.acr)}
    try:
        token = oauth.authorize_access_token(
            request, claims_options=claims_options, leeway=getattr(settings, "OIDC_CLOCK_SKEW", CLOCK_SKEW)
        )
    except MismatchingStateError:
        raise Refused(
            "state", "Denne innloggingen er allerede brukt eller har gått ut. Start innloggingen på nytt."
        ) from None
    except OAuthError as error:
        raise Refused("token", _untrusted(provider)) from error
    except JoseError as error:
        raise Refused(_jose_reason(error), _jose_message(provider, error)) from None
    except requests.RequestException as error:
        raise _down(provider) from error
    except (ValueError, KeyError, TypeError) as error:  # keys that are no keys, an answer that is no JSON
        raise Refused("malformed", _untrusted(provider)) from error
    claims = token.get("userinfo")
    if not claims:  # no ID token, or a flow started without a nonce: nothing is believed
        raise Refused("no_id_token", _untrusted(provider))
    subject = claims.get(provider.subject_claim)
    if not subject:
        raise Refused("no_subject", _untrusted(provider))
    return dict(claims), token["id_token"]


def _jose_reason(error) -> str:
    name = getattr(error, "error", "") or type(error).__name__
    claim = getattr(error, "claim", "")
    if name == "expired_token":
        return "expired"
    return f"{name}:{claim}"[:40] if claim else name[:40]


def _jose_message(provider, error) -> str:
    claim = getattr(error, "claim", "")
    if getattr(error, "error", "") == "expired_token":
        return "Innloggingen tok for lang tid og har gått ut. Start innloggingen på nytt."
    if claim == "acr":
        return (
            f"Du logget inn på et lavere sikkerhetsnivå enn Medvandrer krever. Logg inn med {provider.label} "
            "på høyeste nivå, for eksempel med BankID eller MinID med app."
        )
    return _untrusted(provider)


def _untrusted(provider) -> str:
    return f"Vi kunne ikke bekrefte innloggingen fra {provider.label}. Start innloggingen på nytt."


def logout_url(provider: providers.Provider, id_token: str, return_to: str) -> str | None:
    """Where to send the browser so the provider ends its session too (RP-initiated logout)."""
    try:
        return client(provider).create_logout_url(post_logout_redirect_uri=return_to, id_token_hint=id_token)["url"]
    except (requests.RequestException, RuntimeError, ValueError):
        return None


def now() -> int:
    return int(time.time())
