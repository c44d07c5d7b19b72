"""Changes to the organisation's own crisis numbers, each with its audit row."""

from django.db import transaction
from django.db.models import F

from audit.log import record
from audit.models import Action, Basis
from crisis.models import OrganisationContact
from items.actions import Conflict


def _audit(action, contact, actor):
    record(
        actor=actor,
        action=action,
        object_type=OrganisationContact.audit_type,
        object_id=contact.pk,
        basis=Basis.ORGANISATION,
        organisation_id=contact.organisation_id,
    )


@transaction.atomic
def add_number(organisation_id: int, *, actor, name: str, number: str, when: str = "") -> OrganisationContact:
    last = OrganisationContact.objects.filter(organisation_id=organisation_id).order_by("-order").first()
    contact = OrganisationContact.objects.create(
        organisation_id=organisation_id,
        name=name,
        number=number,
        when=when,
        order=(last.order + 1) if last else 0,
        updated_by=actor,
    )
    _audit(Action.CREATE, contact, actor)
    return contact


@transaction.atomic
def change_number(contact: OrganisationContact, expected_version, *, actor, **fields) -> OrganisationContact:
    changed = OrganisationContact.objects.filter(pk=contact.pk, version=expected_version).update(
        **fields, version=F("version") + 1, updated_by=actor
    )
    if not changed:
        raise Conflict(OrganisationContact.objects.get(pk=contact.pk))
    contact.refresh_from_db()
    _audit(Action.UPDATE, contact, actor)
    return contact


@transaction.atomic
def remove_number(contact: OrganisationContact, *, actor) -> None:
    _audit(Action.DELETE, contact, actor)
    contact.delete()
