"""Time backup and restore of the scaled data set, and prove the restored copy is identical.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medvandrer_bench_backup \\
        .venv/bin/python benchmarks/bench_backup.py --factor 1
    .venv/bin/python benchmarks/bench_backup.py --factor 0.1      # SQLite (var/bench-backup.sqlite3)

On the first run the database is filled with `manage.py scale_data --factor F` (fictional
data; `--factor 1` = 20 organisations, 20,000 persons, ~1 million audit rows). Then:
`manage.py backup` to a file, a fresh empty database (PostgreSQL: `<name>_restore`, created
and dropped here; SQLite: a new file), `restore` into it, and row counts + content checksums
of every table of both (maintenance/checksums.py). Prints sizes and times. Not part of CI.
"""

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medvandrer.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("SQLITE_PATH", str(ROOT / "var" / "bench-backup.sqlite3"))


def mb(size: int) -> str:
    return f"{size / 1024 / 1024:,.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=float, default=1.0, help="scale_data factor for a new database")
    parser.add_argument("--keep", action="store_true", help="keep the backup file and the restored copy")
    options = parser.parse_args()

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from maintenance.backup import backup, restore
    from maintenance.checksums import database_fingerprints
    from maintenance.db import connect
    from people.models import Person

    if connection.vendor == "postgresql":  # the benchmark's own database: create it on the first run
        server = connect({**connection.settings_dict, "NAME": "postgres"})
        name = connection.settings_dict["NAME"]
        if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            server.execute(f'CREATE DATABASE "{name}"')
        server.close()
    call_command("migrate", verbosity=0)
    if not Person.objects.exists():
        print(f"Filling the database: scale_data --factor {options.factor:g} …", flush=True)
        started = time.perf_counter()
        call_command("scale_data", factor=options.factor, yes_fictional_data=True, stdout=io.StringIO())
        print(f"  filled in {time.perf_counter() - started:.0f} s")
    source = dict(connection.settings_dict)
    connection.close()

    work = Path(tempfile.mkdtemp(prefix="medvandrer-bench-backup-"))
    path = work / "medvandrer.backup"
    target = dict(source)
    if connection.vendor == "postgresql":
        target["NAME"] = f"{source['NAME']}_restore"
        server = connect({**source, "NAME": "postgres"})
        server.execute(f'DROP DATABASE IF EXISTS "{target["NAME"]}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{target["NAME"]}"')
        db = connect(source)
        database_size = db.execute("SELECT pg_database_size(current_database())").fetchone()[0]
        db.close()
    else:
        target["NAME"] = work / "restored.sqlite3"
        name = Path(source["NAME"])
        database_size = sum(p.stat().st_size for p in (name, Path(f"{name}-wal")) if p.exists())

    try:
        done = backup(path, settings_dict=source)
        restored = restore(path, settings_dict=target)
        started = time.perf_counter()
        before = database_fingerprints(source)
        checksum_seconds = time.perf_counter() - started
        after = database_fingerprints(target)
        if connection.vendor == "postgresql":
            db = connect(target)
            restored_size = db.execute("SELECT pg_database_size(current_database())").fetchone()[0]
            db.close()
        else:
            restored_size = Path(target["NAME"]).stat().st_size
    finally:
        if connection.vendor == "postgresql" and not options.keep:
            server.execute(f'DROP DATABASE IF EXISTS "{target["NAME"]}" WITH (FORCE)')
        if not options.keep:
            for p in work.iterdir():
                p.unlink()
            work.rmdir()

    rows = sum(count for table, (count, _) in before.items() if not table.startswith("~"))
    different = sorted(t for t in before if after.get(t) != before[t]) + sorted(set(after) - set(before))
    tables = [t for t in before if not t.startswith("~")]
    print(f"\nBackup and restore on {connection.vendor} ({source['NAME']})")
    print(f"  tables                 {len(tables):>12}")
    print(f"  rows                   {rows:>12,}")
    print(f"  audit rows             {before['audit_auditevent'][0]:>12,}")
    print(f"  database size          {mb(database_size):>12}")
    print(f"  backup file            {mb(done.size):>12}")
    print(f"  backup time            {done.seconds:>10.1f} s")
    print(f"  restore time           {restored.seconds:>10.1f} s  (into an empty database)")
    print(f"  restored size          {mb(restored_size):>12}")
    print(f"  checksum time          {checksum_seconds:>10.1f} s  (one database, every table)")
    print(f"  tables that differ     {len(different):>12}  {' '.join(different)}")
    if options.keep:
        print(f"  kept: {path} and {target['NAME']}")
    sys.exit(1 if different else 0)


if __name__ == "__main__":
    main()
