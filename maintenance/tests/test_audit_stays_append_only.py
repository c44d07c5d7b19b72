"""Retention has one way to delete audit rows; everything else is still refused – by the
application everywhere, and on PostgreSQL by the database (UPDATE always)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from audit.log import record
from audit.models import AppendOnlyError, AuditEvent
from maintenance.audit_retention import PURGE_SETTING, purge

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the trigger is PostgreSQL's; SQLite relies on the application"
)


@pytest.fixture
def events(alice):
    old = AuditEvent.objects.create(
        at=timezone.now() - timedelta(days=settings.AUDIT_RETENTION_DAYS + 1), action="read", object_type="person"
    )
    return old, record(actor=alice, action="read", object_type="person", object_id=1)


def refused(sql, params=None):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_after_a_purge_the_application_still_refuses_to_change_or_delete(events):
    _old, live = events
    purge()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=live.pk).update(action="update")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.get(pk=live.pk).delete()
    assert AuditEvent.objects.get(pk=live.pk).action == "read"


@postgres_only
@pytest.mark.parametrize("sql", ["UPDATE audit_auditevent SET action = 'update'", "DELETE FROM audit_auditevent"])
def test_after_a_purge_the_database_still_refuses_plain_update_and_delete(events, sql):
    _old, live = events
    assert purge().old_rows == 1  # the purge went through the trigger...
    refused(sql)  # ...and in the same transaction a plain statement is refused again
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting(%s, true)", [PURGE_SETTING])
        assert cursor.fetchone()[0] == "off"
    assert AuditEvent.objects.get(pk=live.pk).action == "read"


@postgres_only
def test_update_is_refused_even_on_the_purge_path(events):
    _old, live = events
    with (
        pytest.raises(DatabaseError, match="append-only: UPDATE"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("SELECT set_config(%s, 'on', true)", [PURGE_SETTING])
        cursor.execute("UPDATE audit_auditevent SET action = 'update'")
    assert AuditEvent.objects.get(pk=live.pk).action == "read"


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_the_purge_switch_ends_with_its_transaction(alice):
    record(actor=alice, action="read", object_type="person", object_id=1)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, 'on', true)", [PURGE_SETTING])
    refused("DELETE FROM audit_auditevent")  # the next transaction is refused again
    # Anything but 'on' does not open the path.
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config(%s, 'yes', true)", [PURGE_SETTING])
        cursor.execute("DELETE FROM audit_auditevent")
    assert AuditEvent.objects.count() == 1


def test_a_purge_that_fails_half_way_deletes_nothing_and_leaves_the_path_closed(events, monkeypatch):
    from maintenance import audit_retention as retention

    real = retention._delete

    def delete_then_fail(cursor, where, params):
        real(cursor, where, params)
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(retention, "_delete", delete_then_fail)
    with pytest.raises(RuntimeError):
        purge()
    assert AuditEvent.objects.count() == 2  # the deleted old row is back (rolled back)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT current_setting(%s, true)", [PURGE_SETTING])
            assert cursor.fetchone()[0] != "on"
        refused("DELETE FROM audit_auditevent")
