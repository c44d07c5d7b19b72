"""Session bookkeeping: what a finished sign-in stores, and ending a user's sessions on the server."""

from datetime import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.auth import login
from django.utils import timezone

from accounts.models import UserSession

SIGNED_IN_AT = "signed_in_at"
TWO_FACTOR_DONE = "two_factor_done"
LAST_SEEN = "last_seen"
PENDING_USER = "pending_user_id"
PENDING_SINCE = "pending_since"
PENDING_NEXT = "pending_next"


def complete_sign_in(request, user, *, two_factor: bool) -> None:
    """The last step of signing in: a new session id, and the facts the middleware checks."""
    for key in (PENDING_USER, PENDING_SINCE, PENDING_NEXT):
        request.session.pop(key, None)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")  # cycles the session key
    request.session[SIGNED_IN_AT] = timezone.now().isoformat()
    request.session[TWO_FACTOR_DONE] = two_factor
    request.session.save()
    UserSession.objects.get_or_create(session_key=request.session.session_key, defaults={"user": user})


def begin_two_factor(request, user, next_url: str) -> str:
    """The right password (or a provider's sign-in without a second factor) was given: the code
    comes next. Returns the name of the page that asks for it."""
    request.session.cycle_key()
    request.session[PENDING_USER] = user.pk
    request.session[PENDING_SINCE] = timezone.now().isoformat()
    request.session[PENDING_NEXT] = next_url
    return "two_factor" if user.totp_confirmed else "two_factor_setup"


def signed_in_at(request) -> datetime | None:
    value = request.session.get(SIGNED_IN_AT)
    try:
        return datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def end_sessions(user, keep: str | None = None) -> int:
    """Sign the user out everywhere (but `keep`): their sessions are deleted on the server."""
    keys = list(UserSession.objects.filter(user=user).exclude(session_key=keep).values_list("session_key", flat=True))
    store = import_module(settings.SESSION_ENGINE).SessionStore  # the database, or Redis
    for key in keys:
        store(session_key=key).delete()
    UserSession.objects.filter(session_key__in=keys).delete()
    return len(keys)
