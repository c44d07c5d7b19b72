"""The audit trail can be added to, never changed or removed: by the application, and on
PostgreSQL by the database itself."""

import pytest
from django.db import DatabaseError, connection, transaction

from audit.log import record
from audit.models import AppendOnlyError, AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(alice):
    return record(actor=alice, action="read", object_type="person", object_id=1)


def test_a_saved_event_cannot_be_changed_or_deleted(event):
    event.action = "update"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).action == "read"


def test_bulk_changes_are_refused(event):
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="update")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger is PostgreSQL's; SQLite relies on the application"
)
@pytest.mark.parametrize("sql", ["UPDATE audit_auditevent SET action = 'update'", "DELETE FROM audit_auditevent"])
def test_the_database_refuses_update_and_delete(event, sql):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEvent.objects.get(pk=event.pk).action == "read"


def test_rows_hold_no_content_only_ids_and_codes(alice, charlie_person):
    row = record(actor=alice, action="read", object_type="about", person=charlie_person, basis="relation")
    assert (row.actor_id, row.actor_name, row.actor_role) == (alice.pk, "Alice Aas", "fagperson")
    assert (row.person_id, row.organisation_id) == (charlie_person.pk, charlie_person.organisation_id)
    assert row.at.tzinfo is not None and row.at.utcoffset().total_seconds() == 0  # stored in UTC
