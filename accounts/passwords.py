"""Passwords: change your own, and «Glemt passord» – a one-time link from your contact (persons,
see accounts.views.accept_invite) or your team leader (staff), an e-mail link where an address
is known, and a short code to type instead of a link. Every step is audited; links keep only
hashes, work once, and expire."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.forms import ChangePasswordForm, EmailResetForm, NewPasswordForm, ShortCodeForm
from accounts.models import STAFF_ROLES, Invite, ResetLink, Role, User, UserSession
from accounts.qr import qr_svg
from accounts.sessions import complete_sign_in, end_sessions
from audit.log import record
from audit.models import Action, Basis
from medvandrer.forms import posted

CODE_TRIES = 10  # wrong short codes per session before it says «vent litt»
VIA_CODE = "link_via_code"  # the session remembers which link a typed code opened


def _audit_account(actor, user, action, basis="self"):
    person = getattr(user, "person", None) if user.is_person else None
    record(actor=actor, action=action, object_type="account", object_id=user.pk, person=person, basis=basis,
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
    """«Glemt passord»: what to do, plainly – and an e-mail link where an address is known."""
    form = EmailResetForm(posted(request))
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        for user in form.get_users(email):
            record(action=Action.UPDATE, object_type="password_reset_mail", object_id=user.pk,
                   organisation_id=user.organisation_id,
                   person=user.person if user.is_person and hasattr(user, "person") else None)  # fmt: skip
        form.save(
            request=request,
            use_https=request.is_secure(),
            subject_template_name="accounts/password_reset_subject.txt",
            email_template_name="accounts/password_reset_email.txt",
            from_email=settings.DEFAULT_FROM_EMAIL,
        )
        return render(request, "accounts/password_reset_sent.html")
    return render(request, "accounts/password_forgotten.html", {"form": form})


class EmailResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("home")
    post_reset_login = False  # we sign in ourselves, as every sign-in here does

    def form_valid(self, form):
        user = form.save()
        end_sessions(user)
        _audit_account(user, user, Action.UPDATE)
        complete_sign_in(self.request, user, two_factor=not user.needs_two_factor)
        messages.success(self.request, "Nytt passord er lagret. Du er logget ut alle andre steder.")
        if user.needs_two_factor:
            return redirect("two_factor_setup" if not user.totp_confirmed else "home")
        return redirect(self.success_url)


# ---------------------------------------------------------------- staff: links from the team leader


def _manager_or_404(request):
    if not request.user.is_manager or request.user.organisation_id is None:
        raise Http404
    return request.user


def _staff_the_leader_may_help(leader):
    """Staff in the leader's organisation – not the leader themself, and a team leader never an admin."""
    staff = User.objects.filter(organisation_id=leader.organisation_id, role__in=STAFF_ROLES).exclude(pk=leader.pk)
    if leader.role != Role.ADMIN:
        staff = staff.exclude(role=Role.ADMIN)
    return staff.order_by("full_name", "username")


@login_required
def staff_list(request):
    leader = _manager_or_404(request)
    return render(request, "accounts/staff_list.html", {"staff": _staff_the_leader_may_help(leader), "nav": "staff"})


@login_required
@require_POST
def staff_reset_link(request, user_id):
    leader = _manager_or_404(request)
    user = get_object_or_404(_staff_the_leader_may_help(leader), pk=user_id)
    if not user.is_active:
        messages.error(request, f"Kontoen til {user.display_name} er ikke i bruk. Den må tas i bruk igjen først.")
        return redirect("staff_list")
    link, token = ResetLink.create_for(user, created_by=leader)
    record(actor=leader, action=Action.CREATE, object_type="reset_link", object_id=link.pk, basis=Basis.ORGANISATION)
    url = request.build_absolute_uri(reverse("accept_reset_link", args=[token]))
    return render(
        request,
        "accounts/staff_reset_link.html",
        {"staff_user": user, "link": url, "qr": qr_svg(url), "short_code": link.short_code, "nav": "staff"},
    )


def _reset_problem(link) -> str:
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


def _reset_with(request, link):
    problem = _reset_problem(link)
    if problem:
        record(actor=request.user, action=Action.INVITE_REJECTED, object_type="reset_link",
               object_id=link.pk if link else "",
               organisation_id=link.user.organisation_id if link else None)  # fmt: skip
        return render(request, "accounts/invite_problem.html", {"problem": problem}, status=410 if link else 404)
    form = NewPasswordForm(link.user, posted(request))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            locked = ResetLink.objects.select_for_update().select_related("user").get(pk=link.pk)
            problem = _reset_problem(locked)
            if problem:  # the same link used twice at the same moment
                return render(request, "accounts/invite_problem.html", {"problem": problem}, status=410)
            user = form.save()
            locked.used = timezone.now()
            locked.save(update_fields=["used"])
        end_sessions(user)
        _audit_account(user, user, Action.UPDATE)
        request.session.pop(VIA_CODE, None)
        complete_sign_in(request, user, two_factor=False)
        messages.success(request, "Nytt passord er lagret. Du er logget ut alle andre steder.")
        return redirect("two_factor" if user.needs_two_factor else "home")
    return render(request, "accounts/reset_link.html", {"form": form, "name": link.user.display_name})


# ---------------------------------------------------------------- a short code instead of a link


@never_cache
def short_code(request):
    """A person types «K7MX-4TQ2» on their own phone instead of following a long link."""
    form = ShortCodeForm(posted(request))
    tries = request.session.get("code_tries", 0)
    if request.method == "POST" and tries >= CODE_TRIES:
        return render(request, "accounts/short_code.html", {"form": form, "paused": True}, status=429)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        from conversations.models import EvaluationLink

        for kind, found in (
            ("invite", Invite.objects.find_short(code)),
            ("reset", ResetLink.objects.find_short(code)),
            ("evaluation", EvaluationLink.objects.filter(short_hash=EvaluationLink.short_hash_of(code)).first()),
        ):
            if found is not None:
                request.session[VIA_CODE] = [kind, found.pk]
                request.session.pop("code_tries", None)
                return redirect("short_code_open")
        request.session["code_tries"] = tries + 1
        record(actor=request.user, action=Action.INVITE_REJECTED, object_type="short_code")
        form.add_error("code", "Vi finner ingen lenke med den koden. Sjekk tegnene, eller be om en ny kode.")
    return render(request, "accounts/short_code.html", {"form": form})


@never_cache
def short_code_open(request):
    """The link the typed code stands for, opened as if the long link had been followed."""
    kind, pk = request.session.get(VIA_CODE) or (None, None)
    if kind == "invite":
        from accounts.views import accept_invite_with

        return accept_invite_with(request, Invite.objects.select_related("person").filter(pk=pk).first())
    if kind == "reset":
        return _reset_with(request, ResetLink.objects.select_related("user").filter(pk=pk).first())
    if kind == "evaluation":
        from conversations.links import evaluation_with

        return evaluation_with(request, pk)
    return redirect("short_code")
