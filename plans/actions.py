"""Every change to a person's items – the plan, and the conversation tools built on it:
versioned (no silent overwrite) and audited.

Models outside this app use these functions too; they name their audit object type in a
class attribute `audit_type`.

`update` saves only if nobody else has saved the item since it was read (the version
column); otherwise it raises `Conflict` carrying what is saved now, so the page can show
both texts and keep what was typed.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from audit.log import record
from audit.models import Action
from people.models import Person
from plans.models import (
    CrisisContact,
    CrisisPlan,
    CrisisPlanPart,
    DayGoal,
    Goal,
    NetworkEntry,
    ResourceChange,
    ResourceEntry,
    Step,
    SubGoal,
    WarningSign,
    WeekActivity,
    Win,
)

OBJECT_TYPES = {
    Goal: "goal",
    SubGoal: "subgoal",
    Step: "step",
    Win: "win",
    DayGoal: "day_goal",
    ResourceEntry: "resource",
    NetworkEntry: "network",
    CrisisPlan: "crisis_plan",
    WarningSign: "warning_sign",
    CrisisContact: "crisis_contact",
    WeekActivity: "week",
}


@dataclass
class Conflict(Exception):
    """Someone else saved first; `current` is the item as it is saved now."""

    current: object


def object_type_of(obj) -> str:
    return OBJECT_TYPES.get(type(obj)) or type(obj).audit_type


def audit(action, obj, *, actor, basis):
    record(
        actor=actor,
        action=action,
        object_type=object_type_of(obj),
        object_id=obj.pk,
        person_id=obj.person_id,
        basis=basis,
        organisation_id=actor.organisation_id,
    )


def _remember(entry: ResourceEntry, kind, actor) -> None:
    """The resource map keeps every change, so the person can see how it has grown."""
    ResourceChange.objects.create(
        person_id=entry.person_id, entry=entry, kind=kind, category=entry.category, text=entry.text, by=actor
    )


@transaction.atomic
def create(model, person, *, actor, basis, **fields):
    obj = model.objects.create(person=person, created_by=actor, updated_by=actor, **fields)
    if model is ResourceEntry:
        _remember(obj, ResourceChange.Kind.ADDED, actor)
    audit(Action.CREATE, obj, actor=actor, basis=basis)
    return obj


DOUBLE_SUBMIT_WINDOW = timedelta(minutes=2)


@transaction.atomic
def create_once(model, person, *, actor, basis, window=DOUBLE_SUBMIT_WINDOW, **fields):
    """(item, True) – or (the same item, False) when this actor saved the very same one for
    this person within `window`: a double tap or a resent form saves once. The person's row
    is locked meanwhile, so two sends at the same moment cannot both pass the check."""
    Person.objects.select_for_update().filter(pk=person.pk).first()
    recent = model.objects.filter(person=person, created_by=actor, created__gte=timezone.now() - window, **fields)
    if any(f.name == "removed" for f in model._meta.fields):
        recent = recent.filter(removed__isnull=True)  # taken away and added again: that is meant
    same = recent.order_by("-created").first()
    if same is not None:
        return same, False
    return create(model, person, actor=actor, basis=basis, **fields), True


@transaction.atomic
def update(obj, expected_version: int | None, *, actor, basis, **fields):
    """Save `fields` if the item is still at `expected_version`. A form that sent no version
    cannot show it saw the latest text: that is a conflict too, never a blind overwrite."""
    model = type(obj)
    if expected_version is None:
        raise Conflict(current=model.objects.get(pk=obj.pk))
    changed = model.objects.filter(pk=obj.pk, version=expected_version).update(
        **fields, version=F("version") + 1, updated_by=actor, updated=timezone.now()
    )
    if not changed:
        raise Conflict(current=model.objects.get(pk=obj.pk))
    obj.refresh_from_db()
    if model is ResourceEntry:
        _remember(obj, ResourceChange.Kind.CHANGED, actor)
    audit(Action.UPDATE, obj, actor=actor, basis=basis)
    return obj


@transaction.atomic
def delete(obj, *, actor, basis):
    audit(Action.DELETE, obj, actor=actor, basis=basis)
    if isinstance(obj, ResourceEntry):
        # The map remembers: a removed resource stays in its history.
        now = timezone.now()
        ResourceEntry.objects.filter(pk=obj.pk).update(
            removed=now, updated_by=actor, updated=now, version=F("version") + 1
        )
        _remember(obj, ResourceChange.Kind.REMOVED, actor)
        return
    obj.delete()


@transaction.atomic
def set_done(obj: Step | DayGoal, done: bool, *, actor, basis):
    """Tick a step or a 24-hour goal off, or back on; it counts as a save like any other."""
    now = timezone.now()
    fields = {"done_at": now if done else None, "version": F("version") + 1, "updated_by": actor, "updated": now}
    if isinstance(obj, Step):
        fields["done_by"] = actor if done else None
    type(obj).objects.filter(pk=obj.pk).update(**fields)
    obj.refresh_from_db()
    audit(Action.UPDATE, obj, actor=actor, basis=basis)
    return obj


@transaction.atomic
def crisis_plan_for(person, *, actor, basis, **fields) -> tuple[CrisisPlan, bool]:
    """The person's crisis plan and whether this call made it (with `fields`, audited): the
    first save of the plan, or the first sign or contact, whichever comes first. The person's
    row is locked, so two first saves at once make one plan."""
    Person.objects.select_for_update().filter(pk=person.pk).first()
    existing = CrisisPlan.objects.filter(person=person).first()
    if existing is not None:
        return existing, False
    return create(CrisisPlan, person, actor=actor, basis=basis, **fields), True


@transaction.atomic
def save_crisis_part(person, key: str, text: str, expected_version: int | None, *, actor, basis) -> CrisisPlanPart:
    """Write one part of the plan for hard days. Each part has its own version, so the person
    and the practitioner can write different parts at the same time. The first text of a part
    is created; after that a form must show it saw the latest text (else `Conflict`)."""
    plan, _made = crisis_plan_for(person, actor=actor, basis=basis)  # locks the person's row
    part = CrisisPlanPart.objects.filter(plan=plan, key=key).first()
    if part is None:
        return create(CrisisPlanPart, person, actor=actor, basis=basis, plan=plan, key=key, text=text)
    return update(part, expected_version, actor=actor, basis=basis, text=text)


def move_crisis_part(plan: CrisisPlan, key: str, direction: int, expected_version: int | None, *, actor, basis):
    """One part one place up (-1) or down (+1) in the person's order; `Conflict` if the order
    was changed by someone else since the page was shown."""
    from plans.safety_plan import moved

    return update(plan, expected_version, actor=actor, basis=basis, part_order=moved(plan.part_order, key, direction))
