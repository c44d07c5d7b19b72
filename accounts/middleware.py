"""Session rules that hold on every request."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone

from accounts.sessions import LAST_SEEN, TWO_FACTOR_DONE, signed_in_at


class SessionLimitsMiddleware:
    """Sign out 12 hours after sign-in, whatever the activity, and after 30 idle minutes.

    Idle time is the session's own expiry on the server (SESSION_COOKIE_AGE); activity
    pushes it forward, at most once a minute so that reading pages does not write the
    session every time.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = timezone.now()
            started = signed_in_at(request)
            if started is None or now - started > settings.SESSION_ABSOLUTE_LIFETIME:
                logout(request)
                messages.info(
                    request, "Du er logget ut fordi det er lenge siden du logget inn. Logg inn igjen for å fortsette."
                )
            else:
                seen = request.session.get(LAST_SEEN, 0)
                if now.timestamp() - seen > settings.SESSION_ACTIVITY_RESOLUTION.total_seconds():
                    request.session[LAST_SEEN] = int(
                        now.timestamp()
                    )  # marks the session modified: it is saved with a new expiry
        return self.get_response(request)


class TwoFactorMiddleware:
    """A session that should have passed two-factor sign-in, but has not, is no session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.needs_two_factor and not request.session.get(TWO_FACTOR_DONE):
            logout(request)
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)


class NoStoreForSignedInMiddleware:
    """Pages for signed-in users may hold personal data: never keep them in a cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated or getattr(request, "person_access", None) is not None:
            response["Cache-Control"] = "no-store, private"
        return response


class SignedOutHtmxMiddleware:
    """A background request (htmx: autosave, language check) from someone whose session has
    ended must not follow the redirect to the sign-in page: the page would paste the sign-in
    form into a status line and believe the notes were saved. It gets a plain 401 instead,
    and the page keeps the draft and says what happened."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 302 and request.htmx and response.get("Location", "").startswith(reverse("login")):
            return HttpResponse("Du er logget ut.", status=401, content_type="text/plain; charset=utf-8")
        return response
