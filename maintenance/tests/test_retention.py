"""Retention with a frozen clock: what is older than the cut-off goes (0 expired rows left),
what is newer stays (0 live rows deleted), and a dry run only counts."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command

from accounts.models import Attempt, Invite, ResetLink
from audit.log import record
from audit.models import AuditEvent
from conversations.models import Conversation, EvaluationLink
from maintenance.audit_retention import purge
from maintenance.retention import run
from people.actions import erase_person
from people.models import Person

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
SECOND = timedelta(seconds=1)


def at(moment):
    return time_machine.travel(moment, tick=False)


def audit_cutoff():
    return NOW - timedelta(days=settings.AUDIT_RETENTION_DAYS)


def row(moment, **fields):
    return AuditEvent.objects.create(at=moment, action="read", object_type="person", **fields)


def retention_rows():
    return AuditEvent.objects.filter(object_type__in=["audit_retention", "audit_retention_erased", "link_retention"])


def test_audit_rows_older_than_the_cut_off_go_and_newer_ones_stay():
    cutoff = audit_cutoff()
    expired = [row(cutoff - timedelta(days=400)), row(cutoff - SECOND)]
    live = [row(cutoff), row(cutoff + SECOND), row(NOW - timedelta(days=1))]
    with at(NOW):
        result = purge()
    assert result.old_rows == 2
    assert not AuditEvent.objects.filter(pk__in=[r.pk for r in expired]).exists()
    assert AuditEvent.objects.filter(at__lt=cutoff).count() == 0  # 0 expired rows left
    assert set(AuditEvent.objects.filter(pk__in=[r.pk for r in live]).values_list("pk", flat=True)) == {
        r.pk for r in live
    }  # 0 live rows deleted


def test_the_purge_leaves_a_row_saying_what_went():
    row(audit_cutoff() - SECOND)
    with at(NOW):
        call_command("retention", stdout=StringIO())
    summary = retention_rows().get(object_type="audit_retention")
    assert summary.object_id == f"rows=1 before={audit_cutoff():%Y%m%dT%H%M%SZ}"
    assert (summary.action, summary.actor_role, summary.actor_id, summary.person_id) == ("delete", "system", None, None)
    assert summary.at == NOW
    erased = retention_rows().get(object_type="audit_retention_erased")
    assert erased.object_id.startswith("persons=0 rows=0 erased-before=")


def test_a_dry_run_counts_but_deletes_nothing(alice, charlie_person):
    cutoff = audit_cutoff()
    row(cutoff - SECOND)
    row(cutoff + SECOND)
    with at(NOW - timedelta(days=settings.ERASED_PERSON_RETENTION_DAYS + 1)):
        erase_person(charlie_person, actor=alice, basis="organisation")
    before = list(AuditEvent.objects.order_by("pk").values())
    out = StringIO()
    with at(NOW):
        call_command("retention", "--dry-run", stdout=out)
        counted = run(dry_run=True)
    assert list(AuditEvent.objects.order_by("pk").values()) == before  # nothing deleted, nothing written
    assert "Ville slettet 1 loggrader eldre enn" in out.getvalue()
    assert "Prøvekjøring: ingenting er slettet." in out.getvalue()
    with at(NOW):
        done = run()
    assert (counted.audit.old_rows, counted.audit.erased_persons, counted.audit.erased_rows) == (
        done.audit.old_rows,
        done.audit.erased_persons,
        done.audit.erased_rows,
    )
    assert (done.audit.old_rows, done.audit.erased_persons) == (1, 1) and done.audit.erased_rows >= 1


def test_what_remains_of_an_erased_person_goes_when_its_time_has_come(
    alice, bob, charlie, charlie_person, organisation
):
    erased_at = NOW - timedelta(days=settings.ERASED_PERSON_RETENTION_DAYS)
    other = Person.objects.create(organisation=organisation, display_name="Dina")
    recently_erased = Person.objects.create(organisation=organisation, display_name="Eli")
    with at(erased_at - timedelta(days=30)):
        record(actor=alice, action="read", object_type="person", person=charlie_person, basis="relation")
        record(actor=charlie, action="read", object_type="plan", person=charlie_person, basis="self")
        record(actor=charlie, action="totp_failed", object_type="account", object_id=charlie.pk)  # no person id
        record(actor=charlie, action="denied", object_type="person", person=other, basis="none")  # Dina's trail
        record(actor=alice, action="read", object_type="person", person=other, basis="relation")
        record(actor=bob, action="read", object_type="person_list")
    person_id, user_id, recent_id = charlie_person.pk, charlie.pk, recently_erased.pk
    with at(erased_at - SECOND):  # just before the cut-off
        erase_person(charlie_person, actor=charlie, basis="self")
    with at(erased_at + SECOND):  # just after it
        erase_person(recently_erased, actor=alice, basis="organisation")
    charlie_rows = set(AuditEvent.objects.filter(person_id=person_id).values_list("pk", flat=True)) | set(
        AuditEvent.objects.filter(actor_id=user_id, person_id__isnull=True).values_list("pk", flat=True)
    )
    assert len(charlie_rows) == 4
    others = set(AuditEvent.objects.values_list("pk", flat=True)) - charlie_rows

    with at(NOW - 2 * SECOND):  # not yet: the erasure is not old enough
        assert purge().erased_rows == 0
    others |= set(retention_rows().values_list("pk", flat=True))
    assert set(AuditEvent.objects.values_list("pk", flat=True)) == charlie_rows | others

    with at(NOW):
        result = purge()
    assert (result.erased_persons, result.erased_rows) == (1, 4)
    assert not AuditEvent.objects.filter(pk__in=charlie_rows).exists()  # 0 expired rows left
    assert others <= set(AuditEvent.objects.values_list("pk", flat=True))  # 0 live rows deleted
    # Dina's trail still shows that someone was stopped; the recently erased person's trail waits.
    assert AuditEvent.objects.filter(person_id=other.pk, action="denied").exists()
    assert AuditEvent.objects.filter(person_id=recent_id, action="erase").exists()


def test_a_person_who_still_exists_is_never_purged_as_erased(alice, charlie_person):
    # An "erase" row for someone who is still there (it cannot normally happen) removes nothing.
    with at(NOW - timedelta(days=settings.ERASED_PERSON_RETENTION_DAYS + 10)):
        record(actor=alice, action="erase", object_type="person", person=charlie_person, basis="organisation")
    with at(NOW):
        assert purge().erased_persons == 0
    assert AuditEvent.objects.filter(person_id=charlie_person.pk).count() == 1


@pytest.mark.parametrize("model", [Invite, EvaluationLink])
def test_used_or_expired_links_go_after_a_while_and_usable_ones_stay(model, alice, charlie_person):
    cutoff = NOW - timedelta(days=settings.LINK_RETENTION_DAYS)
    conversation = Conversation.objects.create(person=charlie_person, created_by=alice, updated_by=alice)

    def link(n, *, expires, used=None):
        extra = {"conversation": conversation} if model is EvaluationLink else {}
        return model.objects.create(
            person=charlie_person, token_hash=f"{n:064d}", created_by=alice, expires=expires, used=used, **extra
        )

    expired = [
        link(1, expires=cutoff - SECOND),  # ran out unused, long ago
        link(2, expires=NOW + timedelta(days=3), used=cutoff - SECOND),  # used long ago
    ]
    live = [
        link(3, expires=cutoff + SECOND),  # ran out recently: "expired" is still the message
        link(4, expires=NOW + timedelta(days=3), used=cutoff + SECOND),  # used recently
        link(5, expires=NOW + timedelta(days=3)),  # still usable
    ]
    with at(NOW):
        report = run()
    assert (report.invites, report.evaluation_links) == ((2, 0) if model is Invite else (0, 2))
    assert not model.objects.filter(pk__in=[x.pk for x in expired]).exists()
    assert model.objects.filter(pk__in=[x.pk for x in live]).count() == 3
    summary = retention_rows().get(object_type="link_retention")
    assert summary.object_id.startswith(
        "invites=2 evaluation-links=0" if model is Invite else "invites=0 evaluation-links=2"
    )


def test_used_or_expired_reset_links_go_after_a_while_and_usable_ones_stay(alice):
    cutoff = NOW - timedelta(days=settings.LINK_RETENTION_DAYS)

    def link(n, *, expires, used=None):
        return ResetLink.objects.create(
            user=alice, token_hash=f"{n:064d}", short_hash=f"{n:063d}s", created_by=alice, expires=expires, used=used
        )

    expired = [link(1, expires=cutoff - SECOND), link(2, expires=NOW + timedelta(days=1), used=cutoff - SECOND)]
    live = [
        link(3, expires=cutoff + SECOND),  # ran out recently: «har gått ut» is still the message
        link(4, expires=NOW + timedelta(days=1), used=cutoff + SECOND),  # used recently: «allerede brukt»
        link(5, expires=NOW + timedelta(days=1)),  # still usable
    ]
    with at(NOW):
        assert run(dry_run=True).reset_links == 2
        assert ResetLink.objects.count() == 5  # a dry run only counts
        report = run()
    assert (report.reset_links, report.invites, report.evaluation_links) == (2, 0, 0)
    assert not ResetLink.objects.filter(pk__in=[x.pk for x in expired]).exists()
    assert ResetLink.objects.filter(pk__in=[x.pk for x in live]).count() == 3
    summary = retention_rows().get(object_type="link_retention")
    assert summary.object_id == f"reset-links=2 before={cutoff:%Y%m%dT%H%M%SZ}"


def test_counted_tries_go_once_they_count_for_nothing():
    cutoff = NOW - settings.ATTEMPT_RETENTION
    assert max(settings.SHORT_CODE_COOLOFF, settings.RESET_MAIL_WINDOW) <= settings.ATTEMPT_RETENTION

    def tried(moment):
        return Attempt.objects.create(kind="short_code", key="k" * 64, at=moment)

    old = [tried(cutoff - timedelta(days=3)), tried(cutoff - SECOND)]
    recent = [tried(cutoff), tried(cutoff + SECOND), tried(NOW - timedelta(minutes=1))]
    with at(NOW):
        assert run(dry_run=True).attempts == 2
        report = run()
    assert report.attempts == 2
    assert not Attempt.objects.filter(pk__in=[x.pk for x in old]).exists()
    assert Attempt.objects.filter(pk__in=[x.pk for x in recent]).count() == 3
    assert not retention_rows().filter(object_type="link_retention").exists()  # counters are nobody's data
