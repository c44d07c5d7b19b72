"""Retention of the audit trail: `purge()` is the one way rows ever leave it.

Two kinds of rows expire:

- every row older than `settings.AUDIT_RETENTION_DAYS`;
- what remains of a person who was erased more than `settings.ERASED_PERSON_RETENTION_DAYS`
  ago. `people.actions.erase_person` keeps the person's audit rows (they hold ids and codes,
  never content) and adds an `erase` row with the person's id. What remains is therefore:
  every row with that `person_id` (the erase row included), and the rows the person's own
  login wrote without a person id (wrong one-time codes, forms without a CSRF token,
  refusals in another organisation). That login's id is known from the rows the person
  wrote about themself (`actor_role` "person", basis "self").

Everything else – the model's `delete()`, `AuditQuerySet.delete()`, and on PostgreSQL any
plain `DELETE` (the trigger from migration 0002/0004) – still refuses. On PostgreSQL the
trigger lets a DELETE through only in a transaction that has set
`medvandrer.audit_purge = 'on'` with `SET LOCAL`; only this module does that, and turns it
off again before the transaction ends. UPDATE is never allowed.

Each real purge writes rows of its own (object types "audit_retention" and
"audit_retention_erased") that say what went: counts and cut-offs, nothing else.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Role, User
from audit.log import SYSTEM, record
from audit.models import Action, AuditEvent, Basis
from audit.types import ObjectType
from people.models import Person

PURGE_SETTING = "medvandrer.audit_purge"
BATCH = 500  # ids per statement (SQLite allows at most 32766 parameters)
TABLE = AuditEvent._meta.db_table


@dataclass(frozen=True)
class Purge:
    cutoff: datetime  # rows older than this went
    erased_cutoff: datetime  # persons erased before this had their remaining rows removed
    old_rows: int
    erased_persons: int
    erased_rows: int
    dry_run: bool

    @property
    def total(self) -> int:
        return self.old_rows + self.erased_rows


def cutoffs(now: datetime | None = None) -> tuple[datetime, datetime]:
    now = now or timezone.now()
    return (
        now - timedelta(days=settings.AUDIT_RETENTION_DAYS),
        now - timedelta(days=settings.ERASED_PERSON_RETENTION_DAYS),
    )


def erased_persons(before: datetime) -> list[int]:
    """Ids of persons erased before `before` (and really gone)."""
    return sorted(
        AuditEvent.objects.filter(
            action=Action.ERASE, object_type=ObjectType.PERSON, person_id__isnull=False, at__lt=before
        )
        .exclude(person_id__in=Person.objects.values("pk"))
        .order_by()
        .values_list("person_id", flat=True)
        .distinct()
    )


def their_logins(person_ids: list[int]) -> list[int]:
    """The user ids the erased persons signed in with (the logins are gone too)."""
    found: set[int] = set()
    for batch in _batches(person_ids):
        found.update(
            AuditEvent.objects.filter(
                person_id__in=batch, actor_role=Role.PERSON, basis=Basis.SELF, actor_id__isnull=False
            )
            .exclude(actor_id__in=User.objects.values("pk"))
            .order_by()
            .values_list("actor_id", flat=True)
            .distinct()
        )
    return sorted(found)


def purge(*, now: datetime | None = None, dry_run: bool = False) -> Purge:
    """Delete the expired audit rows (or, with `dry_run`, only count them)."""
    cutoff, erased_cutoff = cutoffs(now)
    with transaction.atomic():
        person_ids = erased_persons(erased_cutoff)
        user_ids = their_logins(person_ids)
        if dry_run:
            old = AuditEvent.objects.filter(at__lt=cutoff).count()
            theirs = sum(
                AuditEvent.objects.filter(at__gte=cutoff, person_id__in=batch).count() for batch in _batches(person_ids)
            ) + sum(
                AuditEvent.objects.filter(at__gte=cutoff, person_id__isnull=True, actor_id__in=batch).count()
                for batch in _batches(user_ids)
            )
            return Purge(cutoff, erased_cutoff, old, len(person_ids), theirs, dry_run=True)

        since = connection.ops.adapt_datetimefield_value(cutoff)  # as the ORM stores it (SQLite: naive UTC text)
        with connection.cursor() as cursor:
            # If a statement fails, the transaction rolls back, and the switch with it.
            _allow(cursor, True)
            old = _delete(cursor, "at < %s", [since])
            theirs = 0
            for batch in _batches(person_ids):
                theirs += _delete(cursor, f"at >= %s AND person_id IN ({_marks(batch)})", [since, *batch])
            for batch in _batches(user_ids):
                theirs += _delete(
                    cursor, f"at >= %s AND person_id IS NULL AND actor_id IN ({_marks(batch)})", [since, *batch]
                )
            _allow(cursor, False)
        result = Purge(cutoff, erased_cutoff, old, len(person_ids), theirs, dry_run=False)
        _record(result)
    return result


def _allow(cursor, on: bool) -> None:
    """On PostgreSQL the trigger lets DELETE through only while this is on, in this transaction."""
    if connection.vendor != "postgresql":
        return
    if not connection.in_atomic_block:
        raise RuntimeError("The audit purge must run inside a transaction.")
    cursor.execute("SELECT set_config(%s, %s, true)", [PURGE_SETTING, "on" if on else "off"])


def _delete(cursor, where: str, params: list) -> int:
    # `where` is one of the constant conditions above (with %s placeholders); values are parameters.
    cursor.execute(f"DELETE FROM {TABLE} WHERE {where}", params)  # noqa: S608  # nosec B608
    return cursor.rowcount


def _record(result: Purge) -> None:
    stamp = "%Y%m%dT%H%M%SZ"
    record(
        actor=SYSTEM,
        action=Action.DELETE,
        object_type=ObjectType.AUDIT_RETENTION,
        object_id=f"rows={result.old_rows} before={result.cutoff.astimezone(UTC):{stamp}}",
    )
    record(
        actor=SYSTEM,
        action=Action.DELETE,
        object_type=ObjectType.AUDIT_RETENTION_ERASED,
        object_id=(
            f"persons={result.erased_persons} rows={result.erased_rows} "
            f"erased-before={result.erased_cutoff.astimezone(UTC):{stamp}}"
        ),
    )


def _batches(ids: list[int]):
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _marks(batch: list[int]) -> str:
    return ", ".join(["%s"] * len(batch))
