"""Passwords: change your own, and «Glemt passord» – a one-time link from your contact (persons,
see accounts.views.accept_invite) or your team leader (staff), an e-mail link where an address
is known, and a short code to type instead of a link. Every step is audited; links keep only
hashes, work once, and expire. Typed codes and e-mails asked for are limited per client address
(and codes overall, mails per e-mail address), counted in the database (accounts.models.Attempt).
A new password never skips two-factor: whoever needs a code gives it before they are signed in."""

import math

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.forms import ChangePasswordForm, EmailResetForm, NewPasswordForm, ShortCodeForm
from accounts.managers import manager_or_404, staff_the_leader_may_help
from accounts.models import (
    Attempt,
    Limit,
    OneTimeLink,
    ResetLink,
    UserSession,
    attempt_key,
    paused_for,
    take_turn,
)
from accounts.network import client_network
from accounts.qr import qr_svg
from accounts.sessions import PENDING_SINCE, PENDING_USER, complete_sign_in, end_sessions
from audit.log import record
from audit.models import Action, Basis
from audit.types import ObjectType
from medvandrer.forms import posted

VIA_CODE = "link_via_code"  # the session remembers which link a typed code opened
WRONG_CODE = "short_code"  # Attempt.kind of a typed code that matched no usable link
RESET_MAIL_TO = "reset_mail_to"  # Attempt.kind: a mail asked for, counted by e-mail address
RESET_MAIL_FROM = "reset_mail_from"  # … and by the client address that asked


def _audit_account(actor, user, action, basis="self"):
    person = getattr(user, "person", None) if user.is_person else None
    record(actor=actor, action=action, object_type=ObjectType.ACCOUNT, object_id=user.pk, person=person, basis=basis,
           organisation_id=user.organisation_id)  # fmt: skip


class ChangePasswordView(auth_views.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("account")

    def form_valid(self, form):
        before = self.request.session.session_key
        response = super().form_valid(form)  # keeps this session, under a new key (update_session_auth_hash)
        UserSession.objects.filter(session_key=before).update(session_key=self.request.session.session_key)
        others = end_sessions(self.request.user, keep=self.request.session.session_key)
        _audit_account(self.request.user, self.request.user, Action.UPDATE)
        messages.success(
            self.request,
            "Passordet er byttet." + (f" Du er logget ut på {others} andre enheter." if others else ""),
        )
        return response

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "nav": "account"}


@never_cache
def forgotten(request):
    """«Glemt passord»: what to do, plainly – and an e-mail link where an address is known.

    The answer is the same page whether the address is known, unknown or over its limit, so the
    page tells nobody which addresses exist or how often they were tried."""
    form = EmailResetForm(posted(request))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        _counted, wait = take_turn(_mail_limits(request, email))
        if wait:
            record(action=Action.DENIED, object_type=ObjectType.PASSWORD_RESET_MAIL)  # a flood shows in the trail
        else:
            send_reset_mail(email, domain=request.get_host(), use_https=request.is_secure())
        return render(request, "accounts/password_reset_sent.html")
    return render(request, "accounts/password_forgotten.html", {"form": form})


def _mail_limits(request, email: str) -> list[Limit]:
    window = settings.RESET_MAIL_WINDOW
    return [
        Limit(RESET_MAIL_TO, attempt_key("email:" + email.strip().lower()), settings.RESET_MAIL_PER_EMAIL, window),
        Limit(
            RESET_MAIL_FROM, attempt_key("client:" + client_network(request)), settings.RESET_MAIL_PER_CLIENT, window
        ),
    ]


def send_reset_mail(email: str, *, domain: str, use_https: bool) -> None:
    """Find the accounts with this address, audit, and send each its link.

    Plain arguments only and nothing from the request, so the job queue (a later issue) can run
    this outside the request. Until then the mail goes out while the request waits, and only
    when the address is known: the answer is slower for a known address (see docs/SECURITY.md)."""
    form = EmailResetForm({"email": email})
    if not form.is_valid():
        return
    for user in form.get_users(email):
        record(action=Action.UPDATE, object_type=ObjectType.PASSWORD_RESET_MAIL, object_id=user.pk,
               organisation_id=user.organisation_id,
               person=user.person if user.is_person and hasattr(user, "person") else None)  # fmt: skip
    form.save(
        domain_override=domain,
        use_https=use_https,
        subject_template_name="accounts/password_reset_subject.txt",
        email_template_name="accounts/password_reset_email.txt",
        from_email=settings.DEFAULT_FROM_EMAIL,
    )


