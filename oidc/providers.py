"""The OpenID Connect providers this installation may sign in through, read from the environment
(docs/DEPLOYMENT.md, «Innlogging med ID-porten, HelseID og Entra ID»):

    OIDC_PROVIDERS=idporten,helseid
    OIDC_IDPORTEN_KIND=person            # person (ID-porten) or staff (HelseID, Entra ID)
    OIDC_IDPORTEN_ISSUER=https://idporten.no
    OIDC_IDPORTEN_CLIENT_ID=…
    OIDC_IDPORTEN_JWK_FILE=/etc/medvandrer/idporten.jwk.json   # the client's private key (private_key_jwt)
    OIDC_IDPORTEN_ACR=idporten-loa-high  # asked for, and the only level accepted in the ID token

Persons sign in through a provider of kind «person»; staff through the one their organisation has
chosen (Organisation.signin_provider) among those of kind «staff»."""

import json
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

PERSON = "person"
STAFF = "staff"
# amr values that mean more than a password: the provider's own multi-factor sign-in counts as ours.
MULTI_FACTOR_AMR = "mfa,otp,hwk,swk,sms,pop,fido,face,fpt,BankID,Minid-PIN,Minid-app,Buypass,Commfides"
DEFAULT_LABELS = {"idporten": "ID-porten", "helseid": "HelseID", "entra": "Microsoft (Entra ID)"}


@dataclass(frozen=True)
class Provider:
    name: str
    kind: str
    label: str
    issuer: str
    client_id: str
    key: dict  # the client's private JWK
    scope: str
    acr: tuple  # accepted acr values; the first is asked for. Empty: no level is asked or checked.
    subject_claim: str  # "sub", or Entra ID's "oid"
    multi_factor_amr: frozenset
    timeout: float  # seconds for every call to the provider

    @property
    def metadata_url(self) -> str:
        return self.issuer.rstrip("/") + "/.well-known/openid-configuration"

    @property
    def for_persons(self) -> bool:
        return self.kind == PERSON


def _env(name: str, key: str, default: str | None = None) -> str:
    value = os.getenv(f"OIDC_{name.upper()}_{key}", default)
    if value is None:
        raise ImproperlyConfigured(f"OIDC_{name.upper()}_{key} must be set for the sign-in provider {name!r}.")
    return value


def _read_key(path: str, name: str) -> dict:
    try:
        key = json.loads(Path(path).read_text())
    except (OSError, ValueError) as error:
        raise ImproperlyConfigured(f"The key for the sign-in provider {name!r} could not be read: {error}") from None
    if not isinstance(key, dict) or "kty" not in key or "d" not in key or "kid" not in key:
        raise ImproperlyConfigured(f"The key for {name!r} must be one private JWK with a kid.")
    return key


def _provider(name: str) -> Provider:
    kind = _env(name, "KIND", PERSON if name == "idporten" else STAFF)
    if kind not in (PERSON, STAFF):
        raise ImproperlyConfigured(f"OIDC_{name.upper()}_KIND must be «person» or «staff».")
    default_acr = "idporten-loa-high" if kind == PERSON else ""
    return Provider(
        name=name,
        kind=kind,
        label=_env(name, "LABEL", DEFAULT_LABELS.get(name, name)),
        issuer=_env(name, "ISSUER"),
        client_id=_env(name, "CLIENT_ID"),
        key=_read_key(_env(name, "JWK_FILE"), name),
        scope=_env(name, "SCOPE", "openid profile"),
        acr=tuple(v.strip() for v in _env(name, "ACR", default_acr).split(",") if v.strip()),
        subject_claim=_env(name, "SUBJECT_CLAIM", "sub"),
        multi_factor_amr=frozenset(v.strip() for v in _env(name, "MFA_AMR", MULTI_FACTOR_AMR).split(",")),
        timeout=float(_env(name, "TIMEOUT", "8")),
    )


@cache
def configured() -> dict:
    names = [n.strip().lower() for n in os.getenv("OIDC_PROVIDERS", "").split(",") if n.strip()]
    return {name: _provider(name) for name in names}


def get(name: str) -> Provider | None:
    return configured().get(name)


def for_persons() -> list:
    return [p for p in configured().values() if p.kind == PERSON]


def for_staff() -> list:
    return [p for p in configured().values() if p.kind == STAFF]
