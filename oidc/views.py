"""Signing in through ID-porten (persons) or the organisation's staff provider (HelseID, Entra ID).

- A person's first sign-in follows their invitation: the invitation page offers ID-porten, and
  the answer links the login to the person (keeping only a keyed hash of the identity number).
- A staff member links their account once, signed in with password and code, from «Min konto»;
  after that their organisation's provider signs them in. Where the provider says the sign-in
  used more than a password (amr), our own code is not asked for again.
- Anything not believed is refused with a Norwegian message and audited (oidc.flow.Refused)."""

import secrets

from django.contrib import messages
from django.contrib.auth.signals import user_logged_out
from django.db import IntegrityError, transaction
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.models import Invite, ResetLink, Role, User
from accounts.passwords import reset_problem
from accounts.sessions import begin_two_factor, complete_sign_in
from accounts.views import invite_problem
from audit.log import record
from audit.models import Action
from audit.types import ObjectType
from oidc import flow, providers, sealed
from oidc.middleware import SESSION_LOGOUT
from oidc.models import ExternalLogin, pid_hash
from oidc.templatetags.oidc_buttons import WELCOME_SALT, invite_from

PURPOSE = "oidc_purpose"  # session: what the sign-in under way is for
LOGOUT = SESSION_LOGOUT  # session: the provider and the sealed ID token, to sign out there too
SIGN_IN, LINK, FOLLOW_INVITE, WELCOME = "signin", "link", "invite", "welcome"


def _provider_or_404(name) -> providers.Provider:
    provider = providers.get(name)
    if provider is None:
        raise Http404
    return provider


def _callback_url(request, provider) -> str:
    return request.build_absolute_uri(reverse("oidc_callback", args=[provider.name]))


@never_cache
@require_POST
def start(request, name):
    provider = _provider_or_404(name)
    purpose = {"provider": provider.name, "for": SIGN_IN}
    if request.POST.get("for") == LINK:
        if not request.user.is_authenticated or not request.user.is_staff_role or provider.for_persons:
            raise Http404
        purpose["for"] = LINK
    elif request.POST.get("for") == FOLLOW_INVITE:
        invite_id = invite_from(request.POST.get("invite", ""))
        if not invite_id or not provider.for_persons:
            return _refuse(request, provider, flow.Refused("no_invite", "Åpne invitasjonslenken på nytt."))
        purpose.update({"for": FOLLOW_INVITE, "invite": invite_id})
    elif request.POST.get("for") == WELCOME:
        link_id = invite_from(request.POST.get("link", ""), WELCOME_SALT)
        if not link_id or provider.for_persons:
            return _refuse(request, provider, flow.Refused("no_invite", "Åpne invitasjonslenken på nytt."))
        purpose.update({"for": WELCOME, "link": link_id})
    request.session[PURPOSE] = purpose
    try:
        return flow.start(request, provider, _callback_url(request, provider))
    except flow.Refused as refused:
        return _refuse(request, provider, refused)


@never_cache
def callback(request, name):
    provider = _provider_or_404(name)
    purpose = request.session.pop(PURPOSE, None) or {}
    try:
        claims, id_token = flow.finish(request, provider)
        if purpose.get("provider") != provider.name:
            raise flow.Refused("purpose", flow._untrusted(provider))
        if purpose.get("for") == LINK:
            return _link_staff(request, provider, claims)
        if purpose.get("for") == FOLLOW_INVITE:
            user = _link_invited_person(request, provider, claims, purpose.get("invite"))
        elif purpose.get("for") == WELCOME:
            user = _link_welcomed_staff(provider, claims, purpose.get("link"))
        else:
            user = _known_user(provider, claims)
    except flow.Refused as refused:
        return _refuse(request, provider, refused)
    if user.is_person or provider.multi_factor_amr & set(claims.get("amr") or []):
        complete_sign_in(request, user, two_factor=True)
        next_step = reverse("home")
    else:  # the provider's sign-in was a password alone: our own code is asked for, as after a password
        next_step = begin_two_factor(request, user, reverse("home"))
    request.session[LOGOUT] = {"provider": provider.name, "id_token": sealed.seal(id_token)}
    return redirect(next_step)


def _subject(provider, claims) -> str:
    return str(claims[provider.subject_claim])


def _known_user(provider, claims) -> User:
    logins = ExternalLogin.objects.select_related("user", "user__organisation").filter(provider=provider.name)
    subject = _subject(provider, claims)
    login = logins.filter(subject=subject).first()
    if login is None and provider.for_persons and claims.get("pid"):
        login = logins.filter(pid_hash=pid_hash(claims["pid"])).first()
    if login is None or not login.user.is_active:
        raise flow.Refused(
            "unlinked",
            "Vi finner ingen konto i Medvandrer for denne innloggingen. Første gang bruker du lenken i "
            "invitasjonen du har fått."
            if provider.for_persons
            else "Kontoen din er ikke koblet til denne innloggingen ennå. Logg inn med brukernavn, passord og "
            "kode, og koble den til under «Min konto».",
        )
    user = login.user
    if provider.for_persons != (user.role == Role.PERSON):
        raise flow.Refused("wrong_kind", flow._untrusted(provider))
    if not provider.for_persons and (user.organisation is None or user.organisation.signin_provider != provider.name):
        raise flow.Refused(
            "not_chosen",
            f"Organisasjonen din bruker ikke {provider.label} til innlogging. Logg inn med brukernavn og passord.",
        )
    login.last_used = timezone.now()
    login.save(update_fields=["last_used"])
    return user


