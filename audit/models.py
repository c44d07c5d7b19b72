"""The audit trail: who did what with whose data, when, and on what basis.

Append-only. The application has no update or delete path (this module refuses
them), and on PostgreSQL a trigger (migrations 0002 and 0004) makes UPDATE and DELETE
fail in the database. The one exception is retention (`maintenance/audit_retention.py`,
run by `manage.py retention`): DELETE of rows past their retention time, in a transaction that
says so (`SET LOCAL medvandrer.audit_purge = 'on'`), recorded by a row of its own. In production the app should also run as a database role that does not
own this table (no TRUNCATE, no DROP TRIGGER); see docs/SECURITY.md.

Rows hold ids and codes, never a person's content: person and actor are plain ids
(no foreign keys, so erasing a person or a user changes nothing here), and the
actor's name is kept only for staff. After an erasure the rows remain and say
only that something happened.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(RuntimeError):
    pass


class Action(models.TextChoices):
    READ = "read", _("så")
    CREATE = "create", _("la til")
    UPDATE = "update", _("endret")
    DELETE = "delete", _("slettet")
    EXPORT = "export", _("eksporterte")
    PRINT = "print", _("skrev ut")
    DENIED = "denied", _("ble stoppet fra å åpne")
    ERASE = "erase", _("slettet alle opplysningene til")
    INVITE_REJECTED = (
        "invite_rejected",
        _("brukte en lenke eller kode som ikke virket"),
    )  # invitations, reset links, codes
    TOTP_FAILED = "totp_failed", _("skrev feil engangskode")
    CSRF_FAILED = "csrf_failed", _("sendte et skjema uten gyldig sikkerhetsnøkkel")
    SIGNIN_REFUSED = "signin_refused", _("ble stoppet ved innlogging")  # through ID-porten, HelseID or Entra ID


class Basis(models.TextChoices):
    SELF = "self", _("personen selv")
    RELATION = "relation", _("fast kontakt")
    CONSENT = "consent", _("samtykke til teamet")
    ORGANISATION = "organisation", _("administrasjon av organisasjonen")
    LINK = "link", _("lenke fra den du snakket med")
    NONE = "none", _("ingen tilgang")


class AuditQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Loggen kan ikke endres.")

    def delete(self):
        raise AppendOnlyError("Loggen kan ikke slettes.")

    _raw_delete = delete


class AuditEvent(models.Model):
    at = models.DateTimeField(_("tidspunkt"), default=timezone.now, db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_name = models.CharField(max_length=150, blank=True)  # staff only; persons are shown by role
    actor_role = models.CharField(max_length=20, blank=True)
    organisation_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    person_id = models.BigIntegerField(null=True, blank=True)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=64, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    basis = models.CharField(max_length=20, choices=Basis.choices, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = _("logghendelse")
        verbose_name_plural = _("logg")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["person_id", "-at"], name="audit_person_at"),
            models.Index(fields=["organisation_id", "-at"], name="audit_org_at"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_role} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Loggen kan ikke endres.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Loggen kan ikke slettes.")