def _signed_in_after_new_password(request, user, message: str):
    """After a new password: signed in – or, for whoever needs two-factor, on the way to the code.

    The password alone never signs in someone who needs a code: like the sign-in page
    (accounts.views.SignInView) the session only remembers who gave the password, and the code
    step (or connecting an app, if there is none yet) finishes the sign-in."""
    if not user.needs_two_factor:
        complete_sign_in(request, user, two_factor=False)
        messages.success(request, message + " Du er logget ut alle andre steder.")
        return redirect("home")
    if request.user.is_authenticated:
        logout(request)  # whoever was signed in on this device: the next sign-in is this user's
    request.session.cycle_key()
    request.session[PENDING_USER] = user.pk
    request.session[PENDING_SINCE] = timezone.now().isoformat()
    if user.totp_confirmed:
        messages.success(request, message + " Skriv inn koden fra appen, så er du logget inn.")
        return redirect("two_factor")
    messages.success(request, message + " Koble til en app for engangskoder, så er du logget inn.")
    return redirect("two_factor_setup")


class EmailResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("home")
    post_reset_login = False  # we sign in ourselves, as every sign-in here does

    def form_valid(self, form):
        user = form.save()
        end_sessions(user)
        _audit_account(user, user, Action.UPDATE)
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return _signed_in_after_new_password(self.request, user, "Nytt passord er lagret.")

    def get_context_data(self, **kwargs):
        # Only behind a valid link: a wrong token must not tell whether that account uses a code.
        user = self.user if self.validlink else None
        return {**super().get_context_data(**kwargs), **_after_reset_context(user)}


def _after_reset_context(user) -> dict:
    """What the page can promise about the step after the new password."""
    if user is None or not user.needs_two_factor:
        return {"next_step": "signed_in"}
    return {"next_step": "code" if user.totp_confirmed else "app"}


# ---------------------------------------------------------------- staff: links from the team leader


@login_required
def staff_list(request):
    leader = manager_or_404(request)
    staff = staff_the_leader_may_help(leader).prefetch_related("teams")
    return render(request, "accounts/staff_list.html", {"staff": staff, "nav": "administration"})


@login_required
@require_POST
def staff_reset_link(request, user_id):
    leader = manager_or_404(request)
    user = get_object_or_404(staff_the_leader_may_help(leader), pk=user_id)
    if not user.is_active:
        messages.error(request, f"Kontoen til {user.display_name} er ikke i bruk. Den må tas i bruk igjen først.")
        return redirect("staff_list")
    link, token = ResetLink.create_for(user, created_by=leader)
    record(
        actor=leader,
        action=Action.CREATE,
        object_type=ObjectType.RESET_LINK,
        object_id=link.pk,
        basis=Basis.ORGANISATION,
    )
    url = request.build_absolute_uri(reverse("accept_reset_link", args=[token]))
    return render(
        request,
        "accounts/staff_reset_link.html",
        {"staff_user": user, "link": url, "qr": qr_svg(url), "short_code": link.short_code, "nav": "staff"},
    )


def reset_problem(link) -> str:
    if link is None:
        return "Vi finner ikke denne lenken. Sjekk at hele lenken ble med, eller be teamlederen om en ny."
    if link.used is not None:
        return "Denne lenken er allerede brukt. Logg inn med det nye passordet, eller be om en ny lenke."
    if not link.user.is_active:
        return "Denne kontoen er ikke i bruk lenger. Ta kontakt med teamlederen din."
    if not link.is_usable:
        return "Denne lenken har gått ut. Be teamlederen din om en ny – det tar bare et øyeblikk."
    return ""


@never_cache
def accept_reset_link(request, token):
    return _reset_with(request, ResetLink.objects.find(token))


def reset_by_code(request, pk):
    """The reset form, reached by the short code typed instead of the link."""
    return _reset_with(request, ResetLink.objects.select_related("user").filter(pk=pk).first())


