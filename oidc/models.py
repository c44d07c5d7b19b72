import hashlib
import hmac
import os

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def pid_hash(pid: str) -> str:
    """A keyed hash of the national identity number (ID-porten's `pid`), which is never stored:
    it recognises the person next time, and cannot be turned back into the number without the key."""
    key = os.getenv("PID_HASH_KEY") or settings.SECRET_KEY + ":pid"
    return hmac.new(key.encode(), pid.strip().encode(), hashlib.sha256).hexdigest()


class ExternalLogin(models.Model):
    """A user's sign-in at a provider: the provider's stable subject (`sub`, or Entra ID's `oid`),
    and for a person from ID-porten the keyed hash of their identity number. Erasing the user
    removes it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_logins")
    provider = models.CharField(_("innlogging"), max_length=40)
    subject = models.CharField(max_length=255)
    pid_hash = models.CharField(max_length=64, blank=True, db_index=True)
    created = models.DateTimeField(default=timezone.now)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("innlogging hos tilbyder")
        verbose_name_plural = _("innlogginger hos tilbydere")
        constraints = [models.UniqueConstraint(fields=["provider", "subject"], name="one_user_per_subject")]

    def __str__(self):
        return f"{self.provider} ({self.user})"
