"""Changes to a person's data. Each one writes its audit row; views call these after
a `people.access` entry point has said yes (with the grant whose basis they record)."""

from datetime import datetime, time

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from accounts.models import Invite
from accounts.sessions import end_sessions
from audit.log import record
from audit.models import Action, Basis
from audit.types import ObjectType
from items.actions import Conflict, lock_person
from people.models import Block, CareRelation, Consent, Handover, Person


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


# ---------------------------------------------------------------- care relations, by the organisation


class CareRelationRefused(ValueError):
    """A care relation that may not be made; the message is for the team leader."""


def _may_follow(person: Person, staff, *, actor) -> None:
    if staff.pk == actor.pk:
        raise CareRelationRefused("Du kan ikke gjøre deg selv til fast kontakt. Be en annen leder om det.")
    if not staff.is_active or not staff.is_staff_role or staff.organisation_id != person.organisation_id:
        raise CareRelationRefused("Velg en ansatt i organisasjonen som har en konto i bruk.")
    if Block.objects.filter(person=person, staff=staff).exists():
        # The person's own no: the leader learns only that it cannot be, not why.
        raise CareRelationRefused(f"{staff.display_name} kan ikke bli fast kontakt for {person.display_name}.")


def start_care_relation(person: Person, staff, *, actor, starts=None) -> CareRelation:
    _may_follow(person, staff, actor=actor)
    if CareRelation.objects.active().filter(person=person, staff=staff).exists():
        raise CareRelationRefused(f"{staff.display_name} er allerede fast kontakt for {person.display_name}.")
    relation = CareRelation.objects.create(person=person, staff=staff, started=starts or timezone.now())
    record(
        actor=actor, action=Action.CREATE, object_type=ObjectType.CARE_RELATION, object_id=relation.pk,
        person=person, basis=Basis.ORGANISATION,
    )  # fmt: skip
    return relation


def end_care_relation(relation: CareRelation, *, actor, ends=None) -> None:
    relation.ended = ends or timezone.now()
    relation.save(update_fields=["ended"])
    record(
        actor=actor, action=Action.UPDATE, object_type=ObjectType.CARE_RELATION, object_id=relation.pk,
        person=relation.person, basis=Basis.ORGANISATION,
    )  # fmt: skip


def hand_over(relation: CareRelation, to_staff, *, starts, note: str, actor) -> Handover:
    """One step: the old care relation ends when the new one starts, and the note, which the person
    reads, says so. Both colleagues and the person see it on their home pages."""
    person = relation.person
    _may_follow(person, to_staff, actor=actor)
    if to_staff.pk == relation.staff_id:
        raise CareRelationRefused("Velg en annen enn den som er fast kontakt nå.")
    # The change happens at the start of that day, or now if that is today.
    moment = max(timezone.make_aware(datetime.combine(starts, time.min)), timezone.now())
    with transaction.atomic():
        handover = Handover.objects.create(
            person=person, from_staff=relation.staff, to_staff=to_staff, starts=starts, note=note.strip(),
            created_by=actor,
        )  # fmt: skip
        if not CareRelation.objects.active().filter(person=person, staff=to_staff).exists():
            start_care_relation(person, to_staff, actor=actor, starts=moment)
        end_care_relation(relation, actor=actor, ends=moment)
        record(
            actor=actor, action=Action.CREATE, object_type=ObjectType.HANDOVER, object_id=handover.pk,
            person=person, basis=Basis.ORGANISATION,
        )  # fmt: skip
    return handover


def add_person(organisation, display_name: str, *, actor) -> Person:
    """A new person in the organisation, by name: they get their own login later, by invitation."""
    person = Person.objects.create(organisation=organisation, display_name=display_name.strip())
    record(actor=actor, action=Action.CREATE, object_type=ObjectType.PERSON, object_id=person.pk, person=person,
           basis=Basis.ORGANISATION)  # fmt: skip
    return person
