"""For the shared tests (tests/world.py): one of each MI tool for a person with a canary in every
free text, and fresh ones that a delete test may remove."""

from mitools.models import CROSS_TEXTS, RULER_TEXTS, AmbivalenceCross, CrossRevision, RulerReading
from plans.models import Goal


def mitools_models() -> set:
    """The models `plant_mitools` covers (for CANARY_PLANTERS)."""
    return {AmbivalenceCross, CrossRevision, RulerReading}


def _common(person) -> dict:
    author = person.user
    return {"person": person, "created_by": author, "updated_by": author}


def plant_mitools(person, canary: str) -> dict:
    goal = Goal.objects.filter(person=person).first()  # linked when the plan was planted first
    texts = {name: f"{name} {canary}" for name in CROSS_TEXTS}
    cross = AmbivalenceCross.objects.create(topic=f"Tema {canary}", goal=goal, **texts, **_common(person))
    earlier = {name: f"Tidligere {name} {canary}" for name in CROSS_TEXTS}
    CrossRevision.objects.create(
        person=person, cross=cross, number=1, topic=f"Tidligere tema {canary}", by=person.user, **earlier
    )
    CrossRevision.objects.create(person=person, cross=cross, number=2, topic=cross.topic, by=person.user, **texts)
    ruler = RulerReading.objects.create(
        topic=f"Tema {canary}",
        goal=goal,
        importance=7,
        confidence=4,
        **{name: f"{name} {canary}" for name in RULER_TEXTS},
        **_common(person),
    )
    return {"cross": cross.pk, "ruler": ruler.pk}


def fresh_cross(person) -> dict:
    """A cross of `person` that may be deleted; the URL parameter name with its id."""
    return {"item_id": AmbivalenceCross.objects.create(topic="Kan tas bort", **_common(person)).pk}


def fresh_ruler(person) -> dict:
    return {"item_id": RulerReading.objects.create(topic="Kan tas bort", importance=5, **_common(person)).pk}
