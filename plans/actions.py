"""Changes to the plan that need more than items/actions.py's versioned, audited create,
update and delete: the resource map keeps every change as history, a step or a 24-hour goal
is ticked off, and the plan for hard days is made once and written part by part."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from audit.models import Action
from items import actions as items
from items.actions import Conflict
from plans.models import CrisisPlan, CrisisPlanPart, DayGoal, ResourceChange, ResourceEntry, Step

__all__ = ["Conflict", "create_resource", "update_resource", "remove_resource", "set_done", "crisis_plan_for"]


def _remember(entry: ResourceEntry, kind, actor) -> None:
    """The resource map keeps every change, so the person can see how it has grown."""
    ResourceChange.objects.create(
        person_id=entry.person_id, entry=entry, kind=kind, category=entry.category, text=entry.text, by=actor
    )


@transaction.atomic
def create_resource(model, person, *, actor, basis, **fields) -> ResourceEntry:
    entry = items.create(model, person, actor=actor, basis=basis, **fields)
    _remember(entry, ResourceChange.Kind.ADDED, actor)
    return entry


@transaction.atomic
def update_resource(entry: ResourceEntry, expected_version: int | None, *, actor, basis, **fields) -> ResourceEntry:
    entry = items.update(entry, expected_version, actor=actor, basis=basis, **fields)
    _remember(entry, ResourceChange.Kind.CHANGED, actor)
    return entry


@transaction.atomic
def remove_resource(entry: ResourceEntry, *, actor, basis) -> None:
    """The map remembers: a removed resource leaves the map and stays in its history."""
    items.audit(Action.DELETE, entry, actor=actor, basis=basis)
    now = timezone.now()
    ResourceEntry.objects.filter(pk=entry.pk).update(
        removed=now, updated_by=actor, updated=now, version=F("version") + 1
    )
    _remember(entry, ResourceChange.Kind.REMOVED, actor)


@transaction.atomic
def set_done(obj: Step | DayGoal, done: bool, *, actor, basis):
    """Tick a step or a 24-hour goal off, or back on; it counts as a save like any other."""
    now = timezone.now()
    fields = {"done_at": now if done else None, "version": F("version") + 1, "updated_by": actor, "updated": now}
    if isinstance(obj, Step):
        fields["done_by"] = actor if done else None
    type(obj).objects.filter(pk=obj.pk).update(**fields)
    obj.refresh_from_db()
    items.audit(Action.UPDATE, obj, actor=actor, basis=basis)
    return obj


@transaction.atomic
def crisis_plan_for(person, *, actor, basis, **fields) -> tuple[CrisisPlan, bool]:
    """The person's crisis plan and whether this call made it (with `fields`, audited): the
    first save of the plan, or the first sign or contact, whichever comes first. The person's
    row is locked, so two first saves at once make one plan."""
    items.lock_person(person)
    existing = CrisisPlan.objects.filter(person=person).first()
    if existing is not None:
        return existing, False
    return items.create(CrisisPlan, person, actor=actor, basis=basis, **fields), True


@transaction.atomic
def save_crisis_part(person, key: str, text: str, expected_version: int | None, *, actor, basis) -> CrisisPlanPart:
    """Write one part of the plan for hard days. Each part has its own version, so the person
    and the practitioner can write different parts at the same time. The first text of a part
    is created; after that a form must show it saw the latest text (else `Conflict`)."""
    plan, _made = crisis_plan_for(person, actor=actor, basis=basis)  # locks the person's row
    part = CrisisPlanPart.objects.filter(plan=plan, key=key).first()
    if part is None:
        return items.create(CrisisPlanPart, person, actor=actor, basis=basis, plan=plan, key=key, text=text)
    return items.update(part, expected_version, actor=actor, basis=basis, text=text)


def move_crisis_part(plan: CrisisPlan, key: str, direction: int, expected_version: int | None, *, actor, basis):
    """One part one place up (-1) or down (+1) in the person's order; `Conflict` if the order
    was changed by someone else since the page was shown."""
    from plans.safety_plan import moved

    return items.update(
        plan, expected_version, actor=actor, basis=basis, part_order=moved(plan.part_order, key, direction)
    )
