"""Database connections for maintenance: a plain DB-API connection from a Django settings
dict, and the environment that hands the same settings to PostgreSQL's own tools.

Used by backup/restore (maintenance/backup.py) and the table checksums
(maintenance/checksums.py), so neither needs the other.
"""

import os
import sqlite3

# libpq reads these from the environment; nothing secret goes on the command line.
PG_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "application_name": "PGAPPNAME",
}


def pg_environment(settings_dict: dict, *, database: bool = False) -> dict[str, str]:
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    if database:
        env["PGDATABASE"] = str(settings_dict["NAME"])
    for option, var in PG_OPTIONS.items():
        if settings_dict.get("OPTIONS", {}).get(option):
            env[var] = str(settings_dict["OPTIONS"][option])
    return env


def connect(settings_dict: dict):
    """A plain DB-API connection to the database described by a Django settings dict."""
    if "sqlite3" in settings_dict["ENGINE"]:
        return sqlite3.connect(settings_dict["NAME"], timeout=30)
    import psycopg
    from psycopg.types.string import TextLoader

    params = {
        "dbname": settings_dict["NAME"],
        "host": settings_dict.get("HOST") or None,
        "port": settings_dict.get("PORT") or None,
        "user": settings_dict.get("USER") or None,
        "password": settings_dict.get("PASSWORD") or None,
    }
    params.update({k: v for k, v in settings_dict.get("OPTIONS", {}).items() if k in PG_OPTIONS})
    conn = psycopg.connect(**{k: v for k, v in params.items() if v is not None}, autocommit=True)
    conn.execute("SET TimeZone = 'UTC'")
    for json_type in ("json", "jsonb"):  # as Django reads them: text
        conn.adapters.register_loader(json_type, TextLoader)
    return conn
