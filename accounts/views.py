from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import totp
from accounts.forms import CodeForm, NewPasswordForm, SetUpLoginForm, SignInForm
from accounts.models import Invite, Role, User
from accounts.passwords import forget_code
from accounts.qr import qr_svg_document
from accounts.sessions import (
    LAST_SEEN,
    PENDING_NEXT,
    PENDING_SINCE,
    PENDING_USER,
    TWO_FACTOR_DONE,
    begin_two_factor,
    complete_sign_in,
    end_sessions,
)
from accounts.signals import signed_out_everywhere
from audit.log import record
from audit.models import Action
from audit.types import ObjectType
from medvandrer.forms import posted

PENDING_LIFETIME = timedelta(minutes=5)
ENROL_SECRET = "enrol_secret"  # noqa: S105 - a session key name, not a secret


def _safe_next(request, candidate: str) -> str:
    if candidate and url_has_allowed_host_and_scheme(
        candidate, {request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("home")


def _pending_user(request):
    """The user who gave the right password but has not finished two-factor sign-in yet."""
    user_id, since = request.session.get(PENDING_USER), request.session.get(PENDING_SINCE)
    if not user_id or not since:
        return None
    if timezone.now() - datetime.fromisoformat(since) > PENDING_LIFETIME:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


@method_decorator(never_cache, name="dispatch")
class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not user.needs_two_factor:
            complete_sign_in(self.request, user, two_factor=False)
            return redirect(self.get_success_url())
        return redirect(begin_two_factor(self.request, user, self.get_redirect_url()))


@never_cache
def two_factor(request):
    """Second step: the code from the app."""
    user = _pending_user(request)
    if user is None or not user.totp_confirmed:
        messages.info(request, "Logg inn med brukernavn og passord først.")
        return redirect("login")
    form = CodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        if totp.is_paused(user):
            form.add_error("code", _paused_message(user))
        elif totp.check_code(user, form.cleaned_data["code"]):
            next_url = _safe_next(request, request.session.get(PENDING_NEXT, ""))
            complete_sign_in(request, user, two_factor=True)
            return redirect(next_url)
        else:
            form.add_error(
                "code",
                _paused_message(user)
                if totp.is_paused(user)
                else "Koden stemte ikke. Bruk koden som vises i appen nå.",
            )
    return render(request, "accounts/two_factor.html", {"form": form, "user_name": user.display_name})


@never_cache
def two_factor_setup(request):
    """First sign-in for staff (or a person turning it on): connect an authenticator app.

    Only for an account without an app: connecting a new one would otherwise be a way
    around the code (someone with the password alone could replace the owner's app).
    """
    user = _pending_user(request) if not request.user.is_authenticated else request.user
    if user is None:
        messages.info(request, "Logg inn med brukernavn og passord først.")
        return redirect("login")
    if user.totp_confirmed is not None:
        request.session.pop(ENROL_SECRET, None)
        if request.user.is_authenticated:
            messages.info(request, "Du har allerede koblet til en app. Slå den av først hvis du vil bytte.")
            return redirect("account")
        return redirect("two_factor")
    secret = request.session.get(ENROL_SECRET) or totp.new_secret()
    request.session[ENROL_SECRET] = secret
    form = CodeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        step = totp.matching_step(secret, form.cleaned_data["code"])
        if step is not None:
            totp.enable(user, secret, step)
            request.session.pop(ENROL_SECRET, None)
            if request.user.is_authenticated:
                request.session[TWO_FACTOR_DONE] = True
                messages.success(request, "Tofaktor-innlogging er slått på.")
                return redirect("account")
            next_url = _safe_next(request, request.session.get(PENDING_NEXT, ""))
            complete_sign_in(request, user, two_factor=True)
            messages.success(request, "Appen er koblet til. Neste gang logger du inn med passord og kode.")
            return redirect(next_url)
        form.add_error(
            "code", "Koden stemte ikke. Sjekk at klokka på telefonen går riktig, og prøv koden som vises nå."
        )
    return render(
        request,
        "accounts/two_factor_setup.html",
        {"form": form, "secret": totp.grouped(secret), "required": user.is_staff_role},
    )


@never_cache
def two_factor_qr(request):
    """The QR code for the app, as an image (no inline markup)."""
    secret = request.session.get(ENROL_SECRET)
    user = _pending_user(request) if not request.user.is_authenticated else request.user
    if not secret or user is None or user.totp_confirmed is not None:
        return HttpResponse(status=404)
    response = HttpResponse(qr_svg_document(totp.provisioning_uri(secret, user.username)), content_type="image/svg+xml")
    response["Cache-Control"] = "no-store, private"
    return response


@login_required
def account(request):
    return render(request, "accounts/account.html", {"nav": "account"})


@login_required
@require_POST
def keep_signed_in(request):
    """«Fortsett»: the page says the session is about to end for lack of activity; this is activity."""
    request.session[LAST_SEEN] = int(timezone.now().timestamp())  # saved with a new expiry
    return HttpResponse(status=204)


@login_required
@require_POST
def turn_off_two_factor(request):
    if request.user.is_staff_role:
        messages.error(request, "Ansatte må bruke tofaktor-innlogging.")
    else:
        totp.disable(request.user)
        messages.success(request, "Tofaktor-innlogging er slått av.")
    return redirect("account")


class SignOutView(auth_views.LogoutView):
    """Django's sign-out, with a word that it happened (on a shared computer that matters)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.success(request, "Du er logget ut.")
        if getattr(request, "after_sign_out_url", None):  # signed in at a provider: out there too (oidc)
            response = redirect(request.after_sign_out_url)
        return forget_on_this_device(response)


def forget_on_this_device(response):
    """Signing out leaves nothing of the person on the device: drafts, and the page they chose
    to keep for hard days (its service worker and cache). The page's script does the same."""
    response["Clear-Site-Data"] = '"cache", "storage"'
    return response


@login_required
@require_POST
def sign_out_everywhere(request):
    current = request.session.session_key
    count = end_sessions(request.user, keep=current)
    signed_out_everywhere.send(sender=type(request.user), user=request.user)  # e.g. phones forget «vanskelig nå»
    logout(request)  # this session last, the proper way, so the request can finish
    messages.success(request, f"Du er logget ut på alle enheter ({count + 1}).")
    return forget_on_this_device(redirect(getattr(request, "after_sign_out_url", None) or "login"))


@never_cache
def accept_invite(request, token):
    """A person sets up their own login from a one-time link – or, if they have one, chooses a new password."""
    return accept_invite_with(request, Invite.objects.find(token))


def invite_by_code(request, pk):
    """The invitation's form, reached by the short code typed instead of the link."""
    return accept_invite_with(request, Invite.objects.select_related("person").filter(pk=pk).first())


def accept_invite_with(request, invite):
    """The invitation's form, for a link followed or a short code typed (accounts.passwords)."""
    problem = invite_problem(invite)
    if problem:
        return _reject_invite(request, invite, problem)
    existing = invite.person.user
    form = NewPasswordForm(existing, posted(request)) if existing else SetUpLoginForm(posted(request))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            locked = Invite.objects.select_for_update().select_related("person").get(pk=invite.pk)
            problem = invite_problem(locked)
            if problem:  # the same link used twice at the same moment
                return _reject_invite(request, locked, problem)
            person = locked.person
            if existing:
                user = form.save()
                totp.disable(user)  # a new start: the app can be connected again from «Min konto»
                end_sessions(user)
            else:
                user = User.objects.create_user(
                    username=form.cleaned_data["username"],
                    password=form.cleaned_data["password1"],
                    role=Role.PERSON,
                    full_name=person.display_name,
                    organisation=person.organisation,
                )
                person.user = user
                person.save(update_fields=["user"])
            locked.used = timezone.now()
            locked.save(update_fields=["used"])
        record(
            actor=user,
            action=Action.UPDATE if existing else Action.CREATE,
            object_type=ObjectType.ACCOUNT,
            object_id=user.pk,
            person=person,
            basis="self",
        )
        forget_code(request)
        complete_sign_in(request, user, two_factor=False)
        messages.success(
            request, "Nytt passord er lagret." if existing else "Velkommen! Nå har du din egen innlogging."
        )
        return redirect("home")
    template = "accounts/invite_renew.html" if existing else "accounts/invite_accept.html"
    return render(request, template, {"form": form, "person_name": invite.person.display_name, "invite": invite})


def invite_problem(invite) -> str:
    if invite is None:
        return "Vi finner ikke denne invitasjonen. Sjekk at hele lenken ble med, eller be om en ny."
    if invite.used is not None:
        return "Denne lenken er allerede brukt. Logg inn med brukernavnet ditt, eller be om en ny lenke."
    if not invite.is_usable:
        return "Denne lenken har gått ut. Be den du har kontakt med om en ny – det tar bare et øyeblikk."
    if invite.person.user is not None and not invite.person.user.is_active:
        return "Denne kontoen er ikke i bruk lenger. Ta kontakt med den du har kontakt med."
    return ""


def _reject_invite(request, invite, problem):
    record(
        actor=request.user,
        action=Action.INVITE_REJECTED,
        object_type=ObjectType.INVITE,
        object_id=invite.pk if invite else "",
        person=invite.person if invite else None,
    )
    return render(request, "accounts/invite_problem.html", {"problem": problem}, status=410 if invite else 404)


def csrf_failure(request, reason=""):
    record(actor=request.user, action=Action.CSRF_FAILED, object_type=ObjectType.FORM, object_id=request.path[:64])
    return render(request, "accounts/csrf_failure.html", status=403)


def locked_out(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


def _paused_message(user) -> str:
    minutes = max(1, int((user.totp_locked_until - timezone.now()).total_seconds() // 60) + 1)
    return f"For mange feil koder på rad. Vent {minutes} minutter og prøv igjen."
