"""Changes to CHIME self-ratings. Creating and deleting go through items.actions (audited);
this only adds a guard against the same rating being saved twice by a double submit."""

from chime.models import ChimeRating
from items import actions


def create_rating(person, *, actor, basis, **fields) -> tuple[ChimeRating, bool]:
    """The new rating and True, or – when the very same rating was just saved by the same
    person (a double tap, a resent form) – that one and False."""
    return actions.create_once(ChimeRating, person, actor=actor, basis=basis, **fields)
