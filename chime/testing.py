"""For the shared tests (tests/world.py): a CHIME self-rating with a canary in every free text,
and a fresh one that a delete test may remove."""

from chime.models import KEYS, ChimeRating


def ratings_models() -> set:
    """The models `plant_ratings` covers (for CANARY_PLANTERS)."""
    return {ChimeRating}


def _common(person) -> dict:
    author = person.user
    return {"person": person, "created_by": author, "updated_by": author}


def plant_ratings(person, canary: str) -> dict:
    values = {key: (index * 2 + 1) for index, key in enumerate(KEYS)}
    comments = {f"{key}_comment": f"Om {key}: {canary}" for key in KEYS}
    rating = ChimeRating.objects.create(note=f"Notat {canary}", **values, **comments, **_common(person))
    return {"chime_rating": rating.pk}


def fresh_chime_rating(person) -> dict:
    """A rating of `person` that may be deleted; the URL parameter name with its id."""
    rating = ChimeRating.objects.create(**dict.fromkeys(KEYS, 5), **_common(person))
    return {"item_id": rating.pk}