def _link_invited_person(request, provider, claims, invite_id) -> User:
    if not claims.get("pid"):
        raise flow.Refused("no_pid", flow._untrusted(provider))
    hashed = pid_hash(claims["pid"])
    with transaction.atomic():
        invite = (
            Invite.objects.select_for_update(of=("self",))
            .select_related("person", "person__user")
            .filter(pk=invite_id)
            .first()
        )
        problem = invite_problem(invite)
        if problem:
            raise flow.Refused("invite", problem)
        person = invite.person
        user = person.user
        if ExternalLogin.objects.filter(provider=provider.name, pid_hash=hashed).exclude(user=user).exists():
            raise flow.Refused(
                "linked_elsewhere",
                "Denne innloggingen er allerede koblet til en annen konto i Medvandrer. Ta kontakt med den du har "
                "kontakt med.",
            )
        created = user is None
        if created:
            user = User.objects.create_user(
                username=f"{provider.name}-{secrets.token_hex(5)}",
                password=None,  # no password: this person signs in through the provider
                role=Role.PERSON,
                full_name=person.display_name,
                organisation=person.organisation,
            )
            person.user = user
            person.save(update_fields=["user"])
        ExternalLogin.objects.update_or_create(
            provider=provider.name,
            subject=_subject(provider, claims),
            defaults={"user": user, "pid_hash": hashed, "last_used": timezone.now()},
        )
        invite.used = timezone.now()
        invite.save(update_fields=["used"])
    record(
        actor=user,
        action=Action.CREATE if created else Action.UPDATE,
        object_type=ObjectType.EXTERNAL_LOGIN,
        object_id=provider.name,
        person=person,
        basis="self",
    )
    return user


def _link_welcomed_staff(provider, claims, link_id) -> User:
    """A new staff member follows the team leader's invitation with the organisation's provider:
    the login is linked to the new account, and the invitation is used."""
    with transaction.atomic():
        link = (
            ResetLink.objects.select_for_update(of=("self",))
            .select_related("user__organisation")
            .filter(pk=link_id)
            .first()
        )
        problem = reset_problem(link) or ("" if link.welcome else "Denne lenken er ikke en invitasjon.")
        if problem:
            raise flow.Refused("invite", problem)
        user = link.user
        if user.organisation is None or user.organisation.signin_provider != provider.name:
            raise flow.Refused(
                "not_chosen",
                f"Organisasjonen din bruker ikke {provider.label} til innlogging. Velg et passord i stedet.",
            )
        _link_staff_login(user, provider, claims)
        link.used = timezone.now()
        link.save(update_fields=["used"])
    return user


def _link_staff_login(user, provider, claims) -> None:
    """The staff member's login at the provider, by its stable subject, with its audit row."""
    try:
        with transaction.atomic():
            ExternalLogin.objects.create(user=user, provider=provider.name, subject=_subject(provider, claims))
    except IntegrityError:
        raise flow.Refused(
            "linked_elsewhere", "Denne innloggingen er allerede koblet til en annen konto i Medvandrer."
        ) from None
    record(
        actor=user,
        action=Action.CREATE,
        object_type=ObjectType.EXTERNAL_LOGIN,
        object_id=provider.name,
        organisation_id=user.organisation_id,
    )


def _link_staff(request, provider, claims):
    user = request.user
    if not user.is_authenticated or not user.is_staff_role:
        raise flow.Refused("link_signed_out", "Logg inn med brukernavn, passord og kode først.")
    _link_staff_login(user, provider, claims)
    messages.success(request, f"Kontoen din er koblet til {provider.label}. Neste gang kan du logge inn med den.")
    return redirect("account")


def _refuse(request, provider, refused: flow.Refused):
    record(
        actor=request.user,
        action=Action.SIGNIN_REFUSED,
        object_type=ObjectType.EXTERNAL_LOGIN,
        object_id=f"{provider.name}:{refused.reason}",
    )
    return render(request, "oidc/refused.html", {"message": refused.message, "provider": provider}, status=403)


@require_POST
def unlink(request, name):
    """«Min konto»: a staff member removes their link to a provider (password and code remain)."""
    if not request.user.is_authenticated or not request.user.is_staff_role:
        raise Http404  # a person from ID-porten has no password to fall back on
    provider = _provider_or_404(name)
    deleted, _ = ExternalLogin.objects.filter(user=request.user, provider=provider.name).delete()
    if deleted:
        record(
            actor=request.user,
            action=Action.DELETE,
            object_type=ObjectType.EXTERNAL_LOGIN,
            object_id=provider.name,
            organisation_id=request.user.organisation_id,
        )
        messages.success(request, f"Kontoen din er ikke lenger koblet til {provider.label}.")
    return redirect("account")


@receiver(user_logged_out)
def sign_out_at_provider_too(sender, request, user, **kwargs):
    """Before the session is emptied: if it began at a provider, the sign-out page sends the
    browser on to the provider's end-session page (RP-initiated logout), which comes back to
    «Logg inn». accounts.views.SignOutView reads `request.after_sign_out_url`."""
    if request is None:
        return
    began = request.session.get(LOGOUT) or {}
    provider = providers.get(began.get("provider", ""))
    if provider is not None:
        request.after_sign_out_url = flow.logout_url(
            provider, sealed.unseal(began.get("id_token", "")), request.build_absolute_uri(reverse("login"))
        )
