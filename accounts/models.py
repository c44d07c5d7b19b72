import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PERSON = "deltaker", _("Deltaker")
    PRACTITIONER = "fagperson", _("Fagperson / miljøarbeider")
    PEER_WORKER = "erfaringskonsulent", _("Erfaringskonsulent")
    TEAM_LEADER = "teamleder", _("Teamleder")
    ADMIN = "admin", _("Administrator")


STAFF_ROLES = {Role.PRACTITIONER, Role.PEER_WORKER, Role.TEAM_LEADER, Role.ADMIN}
MANAGER_ROLES = {Role.TEAM_LEADER, Role.ADMIN}


class User(AbstractUser):
    """Everyone who signs in: persons in recovery and staff alike.

    `is_staff` only means "may open Django admin" and is kept in step with the role;
    what someone may see of a person's data follows from people/access.py.
    """

    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.PRACTITIONER)
    full_name = models.CharField(_("navn"), max_length=150, blank=True)
    organisation = models.ForeignKey(
        "people.Organisation", null=True, blank=True, on_delete=models.PROTECT, related_name="users"
    )
    teams = models.ManyToManyField("people.Team", blank=True, related_name="members", verbose_name=_("team"))
    # Two-factor sign-in (TOTP). Required for staff, optional for persons.
    previous_login = models.DateTimeField(null=True, blank=True)  # "since last time" on the staff home page
    totp_secret = models.CharField(max_length=64, blank=True)
    totp_confirmed = models.DateTimeField(null=True, blank=True)
    totp_last_step = models.BigIntegerField(default=0)  # a code is accepted once
    totp_failures = models.PositiveSmallIntegerField(default=0)
    totp_locked_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")

    def __str__(self):
        return self.full_name or self.username

    def save(self, *args, **kwargs):
        self.is_staff = self.is_superuser or self.role in MANAGER_ROLES
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @property
    def is_person(self) -> bool:
        return self.role == Role.PERSON

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_manager(self) -> bool:
        return self.role in MANAGER_ROLES

    @property
    def needs_two_factor(self) -> bool:
        """Staff must use a code; a person who has turned it on must too."""
        return self.is_staff_role or self.is_superuser or self.totp_confirmed is not None


class UserSession(models.Model):
    """Which sessions belong to which user, so sign-out everywhere and deactivation can end them."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sessions")
    session_key = models.CharField(max_length=40, unique=True)
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.user} {self.created:%Y-%m-%d %H:%M}"


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class InviteQuerySet(models.QuerySet):
    def find(self, token: str):
        return self.filter(token_hash=_hash_token(token)).select_related("person").first()


class Invite(models.Model):
    """A one-time link that lets a person set up their own login."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="invites")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    used = models.DateTimeField(null=True, blank=True)

    objects = InviteQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitasjon")
        verbose_name_plural = _("invitasjoner")

    def __str__(self):
        return f"Invitasjon til {self.person} ({self.created:%Y-%m-%d})"

    @classmethod
    def create_for(cls, person, created_by) -> tuple["Invite", str]:
        """Returns the invite and the token; only its hash is stored, so the link is shown once."""
        token = secrets.token_urlsafe(32)
        invite = cls.objects.create(
            person=person,
            token_hash=_hash_token(token),
            created_by=created_by,
            expires=timezone.now() + timedelta(days=settings.INVITE_VALID_DAYS),
        )
        return invite, token

    @property
    def is_usable(self) -> bool:
        return self.used is None and self.expires > timezone.now()
