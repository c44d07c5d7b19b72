"""A backup taken while the app keeps writing is one consistent moment: the audit rows in
it are exactly the first N the writer committed, no gaps."""

import threading
import time

import pytest
from django.db import connection

from maintenance.backup import backup, restore
from maintenance.db import connect

pytestmark = pytest.mark.django_db(transaction=True)

INSERT = (
    "INSERT INTO audit_auditevent (at, actor_name, actor_role, object_type, object_id, action, basis)"
    " VALUES (CURRENT_TIMESTAMP, '', 'system', 'backup-test', %s, 'read', '')"
)


def test_a_backup_during_writes_is_a_consistent_snapshot(tmp_path, scratch_database, open_scratch):
    stop, written, errors = threading.Event(), [], []

    mark = "?" if connection.vendor == "sqlite" else "%s"

    def writer():
        db = connect(connection.settings_dict)
        try:
            while not stop.is_set():
                n = len(written)
                db.execute(INSERT.replace("%s", mark), [str(n)])
                db.commit()
                written.append(n)
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            db.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 50 and thread.is_alive():
            time.sleep(0.01)
        path = tmp_path / "medvandrer.backup"
        backup(path)
        time.sleep(0.05)
    finally:
        stop.set()
        thread.join()
    assert errors == []

    restore(path, settings_dict=scratch_database)
    cursor = open_scratch().execute("SELECT object_id FROM audit_auditevent WHERE object_type = 'backup-test'")
    in_backup = sorted(int(row[0]) for row in cursor.fetchall())
    assert len(in_backup) >= 50
    assert in_backup == list(range(len(in_backup)))  # the first N, no gaps
    assert len(written) > len(in_backup)  # the writer went on after the backup's moment
