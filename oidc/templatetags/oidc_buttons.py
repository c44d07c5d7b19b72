"""The buttons that start a sign-in at a provider, for pages of other apps (the sign-in page, the
invitation, «Min konto») without those apps knowing about OpenID Connect."""

from django import template
from django.core import signing

from oidc import providers
from oidc.middleware import FORM_TARGETS
from oidc.models import ExternalLogin

register = template.Library()
INVITE_SALT = "oidc-invite"
WELCOME_SALT = "oidc-staff-welcome"
INVITE_MAX_AGE = 30 * 60  # seconds between opening the invitation and coming back from the provider


def signed_invite(invite, salt=INVITE_SALT) -> str:
    return signing.dumps(invite.pk, salt=salt)


def invite_from(value: str, salt=INVITE_SALT):
    """The invitation id a page signed, or None if it was altered or is too old."""
    try:
        return signing.loads(value, salt=salt, max_age=INVITE_MAX_AGE)
    except signing.BadSignature:
        return None


def _may_post_to(context, shown) -> None:
    request = context.get("request")
    if request is not None:
        setattr(request, FORM_TARGETS, [*getattr(request, FORM_TARGETS, []), *(p.name for p in shown)])


@register.inclusion_tag("oidc/_sign_in_buttons.html", takes_context=True)
def sign_in_buttons(context):
    shown = {"for_persons": providers.for_persons(), "for_staff": providers.for_staff()}
    _may_post_to(context, shown["for_persons"] + shown["for_staff"])
    return shown


@register.inclusion_tag("oidc/_invite_buttons.html", takes_context=True)
def invite_buttons(context, invite):
    shown = providers.for_persons()
    _may_post_to(context, shown)
    return {"providers": shown, "signed_invite": signed_invite(invite) if invite else ""}


@register.inclusion_tag("oidc/_account_links.html", takes_context=True)
def account_links(context):
    """«Min konto»: the user's provider sign-ins, and for staff the organisation's provider to link."""
    user = context["request"].user
    linked = {login.provider: login for login in ExternalLogin.objects.filter(user=user)}
    rows = [{"provider": p, "login": linked.get(p.name)} for p in providers.configured().values() if p.name in linked]
    chosen = providers.get(user.organisation.signin_provider) if user.organisation_id else None
    can_link = (
        chosen if user.is_staff_role and chosen and not chosen.for_persons and chosen.name not in linked else None
    )
    if can_link:
        _may_post_to(context, [can_link])
    return {"rows": rows, "can_link": can_link, "user": user}


@register.inclusion_tag("oidc/_welcome_buttons.html", takes_context=True)
def welcome_buttons(context, link):
    """A new staff member's welcome link: their organisation's provider, instead of a password."""
    organisation = link.user.organisation
    provider = providers.get(organisation.signin_provider) if organisation else None
    if provider is None or provider.for_persons:
        return {}
    _may_post_to(context, [provider])
    return {"provider": provider, "signed_link": signed_invite(link, WELCOME_SALT)}
