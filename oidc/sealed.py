"""The ID token kept for signing out at the provider (`id_token_hint`) carries the person's claims,
ID-porten's national identity number among them. It is kept in the session only sealed
(Fernet: AES and an HMAC) under a key derived from SECRET_KEY, so the session table, a Redis
dump or a database backup holds no identity number in clear text."""

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


def _fernet() -> MultiFernet:
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet(
        [Fernet(base64.urlsafe_b64encode(hashlib.sha256(f"oidc-id-token:{s}".encode()).digest())) for s in secrets]
    )


def seal(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode()


def unseal(sealed: str) -> str:
    """The text, or "" when it cannot be opened (a key that has since been retired)."""
    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except (InvalidToken, ValueError):
        return ""
