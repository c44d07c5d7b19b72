import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
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
    # The long tokens are 256 random bits: a plain SHA-256 cannot be inverted, so a dump of the
    # table gives nobody a working link.
    return hashlib.sha256(token.encode()).hexdigest()


SHORT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: easy to read aloud and type
SHORT_LENGTH = 8
SHORT_CODE_SALT = "medvandrer.accounts.short-code"


def new_short_code() -> str:
    """«K7MX-4TQ2»: a code a person can type on their own phone instead of following a link."""
    code = "".join(secrets.choice(SHORT_ALPHABET) for _ in range(SHORT_LENGTH))
    return f"{code[:4]}-{code[4:]}"


def clean_short_code(code: str) -> str:
    """What counts in a typed code: case, spaces and dashes do not matter."""
    return "".join(ch for ch in (code or "").upper() if ch in SHORT_ALPHABET)


def short_code_hash(code: str, secret: str | None = None) -> str:
    """The hash a typed code is looked up by.

    A short code has only about 40 bits, so a plain SHA-256 of it could be reversed by trying
    every code (31**8) in minutes on one machine: a copy of the database would give away every
    live code. Keyed with the server's SECRET_KEY (HMAC-SHA256), the hashes are worthless without
    the key, which is never in the database or its backups."""
    key = settings.SECRET_KEY if secret is None else secret
    return salted_hmac(SHORT_CODE_SALT, clean_short_code(code), secret=key, algorithm="sha256").hexdigest()


def short_code_hashes(code: str) -> list[str]:
    """The hash under the current key and under each retired one (SECRET_KEY_FALLBACKS), so a
    key rotation does not break the codes handed out in the days before it."""
    return [short_code_hash(code, key) for key in [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]]


def find_by_short_code(queryset, code: str):
    """The usable link a typed code stands for – not used, not expired – or None. A used or
    expired link is never found by its code: its hash would otherwise be one more target to
    guess, and the long link still says «already used» or «expired» to whoever holds it."""
    return queryset.filter(
        short_hash__in=short_code_hashes(code), used__isnull=True, expires__gt=timezone.now()
    ).first()


class OneTimeLinkQuerySet(models.QuerySet):
    """Links kept as hashes: found by the token in the link, or by the short code typed instead."""

    owner = ""  # loaded with the link

    def find(self, token: str):
        return self.filter(token_hash=_hash_token(token)).select_related(self.owner).first()

    def find_short(self, code: str):
        return find_by_short_code(self.select_related(self.owner), code)


class OneTimeLink(models.Model):
    """What every one-time link has – an invitation, a reset link, an evaluation link: only the
    hash of its long token and of its short code are stored, so the link is shown once, when
    it is made. Each kind has its own `short_hash` field and says how long it lives."""

    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField()
    used = models.DateTimeField(null=True, blank=True)

    # A typed short code can stand for any kind of link, also kinds of apps built on accounts
    # (an evaluation link): each names itself and the view that opens it, so accounts never
    # imports them (accounts.passwords.short_code_open).
    code_kind = ""
    opened_by = ""  # dotted path of a function (request, pk) -> response

    class Meta:
        abstract = True

    valid_for: timedelta  # every kind says how long its links live (or overrides `lifetime`)

    @classmethod
    def lifetime(cls) -> timedelta:
        return cls.valid_for

    @classmethod
    def find_short(cls, code: str):
        """The usable link a typed short code stands for, or None."""
        return cls.objects.find_short(code)

    @classmethod
    def kinds(cls) -> dict:
        """code_kind -> model, for every concrete kind of one-time link that can be opened by a code."""
        from django.apps import apps

        return {m.code_kind: m for m in apps.get_models() if issubclass(m, cls) and m.code_kind}

    @classmethod
    def issue(cls, **fields):
        """(the link, its token); `link.short_code` holds the code to type, for this response only."""
        token, code = secrets.token_urlsafe(32), new_short_code()
        link = cls.objects.create(
            token_hash=_hash_token(token),
            short_hash=short_code_hash(code),
            expires=timezone.now() + cls.lifetime(),
            **fields,
        )
        link.short_code = code
        return link, token


class InviteQuerySet(OneTimeLinkQuerySet):
    owner = "person"


