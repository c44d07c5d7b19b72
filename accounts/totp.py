"""Two-factor sign-in with time-based one-time codes (RFC 6238, via pyotp).

A code is accepted once (the last used time step is kept), one step of clock drift
either way is allowed, and five wrong codes in a row pause code entry for 15 minutes.
"""

import hmac
import time

import pyotp
from django.conf import settings
from django.utils import timezone

from audit.log import record
from audit.models import Action
from audit.types import ObjectType

STEP_SECONDS = 30


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=settings.TOTP_ISSUER)


def grouped(secret: str) -> str:
    """The secret in groups of four, easier to type into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def matching_step(secret: str, code: str, after_step: int = 0) -> int | None:
    """The time step `code` belongs to (now, or one step either side), if newer than `after_step`."""
    code = "".join(code.split())
    if not (code.isascii() and code.isdigit() and len(code) == 6) or not secret:
        return None
    totp = pyotp.TOTP(secret)
    now_step = int(time.time()) // STEP_SECONDS
    for step in (now_step, now_step - 1, now_step + 1):
        if step > after_step and hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def is_paused(user) -> bool:
    return user.totp_locked_until is not None and user.totp_locked_until > timezone.now()


def check_code(user, code: str) -> bool:
    """Check a code for a user who has two-factor set up; counts failures and pauses after too many."""
    if is_paused(user):
        return False
    step = matching_step(user.totp_secret, code, after_step=user.totp_last_step)
    if step is not None:
        user.totp_last_step, user.totp_failures, user.totp_locked_until = step, 0, None
        user.save(update_fields=["totp_last_step", "totp_failures", "totp_locked_until"])
        return True
    record_failure(user)
    return False


def record_failure(user) -> None:
    user.totp_failures += 1
    if user.totp_failures >= settings.TOTP_FAILURE_LIMIT:
        user.totp_failures, user.totp_locked_until = 0, timezone.now() + settings.TOTP_COOLOFF
    user.save(update_fields=["totp_failures", "totp_locked_until"])
    record(actor=user, action=Action.TOTP_FAILED, object_type=ObjectType.ACCOUNT, object_id=user.pk)


def enable(user, secret: str, step: int) -> None:
    user.totp_secret, user.totp_confirmed, user.totp_last_step = secret, timezone.now(), step
    user.totp_failures, user.totp_locked_until = 0, None
    user.save(update_fields=["totp_secret", "totp_confirmed", "totp_last_step", "totp_failures", "totp_locked_until"])


def disable(user) -> None:
    user.totp_secret, user.totp_confirmed, user.totp_last_step = "", None, 0
    user.save(update_fields=["totp_secret", "totp_confirmed", "totp_last_step"])