def forget_code(request) -> None:
    """The link a typed code opened has been used: the session no longer holds it."""
    request.session.pop(VIA_CODE, None)


def _reset_with(request, link):
    problem = reset_problem(link)
    if problem:
        record(actor=request.user, action=Action.INVITE_REJECTED, object_type=ObjectType.RESET_LINK,
               object_id=link.pk if link else "",
               organisation_id=link.user.organisation_id if link else None)  # fmt: skip
        return render(request, "accounts/invite_problem.html", {"problem": problem}, status=410 if link else 404)
    form = NewPasswordForm(link.user, posted(request))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            locked = ResetLink.objects.select_for_update().select_related("user").get(pk=link.pk)
            problem = reset_problem(locked)
            if problem:  # the same link used twice at the same moment
                return render(request, "accounts/invite_problem.html", {"problem": problem}, status=410)
            user = form.save()
            locked.used = timezone.now()
            locked.save(update_fields=["used"])
        end_sessions(user)
        _audit_account(user, user, Action.UPDATE)
        forget_code(request)
        return _signed_in_after_new_password(
            request, user, "Velkommen! Passordet ditt er lagret." if locked.welcome else "Nytt passord er lagret."
        )
    return render(
        request,
        "accounts/reset_link.html",
        {"form": form, "name": link.user.display_name, "link": link, **_after_reset_context(link.user)},
    )


# ---------------------------------------------------------------- a short code instead of a link


@never_cache
def short_code(request):
    """A person types «K7MX-4TQ2» on their own phone instead of following a long link.

    A code has about 40 bits, so guessing is limited where a guesser cannot step around it: per
    client address and for everyone together, counted in the database (not in the session, which
    a guesser simply drops). A code is only looked up once the try has been counted; during a
    pause nothing is looked up at all, so a right guess then reveals nothing. A right code does
    not wipe the count (someone with one valid code could otherwise reset it at will); wrong
    codes simply grow older than the window."""
    form = ShortCodeForm(posted(request))
    limits = _code_limits(request)
    if request.method == "POST" and form.is_valid():
        counted, wait = take_turn(limits)
        if wait:
            return _code_page(request, form, wait, status=429)
        found = _link_for_code(form.cleaned_data["code"])
        if found is not None:
            Attempt.objects.filter(pk__in=counted).delete()  # a right code is not a wrong one
            request.session[VIA_CODE] = list(found)
            return redirect("short_code_open")
        record(actor=request.user, action=Action.INVITE_REJECTED, object_type=ObjectType.SHORT_CODE)
        form.add_error("code", "Vi finner ingen lenke med den koden. Sjekk tegnene, eller be om en ny kode.")
    return _code_page(request, form, paused_for(limits))


def _code_limits(request) -> list[Limit]:
    window = settings.SHORT_CODE_COOLOFF
    client = attempt_key("client:" + client_network(request))
    return [
        Limit(WRONG_CODE, client, settings.SHORT_CODE_FAILURE_LIMIT, window),
        Limit(WRONG_CODE, None, settings.SHORT_CODE_OVERALL_FAILURE_LIMIT, window),
    ]


def _link_for_code(code: str):
    """(kind, id) of the usable link the code stands for, or None. One typed code is one guess
    against every kind of link at once – the limits above count it once."""
    for kind, model in sorted(OneTimeLink.kinds().items()):
        found = model.find_short(code)
        if found is not None:
            return kind, found.pk
    return None


def _code_page(request, form, wait, status=200):
    return render(request, "accounts/short_code.html", {"form": form, "wait": _minutes(wait)}, status=status)


def _minutes(wait) -> str:
    """«1 minutt», «14 minutter» – rounded up, so the page never promises too short a wait; "" for none."""
    if not wait:
        return ""
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    return "1 minutt" if minutes == 1 else f"{minutes} minutter"


@never_cache
def short_code_open(request):
    """The link the typed code stands for, opened as if the long link had been followed."""
    kind, pk = request.session.get(VIA_CODE) or (None, None)
    model = OneTimeLink.kinds().get(kind)
    if model is not None and model.opened_by:
        return import_string(model.opened_by)(request, pk)
    return redirect("short_code")
