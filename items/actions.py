"""Every change to a person's items – the plan, and the conversation tools built on it:
versioned (no silent overwrite) and audited.

`update` saves only if nobody else has saved the item since it was read (the version
column); otherwise it raises `Conflict` carrying what is saved now, so the page can show
both texts and keep what was typed. What one kind of item needs on top (the resource map's
history, a cross's revisions) wraps these functions in that app's own actions module.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from audit.log import record
from audit.models import Action

DOUBLE_SUBMIT_WINDOW = timedelta(minutes=2)


@dataclass
class Conflict(Exception):
    """Someone else saved first; `current` is the item (or the person, for «Om meg») as it is saved now."""

    current: object


def object_type_of(obj) -> str:
    return type(obj).audit_type


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


def lock_person(person) -> None:
    """Lock the person's row: two sends at the same moment wait for each other."""
    type(person).objects.select_for_update().filter(pk=person.pk).first()


@transaction.atomic
def create(model, person, *, actor, basis, **fields):
    obj = model.objects.create(person=person, created_by=actor, updated_by=actor, **fields)
    audit(Action.CREATE, obj, actor=actor, basis=basis)
    return obj


@transaction.atomic
def create_once(model, person, *, actor, basis, window=DOUBLE_SUBMIT_WINDOW, create=create, **fields):
    """(item, True) – or (the same item, False) when this actor saved the very same one for
    this person within `window`: a double tap or a resent form saves once. The person's row
    is locked meanwhile, so two sends at the same moment cannot both pass the check."""
    lock_person(person)
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
    audit(Action.UPDATE, obj, actor=actor, basis=basis)
    return obj


@transaction.atomic
def delete(obj, *, actor, basis):
    audit(Action.DELETE, obj, actor=actor, basis=basis)
    obj.delete()