class Invite(OneTimeLink):
    """A one-time link that lets a person set up their own login."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="invites")
    short_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)

    objects = InviteQuerySet.as_manager()
    code_kind = "invite"
    opened_by = "accounts.views.invite_by_code"

    class Meta:
        verbose_name = _("invitasjon")
        verbose_name_plural = _("invitasjoner")

    def __str__(self):
        return f"Invitasjon til {self.person} ({self.created:%Y-%m-%d})"

    @classmethod
    def lifetime(cls) -> timedelta:
        return timedelta(days=settings.INVITE_VALID_DAYS)

    @classmethod
    def create_for(cls, person, created_by) -> tuple["Invite", str]:
        return cls.issue(person=person, created_by=created_by)

    @property
    def is_usable(self) -> bool:
        return self.used is None and self.expires > timezone.now()


RESET_LINK_LIFETIME = timedelta(days=2)


class ResetLinkQuerySet(OneTimeLinkQuerySet):
    owner = "user"


class ResetLink(OneTimeLink):
    """A one-time link for a staff member to choose a new password, made by their team leader.
    Only hashes are stored; it works once, for two days, and a newer link replaces it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="reset_links")
    short_hash = models.CharField(max_length=64, unique=True)
    # The first link to a new staff account (the team leader's invitation): it says welcome, names
    # the username, offers the organisation's sign-in provider, and lives as long as an invitation.
    welcome = models.BooleanField(default=False)

    objects = ResetLinkQuerySet.as_manager()
    code_kind = "reset"
    opened_by = "accounts.passwords.reset_by_code"

    class Meta:
        verbose_name = _("lenke for nytt passord")
        verbose_name_plural = _("lenker for nytt passord")

    def __str__(self):
        return f"Ny innlogging for {self.user} ({self.created:%Y-%m-%d})"

    valid_for = RESET_LINK_LIFETIME

    @classmethod
    def create_for(cls, user, created_by, *, welcome: bool = False) -> tuple["ResetLink", str]:
        cls.objects.filter(user=user, used__isnull=True).update(expires=timezone.now())  # only the newest works
        link, token = cls.issue(user=user, created_by=created_by, welcome=welcome)
        if welcome:
            link.expires = link.created + timedelta(days=settings.INVITE_VALID_DAYS)
            link.save(update_fields=["expires"])
        return link, token

    @property
    def is_usable(self) -> bool:
        return self.used is None and self.expires > timezone.now() and self.user.is_active


# ---------------------------------------------------------------- limits on guessing and flooding


class AttemptQuerySet(models.QuerySet):
    def wait(self, *, limit: int, window: timedelta, now) -> timedelta:
        """How long until fewer than `limit` of these attempts lie inside the window (zero: go ahead).
        The pause ends when the limit-th newest attempt grows older than the window."""
        newest = self.filter(at__gt=now - window).order_by("-at").values_list("at", flat=True)
        edge = list(newest[limit - 1 : limit])
        return max(edge[0] + window - now, timedelta(0)) if edge else timedelta(0)


class Attempt(models.Model):
    """One counted try at something limited: a short code that matched nothing, an e-mail for
    a new password asked for. Kept in the database – not in a process, nor in the default
    cache, which is per process unless Redis is set – so every worker on every machine counts
    the same tries. `key` is a keyed hash of the client's address or of the e-mail address,
    never the address itself; rows go after a day (maintenance.retention)."""

    kind = models.CharField(max_length=20)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(default=timezone.now)

    objects = AttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("forsøk")
        verbose_name_plural = _("forsøk")
        indexes = [
            models.Index(fields=["kind", "key", "at"], name="attempt_kind_key_at"),
            models.Index(fields=["kind", "at"], name="attempt_kind_at"),
        ]

    def __str__(self):
        return f"{self.kind} {self.at:%Y-%m-%d %H:%M}"


ATTEMPT_KEY_SALT = "medvandrer.accounts.attempt"


def attempt_key(value: str) -> str:
    return salted_hmac(ATTEMPT_KEY_SALT, value, secret=settings.SECRET_KEY, algorithm="sha256").hexdigest()


@dataclass(frozen=True)
class Limit:
    """At most `limit` attempts of `kind` within `window` – for one key, or (key None) for all together."""

    kind: str
    key: str | None
    limit: int
    window: timedelta

    def attempts(self):
        rows = Attempt.objects.filter(kind=self.kind)
        return rows if self.key is None else rows.filter(key=self.key)

    def wait(self, now, exclude=()) -> timedelta:
        return self.attempts().exclude(pk__in=exclude).wait(limit=self.limit, window=self.window, now=now)


def take_turn(limits: list[Limit], now=None) -> tuple[list[int], timedelta]:
    """Count one attempt against every limit. Returns the ids of the rows that count it, and how
    long to wait if a limit is reached – then nothing is counted, so trying during a pause never
    makes it longer and it always ends.

    The rows are written before the count is taken, so requests arriving together on several
    workers see each other and cannot all slip in under the limit."""
    now = now or timezone.now()
    mine = [Attempt.objects.create(kind=limit.kind, key=limit.key, at=now).pk for limit in limits if limit.key]
    wait = max((limit.wait(now, exclude=mine) for limit in limits), default=timedelta(0))
    if wait:
        Attempt.objects.filter(pk__in=mine).delete()
        return [], wait
    return mine, timedelta(0)


def paused_for(limits: list[Limit], now=None) -> timedelta:
    """How long until the next attempt would be let through (zero: now)."""
    now = now or timezone.now()
    return max((limit.wait(now) for limit in limits), default=timedelta(0))
