"""A backup restored into an empty database holds every row of every table – the audit
trail, the question bank and the id counters included – checked by row counts and
content checksums per table."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from audit.log import record
from conftest import sign_in
from maintenance.backup import restore
from maintenance.checksums import database_fingerprints, fingerprints
from people.models import Person
from plans.sample import make_plan
from tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump and the SQLite backup see committed rows only

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture
def world():
    world = build_world()
    staff = world.users["with_relation"]
    person = Person.objects.create(organisation=staff.organisation, display_name="Stor Plan")
    make_plan(person, goals=5, steps=40, network=10, years=1, author=staff, seed=3)
    for action in ("read", "update", "export", "denied"):
        record(actor=staff, action=action, object_type="person", person=person, basis="relation")
    sign_in(Client(), staff)  # a session, and the session tracking row
    return world


def test_a_restored_backup_matches_the_database_table_by_table(world, tmp_path, scratch_database, open_scratch):
    before = database_fingerprints(connection.settings_dict)
    assert before["audit_auditevent"][0] > 0 and before["plans_step"][0] > 40
    empty = [table for table, (rows, _) in before.items() if rows == 0]

    path = tmp_path / "medvandrer.backup"
    call_command("backup", str(path), stdout=StringIO())
    assert path.stat().st_mode & 0o777 == 0o600  # health data: only the owner may read it

    result = restore(path, settings_dict=scratch_database)
    scratch = open_scratch()
    after = fingerprints(scratch)

    assert sorted(after) == sorted(before)
    different = [table for table in before if after[table] != before[table]]
    assert different == []
    ARTIFACTS.mkdir(exist_ok=True)
    line = (
        f"{connection.vendor}: {len(before)} tables ({len(empty)} empty), "
        f"{sum(rows for rows, _ in before.values())} rows, backup {path.stat().st_size} bytes, "
        f"restore {result.seconds:.2f} s"
    )
    (ARTIFACTS / f"backup-restore-{connection.vendor}.txt").write_text(line + "\n")
    print(line)


def test_the_checksums_notice_a_single_changed_value(world, tmp_path, scratch_database, open_scratch):
    path = tmp_path / "medvandrer.backup"
    call_command("backup", str(path), stdout=StringIO())
    restore(path, settings_dict=scratch_database)
    scratch = open_scratch()
    scratch.execute("UPDATE plans_step SET text = text || '.' WHERE id = (SELECT min(id) FROM plans_step)")
    before, after = database_fingerprints(connection.settings_dict), fingerprints(scratch)
    assert [table for table in before if after[table] != before[table]] == ["plans_step"]
    assert after["plans_step"][0] == before["plans_step"][0]  # same count, different content


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the append-only trigger is PostgreSQL's")
def test_the_restored_audit_trail_is_still_append_only(world, tmp_path, scratch_database, open_scratch):
    path = tmp_path / "medvandrer.backup"
    call_command("backup", str(path), stdout=StringIO())
    restore(path, settings_dict=scratch_database)
    scratch = open_scratch()
    import psycopg

    for sql in ("DELETE FROM audit_auditevent", "UPDATE audit_auditevent SET action = 'read'"):
        with pytest.raises(psycopg.Error, match="append-only"):
            scratch.execute(sql)
