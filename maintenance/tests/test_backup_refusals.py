"""Backup and restore refuse what could lose data: overwriting a backup, restoring over a
database that is not empty, restoring something that is not a backup. Passwords never
appear on a command line."""

import os
import sqlite3
import subprocess
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from maintenance import backup as backup_module
from maintenance.backup import BackupError, backup, restore
from maintenance.checksums import database_fingerprints
from maintenance.db import connect

pytestmark = pytest.mark.django_db


def quiet():
    return StringIO()


def test_an_existing_backup_is_not_overwritten_without_force(tmp_path):
    path = tmp_path / "medvandrer.backup"
    path.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="finnes fra før"):
        call_command("backup", str(path), stdout=quiet())
    assert path.read_bytes() == b"an older backup"
    call_command("backup", str(path), "--force", stdout=quiet())
    assert path.stat().st_size > 10_000 and path.stat().st_mode & 0o777 == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_restoring_over_a_database_that_is_not_empty_is_refused(tmp_path, alice):
    path = tmp_path / "medvandrer.backup"
    call_command("backup", str(path), stdout=quiet())
    with pytest.raises(CommandError, match="er ikke tom"):
        call_command("restore", str(path), stdout=quiet())
    assert type(alice).objects.filter(pk=alice.pk).exists()


def test_something_that_is_not_a_backup_is_refused(tmp_path, scratch_database):
    path = tmp_path / "not-a-backup"
    path.write_bytes(b"hello" * 1000)
    with pytest.raises(BackupError):
        restore(path, settings_dict=scratch_database)
    with pytest.raises(CommandError, match="Finner ikke sikkerhetskopien"):
        call_command("restore", str(tmp_path / "missing.backup"), stdout=quiet())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_restore's single transaction")
def test_a_failed_restore_leaves_the_database_empty(tmp_path, scratch_database):
    path = tmp_path / "medvandrer.backup"
    backup(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])  # cut short, as by a full disk
    with pytest.raises(BackupError, match="pg_restore"):
        restore(path, settings_dict=scratch_database)
    assert backup_module._pg_is_empty(scratch_database)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_restore --clean")
def test_a_forced_restore_replaces_what_is_there(tmp_path, scratch_database):
    path = tmp_path / "medvandrer.backup"
    backup(path)
    restore(path, settings_dict=scratch_database)
    first = database_fingerprints(scratch_database)
    db = connect(scratch_database)
    db.execute("DELETE FROM django_migrations WHERE id = (SELECT max(id) FROM django_migrations)")
    db.close()
    assert database_fingerprints(scratch_database) != first
    with pytest.raises(BackupError, match="er ikke tom"):
        restore(path, settings_dict=scratch_database)
    restore(path, settings_dict=scratch_database, force=True)
    assert database_fingerprints(scratch_database) == first


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's file is replaced")
def test_a_forced_sqlite_restore_keeps_the_old_database_aside(tmp_path, scratch_database):
    path = tmp_path / "medvandrer.backup"
    backup(path)
    target = scratch_database["NAME"]
    old = sqlite3.connect(target)
    old.execute("PRAGMA journal_mode=WAL")
    old.execute("CREATE TABLE earlier (note text)")
    old.execute("INSERT INTO earlier VALUES ('still here')")
    old.commit()  # (the row may still be in the -wal file)
    old.close()
    with pytest.raises(BackupError, match="er ikke tom"):
        restore(path, settings_dict=scratch_database)

    result = restore(path, settings_dict=scratch_database, force=True)

    aside = sqlite3.connect(result.moved_aside)
    assert aside.execute("SELECT note FROM earlier").fetchall() == [("still here",)]
    aside.close()
    assert result.moved_aside.stat().st_mode & 0o777 == 0o600
    restored = connect(scratch_database)
    assert restored.execute("SELECT count(*) FROM django_migrations").fetchone()[0] > 10
    restored.close()


def test_the_password_goes_to_the_tools_in_the_environment_not_on_the_command_line(tmp_path, monkeypatch):
    calls = []

    def fake_run(args, *, env, **kwargs):
        calls.append((args, env))
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(backup_module.subprocess, "run", fake_run)
    monkeypatch.setattr(backup_module.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(backup_module, "_pg_is_empty", lambda settings_dict: True)
    settings_dict = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "medvandrer",
        "USER": "medvandrer_owner",
        "PASSWORD": "s3cret-Passord",
        "HOST": "db.internal",
        "PORT": "5433",
        "OPTIONS": {"sslmode": "verify-full"},
    }
    backup(tmp_path / "medvandrer.backup", settings_dict=settings_dict)
    (tmp_path / "medvandrer.backup").write_bytes(b"x")
    restore(tmp_path / "medvandrer.backup", settings_dict=settings_dict)
    restore(tmp_path / "medvandrer.backup", settings_dict=settings_dict, force=True, privileges=False)

    assert [args[0] for args, _env in calls] == ["pg_dump", "pg_restore", "pg_restore"]
    for args, env in calls:
        assert not any("s3cret" in arg for arg in args)
        assert (env["PGPASSWORD"], env["PGUSER"], env["PGHOST"], env["PGPORT"], env["PGSSLMODE"]) == (
            "s3cret-Passord",
            "medvandrer_owner",
            "db.internal",
            "5433",
            "verify-full",
        )
    assert "--format=custom" in calls[0][0] and calls[0][1]["PGDATABASE"] == "medvandrer"
    assert "--dbname=medvandrer" in calls[1][0] and "--single-transaction" in calls[1][0]
    assert "--clean" not in calls[1][0] and "--no-privileges" not in calls[1][0]
    assert {"--clean", "--if-exists", "--no-privileges"} <= set(calls[2][0])
    assert os.environ.get("PGPASSWORD") != "s3cret-Passord"  # only the child's environment
