"""Saving and deleting journal entries. One entry per author and week; a save from a page
that is out of date (another device saved in between) never overwrites: it raises
`Conflict` with what is saved now, so the page can show both and keep what was typed.

The journal is private practice reflection, not a person's data: nothing about it goes to
the audit trail (which team leaders can read), so not even when someone writes in it.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from items.actions import Conflict  # the same "someone saved first" as everywhere else
from reflection.models import EDITABLE, JournalEntry, monday_of


def save_entry(author, week_of, expected_version: int | None, **fields) -> JournalEntry:
    """Create the week's entry (expected_version None) or update it if it is still at
    `expected_version`. Raises Conflict otherwise, unless what is saved is already exactly
    what was sent (a double submit)."""
    fields = {name: fields[name] for name in EDITABLE}
    week_of = monday_of(week_of)
    mine = JournalEntry.objects.filter(author=author, week_of=week_of)
    if expected_version is not None:
        changed = mine.filter(version=expected_version).update(
            **fields, version=F("version") + 1, updated=timezone.now()
        )
        if changed:
            return mine.get()
    try:
        with transaction.atomic():
            return JournalEntry.objects.create(author=author, week_of=week_of, **fields)
    except IntegrityError:
        current = mine.first()
        if current is None:  # pragma: no cover - deleted again in the same instant
            raise
        if current.fields() == fields:
            return current
        raise Conflict(current=current) from None


def delete_entry(entry: JournalEntry) -> None:
    entry.delete()
