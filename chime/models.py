"""CHIME self-rating over time: how connectedness, hope, identity, meaning and empowerment
feel to the person now, 0–10 each, in our own plain wording, with an optional comment.

A rating is dated (`created`) and never changed afterwards: a new feeling is a new rating,
so the person can look back. There is deliberately no total: the person's own experience
steers, the numbers are not a grade.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from audit.types import ObjectType
from items.models import PersonItem

LOWEST, HIGHEST = 0, 10


@dataclass(frozen=True)
class Element:
    key: str  # content.models.Element.key
    name: str  # the Norwegian name the product uses (content/data/questions/<key>.toml, name_nb)
    question: str  # our own plain wording, for the person


ELEMENTS = (
    Element(
        "connectedness", "Tilhørighet", "Hvor mye kjenner du at du hører til – at du har folk og steder rundt deg?"
    ),
    Element("hope", "Håp", "Hvor mye håp kjenner du nå – at ting kan bli bedre, og at det er noe å se fram til?"),
    Element(
        "identity", "Identitet", "Hvor godt kjenner du deg igjen i deg selv – at du er mer enn det som er vanskelig?"
    ),
    Element("meaning", "Mening", "Hvor mye mening kjenner du i hverdagen – at det du gjør, betyr noe for deg?"),
    Element(
        "empowerment",
        "Å bestemme selv",  # «Myndiggjøring» is a staff word (language/data/words.toml)
        "Hvor mye kjenner du at du selv bestemmer i livet ditt, og at du får til ting du vil?",
    ),
)
KEYS = tuple(element.key for element in ELEMENTS)


def _in_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{name}__gte": LOWEST, f"{name}__lte": HIGHEST}), name=f"ratings_chime_{name}_0_10"
    )


class ChimeRating(PersonItem):
    audit_type = ObjectType.CHIME_RATING

    connectedness = models.PositiveSmallIntegerField(_("tilhørighet"))
    hope = models.PositiveSmallIntegerField(_("håp"))
    identity = models.PositiveSmallIntegerField(_("identitet"))
    meaning = models.PositiveSmallIntegerField(_("mening"))
    empowerment = models.PositiveSmallIntegerField(_("myndiggjøring"))
    connectedness_comment = models.TextField(_("om tilhørighet"), blank=True)
    hope_comment = models.TextField(_("om håp"), blank=True)
    identity_comment = models.TextField(_("om identitet"), blank=True)
    meaning_comment = models.TextField(_("om mening"), blank=True)
    empowerment_comment = models.TextField(_("om myndiggjøring"), blank=True)
    note = models.TextField(_("noe annet du vil si"), blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        indexes = [models.Index(fields=["person", "-created"], name="ratings_chime_person_created")]
        constraints = [_in_range(key) for key in KEYS]

    def __str__(self):
        return f"Vurdering {self.created:%d.%m.%Y}" if self.created else "Vurdering"

    def values(self) -> list[dict]:
        """Each element with this rating's number and comment, in the product's order."""
        return [
            {
                "key": element.key,
                "name": element.name,
                "value": getattr(self, element.key),
                "comment": getattr(self, f"{element.key}_comment"),
            }
            for element in ELEMENTS
        ]

    @property
    def has_comments(self) -> bool:
        return bool(self.note) or any(getattr(self, f"{key}_comment") for key in KEYS)
