"""The organisation's changes, each with its audit row (basis «administrasjon av organisasjonen»):
a staff member invited, changed or deactivated, a team made or renamed, the staff sign-in chosen.
Care relations and handovers touch a person and live in people.actions."""

from django.db import transaction

from accounts import totp
from accounts.models import ResetLink, User
from accounts.sessions import end_sessions
from audit.log import record
from audit.models import Action, Basis
from audit.types import ObjectType
from people.models import Team


def _audit(actor, action, object_type, object_id, organisation_id=None):
    record(
        actor=actor, action=action, object_type=object_type, object_id=object_id,
        organisation_id=organisation_id or actor.organisation_id, basis=Basis.ORGANISATION,
    )  # fmt: skip


def invite_staff(
    leader, *, full_name, username, email, role, teams, organisation_id=None
) -> tuple[User, ResetLink, str]:
    """A new staff account without a password, and the welcome link where they choose their own
    (or sign in with the organisation's provider). Only the link's hash is kept. `leader` is
    audit.log.SYSTEM for the first leader of a new organisation, invited by operations
    (`manage.py invite_staff`)."""
    organisation_id = organisation_id or leader.organisation_id
    with transaction.atomic():
        user = User.objects.create_user(
            username=username, password=None, email=email, full_name=full_name, role=role,
            organisation_id=organisation_id,
        )  # fmt: skip
        user.teams.set(teams)
        link, token = ResetLink.create_for(user, created_by=leader if leader.pk else None, welcome=True)
    _audit(leader, Action.CREATE, ObjectType.ACCOUNT, user.pk, organisation_id)
    _audit(leader, Action.CREATE, ObjectType.RESET_LINK, link.pk, organisation_id)
    return user, link, token


def change_staff(leader, user: User, *, full_name, email, role, teams, is_active) -> None:
    user.full_name, user.email, user.role, user.is_active = full_name, email, role, is_active
    user.save()  # a deactivated account's sessions end at once (accounts.signals)
    user.teams.set(teams)
    _audit(leader, Action.UPDATE, ObjectType.ACCOUNT, user.pk)


def new_welcome_link(leader, user: User) -> tuple[ResetLink, str]:
    link, token = ResetLink.create_for(user, created_by=leader, welcome=True)
    _audit(leader, Action.CREATE, ObjectType.RESET_LINK, link.pk)
    return link, token


def save_team(leader, name: str, team: Team | None = None) -> Team:
    created = team is None
    if created:
        team = Team.objects.create(organisation_id=leader.organisation_id, name=name)
    else:
        team.name = name
        team.save(update_fields=["name"])
    _audit(leader, Action.CREATE if created else Action.UPDATE, ObjectType.TEAM, team.pk)
    return team


def choose_signin_provider(leader, organisation, provider_name: str) -> None:
    organisation.signin_provider = provider_name
    organisation.save(update_fields=["signin_provider"])
    _audit(leader, Action.UPDATE, ObjectType.ORGANISATION, organisation.pk)


def disconnect_app(leader, user: User) -> None:
    """A lost phone: the app for codes is disconnected and every session ends; at the next
    sign-in (password first) the colleague connects a new app."""
    totp.disable(user)
    end_sessions(user)
    _audit(leader, Action.UPDATE, ObjectType.ACCOUNT, user.pk)
