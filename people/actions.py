"""Changes to a person's data. Each one writes its audit row; views call these after
a `people.access` entry point has said yes (with the grant whose basis they record)."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import Invite
from accounts.sessions import end_sessions
from audit.log import record
from audit.models import Action
from audit.types import ObjectType
from items.actions import Conflict, lock_person
from people.models import Block, Consent, Person


def update_about(person: Person, text: str, expected_version: int, *, actor, basis) -> Person:
    updated = Person.objects.filter(pk=person.pk, about_version=expected_version).update(
        about=text, about_version=F("about_version") + 1
    )
    if not updated:
        current = Person.objects.get(pk=person.pk)
        raise Conflict(current=current)
    record(actor=actor, action=Action.UPDATE, object_type=ObjectType.ABOUT, person=person, basis=basis)
    person.refresh_from_db(fields=["about", "about_version"])
    return person


@transaction.atomic
def give_consent(person: Person, team, valid_until, *, actor, basis) -> tuple[Consent, bool]:
    """(the consent, whether it is new). One open consent per person and team: giving it again
    moves the end date of the open one instead of adding a second. One that has run out is
    closed at the end of its last day and a new one begins, so the history keeps the gap when
    the team could not see the plan. The person's row is locked: two sends at once make one."""
    lock_person(person)
    consent = Consent.objects.filter(person=person, team=team, withdrawn__isnull=True).first()
    if consent is not None and not consent.is_active:
        Consent.objects.filter(pk=consent.pk).update(withdrawn=consent.ran_out_at)
        _audit_consent(Action.UPDATE, consent.pk, person, actor=actor, basis=basis)
        consent = None
    if consent is None:
        consent = Consent.objects.create(person=person, team=team, valid_until=valid_until)
        action, new = Action.CREATE, True
    else:
        Consent.objects.filter(pk=consent.pk).update(valid_until=valid_until)
        consent.valid_until = valid_until
        action, new = Action.UPDATE, False
    _audit_consent(action, consent.pk, person, actor=actor, basis=basis)
    return consent, new


def _audit_consent(action, consent_id, person, *, actor, basis) -> None:
    record(actor=actor, action=action, object_type=ObjectType.CONSENT, object_id=consent_id, person=person, basis=basis)


@transaction.atomic
def withdraw_consent(person: Person, team, *, actor, basis) -> int:
    """End the person's consent to `team`, every open row of it, at once. How many were open."""
    lock_person(person)
    open_ids = list(
        Consent.objects.filter(person=person, team=team, withdrawn__isnull=True).values_list("pk", flat=True)
    )
    Consent.objects.filter(pk__in=open_ids).update(withdrawn=timezone.now())
    for pk in open_ids:
        _audit_consent(Action.UPDATE, pk, person, actor=actor, basis=basis)
    return len(open_ids)


def block_staff(person: Person, staff, *, actor, basis) -> tuple[Block, bool]:
    """(the block, whether it is new): blocking twice is one block, and one line in the log."""
    block, created = Block.objects.get_or_create(person=person, staff=staff)
    if created:
        record(
            actor=actor,
            action=Action.CREATE,
            object_type=ObjectType.BLOCK,
            object_id=block.pk,
            person=person,
            basis=basis,
        )
    return block, created


def unblock(block: Block, *, actor, basis) -> None:
    person = block.person
    record(
        actor=actor, action=Action.DELETE, object_type=ObjectType.BLOCK, object_id=block.pk, person=person, basis=basis
    )
    block.delete()


def create_invite(person: Person, *, actor, basis) -> tuple[str, str]:
    """(token, short code) of a fresh one-time link; earlier unused links for the person stop working."""
    Invite.objects.filter(person=person, used__isnull=True).update(expires=timezone.now())
    invite, token = Invite.create_for(person, created_by=actor)
    record(
        actor=actor,
        action=Action.CREATE,
        object_type=ObjectType.INVITE,
        object_id=invite.pk,
        person=person,
        basis=basis,
    )
    return token, invite.short_code


@transaction.atomic
def erase_person(person: Person, *, actor, basis) -> None:
    """Right to erasure: the person and everything linked to them, their login included.

    The audit trail stays (it holds ids and codes, not content) and records the erasure.
    """
    record(actor=actor, action=Action.ERASE, object_type=ObjectType.PERSON, person=person, basis=basis)
    user = person.user
    _forget_in_other_logs(person, user)
    person.delete()
    if user is not None:
        end_sessions(user)
        user.delete()


def _forget_in_other_logs(person, user) -> None:
    """Logs kept by Django admin and the lockout can hold the person's name; they go too."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.admin.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    from accounts.models import User

    LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk)).delete()
    if user is not None:
        LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)).delete()
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            model.objects.filter(username=user.username).delete()
