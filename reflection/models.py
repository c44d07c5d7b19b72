"""The staff reflection journal: one private entry per staff member per week.

Not a person's data: an entry belongs to its author alone (no team leader, no admin, no
one else ever sees it), so it is not linked to a Person and does not go through
people.access. The views get an entry only through `views._entry_for_user`.

Answers are kept by the content's stable keys, so an entry still points at the right
question after the content is reloaded:
    answers     {collection slug: {item key: text}}   the weekly reflection questions (seeds 001, 002)
    self_check  {item key: {"choice": …, "note": …}}  the motivation-killer self-check (seed 000)
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class CheckChoice(models.TextChoices):
    NO = "nei", _("Nei")
    A_LITTLE = "litt", _("Litt")
    YES = "ja", _("Ja, det skjedde")


class JournalEntry(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflection_entries")
    week_of = models.DateField(_("uka som begynner"))  # always a Monday
    answers = models.JSONField(default=dict, blank=True)
    method_key = models.CharField(max_length=100, blank=True)  # a GuidanceItem key in "ti-metoder"
    method_plan = models.TextField(blank=True)
    method_follow_up = models.TextField(blank=True)
    self_check = models.JSONField(default=dict, blank=True)
    notes = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("refleksjonsnotat")
        verbose_name_plural = _("refleksjonsnotater")
        ordering = ["-week_of"]
        constraints = [models.UniqueConstraint(fields=["author", "week_of"], name="one_reflection_per_week")]

    def __str__(self):
        return f"Uke {self.week_number}, {self.week_of.isocalendar().year}"

    def save(self, *args, **kwargs):
        self.week_of = monday_of(self.week_of)
        super().save(*args, **kwargs)

    @property
    def week_number(self) -> int:
        return self.week_of.isocalendar().week

    @property
    def week_end(self) -> date:
        return self.week_of + timedelta(days=6)

    def fields(self) -> dict:
        """What the form edits, in the shape actions.save_entry takes."""
        return {name: getattr(self, name) for name in EDITABLE}


EDITABLE = ("answers", "method_key", "method_plan", "method_follow_up", "self_check", "notes")
