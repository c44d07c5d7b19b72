"""MI tools (seed 003): the ambivalence cross and the importance/confidence rulers.

Both are about a change topic in the person's own words, may be linked to one of the
person's goals, and are kept over time:
- a cross is edited in place (optimistic locking through plans.actions.update), and every
  saved state is kept as a CrossRevision, so an edit never loses the earlier text;
- a ruler reading is a dated snapshot, never edited: a new reading is a new row, so the
  readings on one topic make a timeline.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.types import ObjectType
from items.models import PersonItem
from people.models import Person
from plans.models import Goal

TOPIC_MAX = 200
LOWEST, HIGHEST = 0, 10

# The four fields of the cross, in the seed's order and wording (content collection «ambivalenskorset»).
CROSS_FIELDS = (
    ("pros_now", "fordeler-saken", "Fordeler med «saken»", "Hva er bra med slik det er nå?"),
    ("cons_now", "ulemper-saken", "Ulemper med «saken»", "Hva er mindre bra med slik det er nå?"),
    ("pros_change", "fordeler-forandring", "Fordeler med forandring", "Hva kan bli bedre hvis noe forandrer seg?"),
    (
        "cons_change",
        "ulemper-forandring",
        "Ulemper med forandring",
        "Hva kan bli vanskeligere, eller hva kan du savne, hvis noe forandrer seg?",
    ),
)
CROSS_TEXTS = tuple(name for name, _key, _title, _hint in CROSS_FIELDS)


def topic_key(topic: str) -> str:
    """Topics written slightly differently ("Røyken" / " røyken ") group together."""
    return " ".join(topic.split()).casefold()


class AmbivalenceCross(PersonItem):
    audit_type = ObjectType.AMBIVALENCE_CROSS

    topic = models.CharField(_("det det handler om"), max_length=TOPIC_MAX)
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    pros_now = models.TextField(_("fordeler med «saken»"), blank=True)
    cons_now = models.TextField(_("ulemper med «saken»"), blank=True)
    pros_change = models.TextField(_("fordeler med forandring"), blank=True)
    cons_change = models.TextField(_("ulemper med forandring"), blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["person", "-created"], name="mitools_cross_person_created")]

    def __str__(self):
        return self.topic[:60]

    def quadrants(self) -> list[dict]:
        return [
            {"name": name, "title": title, "hint": hint, "text": getattr(self, name)}
            for name, _key, title, hint in CROSS_FIELDS
        ]


class CrossRevision(models.Model):
    """One saved state of a cross (the first one included): the cross keeps its history."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    cross = models.ForeignKey(AmbivalenceCross, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()  # 1 for the first text, then one up for every saved change
    topic = models.CharField(max_length=TOPIC_MAX)
    pros_now = models.TextField(blank=True)
    cons_now = models.TextField(blank=True)
    pros_change = models.TextField(blank=True)
    cons_change = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-number", "-id"]
        indexes = [models.Index(fields=["cross", "-number"], name="mitools_crossrev_cross_num")]

    def __str__(self):
        return f"{self.topic[:40]} (utgave {self.number})"

    def quadrants(self) -> list[dict]:
        return [
            {"name": name, "title": title, "text": getattr(self, name)} for name, _key, title, _hint in CROSS_FIELDS
        ]


@dataclass(frozen=True)
class Ruler:
    name: str  # model field
    question: str
    short: str  # in charts and tables
    low: str  # anchor at 0
    high: str  # anchor at 10
    not_lower_label: str
    one_up_label: str


RULERS = (
    Ruler(
        "importance",
        "Hvor viktig er det for deg?",
        "Hvor viktig",
        "ikke viktig",
        "svært viktig",
        "Hvorfor ikke lavere? Hva gjør at det er så viktig for deg som det er?",
        "Hva skal til for å komme ett hakk opp?",
    ),
    Ruler(
        "confidence",
        "Hvor sikker er du på at du får det til, hvis du bestemmer deg for det?",
        "Hvor sikker",
        "ikke sikker",
        "helt sikker",
        "Hvorfor ikke lavere? Hva gjør at du har så mye tro på det som du har?",
        "Hva skal til for å komme ett hakk opp?",
    ),
)
ONE_VALUE_MISSING = _("Velg et tall fra 0 til 10 på minst én av linjalene – du kan godt hoppe over den andre.")
RULER_TEXTS = tuple(f"{ruler.name}_{part}" for ruler in RULERS for part in ("not_lower", "one_up"))


def _in_range_or_empty(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__gte": LOWEST, f"{name}__lte": HIGHEST}),
        name=f"mitools_ruler_{name}_0_10",
        violation_error_message=_("Velg et tall fra 0 til 10."),
    )


class RulerReading(PersonItem):
    """How important a change is to the person, and how sure they are they can make it (0–10),
    with the MI follow-up questions in their own words."""

    audit_type = ObjectType.MI_RULER

    topic = models.CharField(_("det det handler om"), max_length=TOPIC_MAX)
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    importance = models.PositiveSmallIntegerField(_("hvor viktig"), null=True, blank=True)
    confidence = models.PositiveSmallIntegerField(_("hvor sikker"), null=True, blank=True)
    importance_not_lower = models.TextField(_("viktighet: hvorfor ikke lavere?"), blank=True)
    importance_one_up = models.TextField(_("viktighet: hva skal til for ett hakk opp?"), blank=True)
    confidence_not_lower = models.TextField(_("tiltro: hvorfor ikke lavere?"), blank=True)
    confidence_one_up = models.TextField(_("tiltro: hva skal til for ett hakk opp?"), blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["person", "-created"], name="mitools_ruler_person_created")]
        constraints = [
            _in_range_or_empty("importance"),
            _in_range_or_empty("confidence"),
            models.CheckConstraint(
                condition=Q(importance__isnull=False) | Q(confidence__isnull=False),
                name="mitools_ruler_one_value",
                violation_error_message=ONE_VALUE_MISSING,
            ),
        ]

    def __str__(self):
        return self.topic[:60]

    def rulers(self) -> list[dict]:
        """Each ruler with its number and the two follow-up answers, for the templates."""
        return [
            {
                "name": ruler.name,
                "question": ruler.question,
                "short": ruler.short,
                "value": getattr(self, ruler.name),
                "answers": [
                    (ruler.not_lower_label, getattr(self, f"{ruler.name}_not_lower")),
                    (ruler.one_up_label, getattr(self, f"{ruler.name}_one_up")),
                ],
            }
            for ruler in RULERS
        ]
