"""Changes to the MI tools. Create, update and delete go through items.actions (versioned and
audited); this adds what the cross needs on top: every saved state is kept as a revision.
Both are the cross's `create` and `update` in mitools/kinds.py."""

from django.db import transaction

from items import actions
from items.actions import Conflict
from mitools.models import CROSS_TEXTS, AmbivalenceCross, CrossRevision

__all__ = ["Conflict", "create_cross", "update_cross"]


def _snapshot(cross) -> dict:
    return {"topic": cross.topic, **{name: getattr(cross, name) for name in CROSS_TEXTS}}


def _keep_revision(cross, actor) -> CrossRevision | None:
    last = cross.revisions.order_by("-number").first()
    state = _snapshot(cross)
    if last is not None and _snapshot(last) == state:
        return None
    return CrossRevision.objects.create(
        person_id=cross.person_id, cross=cross, number=(last.number + 1) if last else 1, by=actor, **state
    )


@transaction.atomic
def create_cross(model, person, *, actor, basis, **fields) -> AmbivalenceCross:
    """items.actions.create, and the first saved state kept as a revision."""
    cross = actions.create(model, person, actor=actor, basis=basis, **fields)
    _keep_revision(cross, actor)
    return cross


@transaction.atomic
def update_cross(cross, expected_version, *, actor, basis, **fields) -> AmbivalenceCross:
    """Saves only if nobody saved since the form was opened (else `Conflict`); keeps the new
    state as a revision, so the earlier text is never lost."""
    cross = actions.update(cross, expected_version, actor=actor, basis=basis, **fields)
    _keep_revision(cross, actor)
    return cross
