"""Organisations, teams, the persons in recovery, and who may see a person's data.

A person's data is reached only through people/access.py, which decides the basis
(the person themself, a care relation, or the person's consent to a team) and
writes the audit row. Nothing here should be queried for a person around it.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(unique=True)
    created = models.DateTimeField(auto_now_add=True)
    # The staff sign-in provider this organisation has chosen (oidc.providers, kind «staff»), for
    # example «helseid» or «entra»; blank keeps password and code.
    signin_provider = models.CharField(_("innlogging for ansatte"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("organisasjon")
        verbose_name_plural = _("organisasjoner")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Team(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="teams")
    name = models.CharField(_("navn"), max_length=200)

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("team")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_name")]

    def __str__(self):
        return self.name


class Person(models.Model):
    """A person in recovery. May have a login (`user`) or not (yet)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="persons")
    display_name = models.CharField(_("navn"), max_length=150)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    # The person's own words about themself; shown only through the access layer.
    about = models.TextField(_("om meg"), blank=True)
    about_version = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["display_name"]

    def __str__(self):
        return self.display_name


class CareRelationQuerySet(models.QuerySet):
    def active(self):
        now = timezone.now()
        return self.filter(started__lte=now).filter(models.Q(ended__isnull=True) | models.Q(ended__gt=now))


class CareRelation(models.Model):
    """A staff member works with a person: the service need ("tjenstlig behov") behind access."""

    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="care_relations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="care_relations")
    started = models.DateTimeField(_("fra"), default=timezone.now)
    ended = models.DateTimeField(_("til"), null=True, blank=True)

    objects = CareRelationQuerySet.as_manager()

    class Meta:
        verbose_name = _("fast kontakt")
        verbose_name_plural = _("faste kontakter")
        ordering = ["-started"]

    def __str__(self):
        return f"{self.staff} – {self.person}"


class HandoverQuerySet(models.QuerySet):
    def to_show(self):
        """Handovers worth a line on the home pages: from two months ahead to two weeks after."""
        today = timezone.localdate()
        return self.filter(starts__gte=today - timedelta(days=14), starts__lte=today + timedelta(days=60))


class Handover(models.Model):
    """One colleague hands the person over to another: the old care relation ends and the new one
    starts on `starts`, in one step. The note is written for the person and shown to them, and to
    both colleagues, on their home pages («Kari slutter, Mona tar over fra 1. mars»)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="handovers")
    from_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="handovers_from"
    )
    to_staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="handovers_to"
    )
    starts = models.DateField(_("fra og med"))
    note = models.TextField(_("beskjed til personen"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    objects = HandoverQuerySet.as_manager()

    class Meta:
        verbose_name = _("overgang til ny fast kontakt")
        verbose_name_plural = _("overganger til ny fast kontakt")
        ordering = ["-starts", "-created"]

    def __str__(self):
        return f"{self.person}: {self.from_staff} → {self.to_staff} ({self.starts})"


class ConsentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn__isnull=True, valid_until__gte=timezone.localdate())


class Consent(models.Model):
    """The person lets a team see their plan until a date. Withdrawing ends it at once.

    One open consent per person and team (the database enforces it): giving consent again
    moves the end date of the open one; withdrawing closes it. Withdrawn rows stay as history."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="consents")
    given = models.DateTimeField(default=timezone.now)
    valid_until = models.DateField(_("gjelder til og med"))
    withdrawn = models.DateTimeField(null=True, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("samtykke")
        verbose_name_plural = _("samtykker")
        ordering = ["-given"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "team"], condition=models.Q(withdrawn__isnull=True), name="one_open_consent_per_team"
            )
        ]

    def __str__(self):
        return f"{self.team} til {self.valid_until}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn is None and self.valid_until >= timezone.localdate()

    @property
    def ran_out_at(self) -> datetime:
        """The moment after its last day: where a consent that ran out is closed."""
        next_day = self.valid_until + timedelta(days=1)
        return timezone.make_aware(datetime.combine(next_day, time.min))

    @property
    def ran_out(self) -> bool:
        """It ended by its date, not by the person withdrawing it."""
        if self.withdrawn is None:
            return self.valid_until < timezone.localdate()
        return self.withdrawn >= self.ran_out_at


class Block(models.Model):
    """The person shuts a named staff member out of their data ("sperre")."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="blocks")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocked_by")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("sperre")
        verbose_name_plural = _("sperrer")
        constraints = [models.UniqueConstraint(fields=["person", "staff"], name="unique_block")]

    def __str__(self):
        return f"{self.person} sperrer {self.staff}"
