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


SHORT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read aloud and type
SHORT_LENGTH = 8


def new_short_code() -> str:
    """«K7MX-4TQ2»: a code a person can type on their own phone instead of following a link."""
    code = "".join(secrets.choice(SHORT_ALPHABET) for _ in range(SHORT_LENGTH))
    return f"{code[:4]}-{code[4:]}"


def short_code_hash(code: str) -> str:
    """The hash a typed code is looked up by: case, spaces and dashes do not matter."""
    cleaned = "".join(ch for ch in (code or "").upper() if ch in SHORT_ALPHABET)
    return _hash_token(f"short:{cleaned}")


class OneTimeLinkQuerySet(models.QuerySet):
    """Links kept as hashes: found by the token in the link, or by the short code typed instead."""

    owner = ""  # loaded with the link

    def find(self, token: str):
        return self.filter(token_hash=_hash_token(token)).select_related(self.owner).first()

    def find_short(self, code: str):
        return self.filter(short_hash=short_code_hash(code)).select_related(self.owner).first()


class InviteQuerySet(OneTimeLinkQuerySet):
    owner = "person"


class Invite(models.Model):
    """A one-time link that lets a person set up their own login."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="invites")
    token_hash = models.CharField(max_length=64, unique=True)
    short_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
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
        """Returns the invite and the token; only its hash is stored, so the link is shown once.
        `invite.short_code` holds the typeable code for this one response."""
        token = secrets.token_urlsafe(32)
        code = new_short_code()
        invite = cls.objects.create(
            person=person,
            token_hash=_hash_token(token),
            short_hash=short_code_hash(code),
            created_by=created_by,
            expires=timezone.now() + timedelta(days=settings.INVITE_VALID_DAYS),
        )
        invite.short_code = code
        return invite, token

    @property
    def is_usable(self) -> bool:
        return self.used is None and self.expires > timezone.now()


RESET_LINK_LIFETIME = timedelta(days=2)


class ResetLinkQuerySet(OneTimeLinkQuerySet):
    owner = "user"


class ResetLink(models.Model):
    """A one-time link for a staff member to choose a new password, made by their team leader.
    Only hashes are stored; it works once, for two days, and a newer link replaces it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reset_links")
    token_hash = models.CharField(max_length=64, unique=True)
    short_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    used = models.DateTimeField(null=True, blank=True)

    objects = ResetLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("lenke for nytt passord")
        verbose_name_plural = _("lenker for nytt passord")

    def __str__(self):
        return f"Ny innlogging for {self.user} ({self.created:%Y-%m-%d})"

    @classmethod
    def create_for(cls, user, created_by) -> tuple["ResetLink", str]:
        cls.objects.filter(user=user, used__isnull=True).update(expires=timezone.now())  # only the newest works
        token, code = secrets.token_urlsafe(32), new_short_code()
        link = cls.objects.create(
            user=user,
            token_hash=_hash_token(token),
            short_hash=short_code_hash(code),
            created_by=created_by,
            expires=timezone.now() + RESET_LINK_LIFETIME,
        )
        link.short_code = code
        return link, token

    @property
    def is_usable(self) -> bool:
        return self.used is None and self.expires > timezone.now() and self.user.is_active
