"""The organisation's own crisis numbers (its crisis team, the night service), shown with the
national ones. Not person data: team leaders manage them in the app (crisis/views.py), and
every change is audited. And the key that says whose «Jeg har det vanskelig nå» a phone keeps
(KeptPageOwner, see crisis/kept.py)."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.types import ObjectType
from crisis.phones import tel_target
from people.models import Organisation


class OrganisationContact(models.Model):
    audit_type = ObjectType.CRISIS_NUMBER

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="crisis_contacts")
    name = models.CharField(_("navn"), max_length=150)
    number = models.CharField(_("telefonnummer"), max_length=40)
    when = models.CharField(_("når det passer"), max_length=200, blank=True)
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("krisenummer")
        verbose_name_plural = _("krisenumre")
        ordering = ["order", "id"]

    def __str__(self):
        return f"{self.name} ({self.number})"

    @property
    def tel(self) -> str | None:
        return tel_target(self.number)


def new_owner_key() -> str:
    return secrets.token_urlsafe(16)


class KeptPageOwner(models.Model):
    """Whose «Jeg har det vanskelig nå» a phone keeps, for the owner tag (crisis/kept.py).

    The tag names this random key, never the user id. Signing out everywhere gives the person
    a new key, so every tag issued before it – on every phone – is no longer theirs; erasing
    the person deletes the row with the login, so their tags belong to nobody."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kept_page_owner")
    key = models.CharField(max_length=32, unique=True, default=new_owner_key)

    class Meta:
        verbose_name = _("eier av lagret side")
        verbose_name_plural = _("eiere av lagrede sider")

    def __str__(self):
        return f"{self.user_id}"
