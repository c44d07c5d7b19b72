from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    PERSON = "deltaker", _("Deltaker")
    PRACTITIONER = "fagperson", _("Fagperson / miljøarbeider")
    PEER_WORKER = "erfaringskonsulent", _("Erfaringskonsulent")
    TEAM_LEADER = "teamleder", _("Teamleder")
    ADMIN = "admin", _("Administrator")


STAFF_ROLES = {Role.PRACTITIONER, Role.PEER_WORKER, Role.TEAM_LEADER, Role.ADMIN}


class User(AbstractUser):
    """Everyone who signs in: persons in recovery and staff alike.

    Django's `is_staff` only means "may open Django admin"; what someone may see
    in Medvandrer follows from `role` and, for person data, the access layer.
    """

    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices, default=Role.PRACTITIONER)
    full_name = models.CharField(_("navn"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")

    def __str__(self):
        return self.full_name or self.username

    @property
    def display_name(self) -> str:
        return self.full_name or self.username

    @property
    def is_person(self) -> bool:
        return self.role == Role.PERSON

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES
