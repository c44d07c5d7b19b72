"""Backup and restore of the whole database (`manage.py backup` / `manage.py restore`).

PostgreSQL: `pg_dump --format=custom` and `pg_restore` into an empty database, in one
transaction (a failed restore leaves the database empty). SQLite: the online backup API
(a consistent copy while the app keeps running, WAL mode), restored by copying the file
into place. See docs/DEPLOYMENT.md, "Backup and restore".

Connection parameters come from the Django settings; a password is handed to the
PostgreSQL tools in the environment (PGPASSWORD), never on the command line.

A backup holds everything, health data included: files are written with mode 0600,
first under a temporary name and renamed into place only when complete.
"""

import os
import shutil
import sqlite3
import subprocess  # nosec B404
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db import connections

from maintenance.db import connect, pg_environment


class BackupError(RuntimeError):
    """Something an operator must fix; the message says what (in Norwegian, like the commands)."""


@dataclass(frozen=True)
class Result:
    path: Path
    seconds: float
    size: int
    moved_aside: Path | None = None


# -- backup ----------------------------------------------------------------------------


def backup(path, *, settings_dict: dict | None = None, force: bool = False) -> Result:
    """Write a backup of the database (default: the default one) to `path`."""
    settings_dict = settings_dict or connections["default"].settings_dict
    path = Path(path)
    if path.exists() and not force:
        raise BackupError(f"{path} finnes fra før. Velg et nytt filnavn, eller bruk --force for å skrive over.")
    if not path.parent.is_dir():
        raise BackupError(f"Mappen {path.parent} finnes ikke.")
    start = time.perf_counter()
    temporary = _private_temporary(path)
    try:
        if _vendor(settings_dict) == "postgresql":
            _run(["pg_dump", "--format=custom", "--no-password", f"--file={temporary}"], settings_dict, database=True)
        else:
            _sqlite_backup(_sqlite_path(settings_dict), temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return Result(path, time.perf_counter() - start, path.stat().st_size)


def _sqlite_backup(source: Path, target: Path) -> None:
    if not source.exists():
        raise BackupError(f"Databasen {source} finnes ikke.")
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        # One step (pages=-1): one read transaction, so the copy is one consistent moment;
        # in WAL mode the app keeps reading and writing meanwhile.
        src.backup(dst, pages=-1)
        # A self-contained file: no -wal beside it. The app turns WAL on again when it opens it.
        dst.execute("PRAGMA journal_mode=DELETE")
        _check_sqlite(dst, target)
    finally:
        dst.close()
        src.close()


# -- restore ---------------------------------------------------------------------------


def restore(path, *, settings_dict: dict | None = None, force: bool = False, privileges: bool = True) -> Result:
    """Restore the backup at `path` into the database (default: the default one), which must
    be empty unless `force` is given. PostgreSQL: `privileges=False` leaves out the grants
    (for a server whose roles have other names; grant anew afterwards)."""
    settings_dict = settings_dict or connections["default"].settings_dict
    path = Path(path)
    start = time.perf_counter()
    check_restore(path, settings_dict, force=force)
    if _vendor(settings_dict) == "postgresql":
        args = ["pg_restore", "--no-password", "--exit-on-error", "--single-transaction", "--no-owner"]
        if force:
            args += ["--clean", "--if-exists"]
        if not privileges:
            args.append("--no-privileges")
        _run([*args, f"--dbname={settings_dict['NAME']}", str(path)], settings_dict)
        moved_aside = None
    else:
        moved_aside = _sqlite_restore(path, _sqlite_path(settings_dict), force=force)
    return Result(path, time.perf_counter() - start, path.stat().st_size, moved_aside)


_NOT_EMPTY_PG = (
    "Databasen {name} er ikke tom. Gjenopprett til en ny, tom database (createdb), "
    "eller bruk --force for å erstatte alt som er der."
)
_NOT_EMPTY_SQLITE = (
    "Databasen {target} er ikke tom. Gjenopprett til en ny fil (SQLITE_PATH), "
    "eller bruk --force: da flyttes den gamle filen til side, den slettes ikke."
)


def check_restore(path: Path, settings_dict: dict, *, force: bool) -> None:
    """Refuse (BackupError) a missing backup, or a database that is not empty unless forced."""
    if not Path(path).is_file():
        raise BackupError(f"Finner ikke sikkerhetskopien {path}.")
    if force:
        return
    if _vendor(settings_dict) == "postgresql":
        if not _pg_is_empty(settings_dict):
            raise BackupError(_NOT_EMPTY_PG.format(name=settings_dict["NAME"]))
    elif not _sqlite_is_empty(_sqlite_path(settings_dict)):
        raise BackupError(_NOT_EMPTY_SQLITE.format(target=_sqlite_path(settings_dict)))


def _sqlite_restore(backup_file: Path, target: Path, *, force: bool) -> Path | None:
    check = sqlite3.connect(f"{backup_file.resolve().as_uri()}?mode=ro", uri=True)
    try:
        _check_sqlite(check, backup_file)
    finally:
        check.close()
    moved_aside = None
    if not _sqlite_is_empty(target):
        if not force:
            raise BackupError(_NOT_EMPTY_SQLITE.format(target=target))
        moved_aside = _move_aside(target)
    for stale in _sidecars(target):
        # A -wal file left from another database would be replayed into the restored one.
        stale.unlink(missing_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = _private_temporary(target)
    try:
        with open(backup_file, "rb") as src, open(temporary, "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return moved_aside


def _move_aside(target: Path) -> Path:
    """Keep the database being replaced, whole (its WAL folded in), next to it."""
    db = sqlite3.connect(target, timeout=30)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.execute("PRAGMA journal_mode=DELETE")
    finally:
        db.close()
    aside = target.with_name(f"{target.name}.before-restore-{datetime.now():%Y%m%d-%H%M%S}")
    os.replace(target, aside)
    os.chmod(aside, 0o600)
    return aside


# -- helpers ---------------------------------------------------------------------------


def _vendor(settings_dict: dict) -> str:
    engine = settings_dict["ENGINE"]
    if "postgresql" in engine:
        return "postgresql"
    if "sqlite3" in engine:
        return "sqlite"
    raise BackupError(f"Sikkerhetskopi støttes bare for PostgreSQL og SQLite, ikke {engine}.")


def _sqlite_path(settings_dict: dict) -> Path:
    name = str(settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        raise BackupError("Sikkerhetskopi trenger en SQLite-database i en fil.")
    return Path(name)


def _sidecars(target: Path) -> list[Path]:
    return [target.with_name(target.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _sqlite_is_empty(target: Path) -> bool:
    if not target.exists() and not any(p.exists() for p in _sidecars(target)):
        return True
    db = sqlite3.connect(target, timeout=30)
    try:
        return db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    finally:
        db.close()


def _check_sqlite(db: sqlite3.Connection, name: Path) -> None:
    try:
        ok = db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{name} er ikke en brukbar SQLite-database: {error}") from error
    if not ok or not tables:
        raise BackupError(f"{name} er ikke en brukbar sikkerhetskopi (skadet eller tom).")


def _pg_is_empty(settings_dict: dict) -> bool:
    db = connect(settings_dict)
    try:
        with db.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')"
                " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'"
            )
            return cursor.fetchone()[0] == 0
    finally:
        db.close()


def _run(args: list[str], settings_dict: dict, *, database: bool = False) -> None:
    if shutil.which(args[0]) is None:
        raise BackupError(f"{args[0]} mangler. Installer PostgreSQL-klientene (apt-get install postgresql-client-15).")
    # A fixed argument list (pg_dump/pg_restore and our own flags), no shell.
    done = subprocess.run(  # noqa: S603  # nosec B603
        args, env=pg_environment(settings_dict, database=database), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise BackupError(f"{args[0]} stoppet (kode {done.returncode}): {done.stderr.strip()[-2000:]}")


def _private_temporary(path: Path) -> Path:
    """An empty file next to `path` that only the owner can read (mode 0600)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.partial")
    temporary.unlink(missing_ok=True)
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return temporary
