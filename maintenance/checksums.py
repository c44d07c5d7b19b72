"""Content fingerprints of a whole database: row count and SHA-256 per table.

Each table's rows are read in a fixed order (its primary key, or every column when it
has none) and hashed as a canonical text dump: the table name, the column names, then
one line per row (times in UTC ISO format, bytes in hex, everything else `repr()`).
Two databases with the same rows give the same fingerprints; one changed value anywhere
changes that table's checksum.

Besides the tables, two pseudo-tables catch what a restore must also bring back:
`~schema` (table, index and trigger definitions – the audit trail's append-only trigger
among them) and `~sequences` (the id counters, so no id is ever given out twice; erasure
and retention rely on that).

Works on plain DB-API connections (`maintenance.db.connect(settings_dict)`), so a restored copy can be
checked without adding it to settings.DATABASES. Compare fingerprints taken through the
same kind of connection (both from `connect`, or both from Django's own connection).
"""

import hashlib
import itertools
import json
import sqlite3
from datetime import UTC, date, datetime, time
from decimal import Decimal

from maintenance.db import connect

CHUNK = 5000
_cursor_names = itertools.count()


def database_fingerprints(settings_dict: dict) -> dict[str, tuple[int, str]]:
    conn = connect(settings_dict)
    try:
        return fingerprints(conn)
    finally:
        conn.close()


def fingerprints(conn) -> dict[str, tuple[int, str]]:
    """{table: (rows, sha256)} for every table reachable through the DB-API connection `conn`."""
    sqlite = isinstance(conn, sqlite3.Connection)
    result = {}
    for table in _tables(conn, sqlite):
        columns, key = _columns(conn, sqlite, table)
        # Names come from the database's own catalogue, quoted.
        sql = f"SELECT {', '.join(map(_quote, columns))} FROM {_quote(table)} ORDER BY {', '.join(map(_quote, key or columns))}"  # noqa: S608  # nosec B608
        result[table] = _digest(conn, sqlite, table, columns, sql)
    for name, sql in SQLITE_EXTRAS if sqlite else PG_EXTRAS:
        result[name] = _digest(conn, sqlite, name, [], sql)
    return result


def _tables(conn, sqlite: bool) -> list[str]:
    if sqlite:
        # sqlite_master lists virtual (FTS5) and shadow tables too; the id counters are in ~sequences.
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
    else:
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    return [row[0] for row in _fetchall(conn, sql)]


def _columns(conn, sqlite: bool, table: str) -> tuple[list[str], list[str]]:
    """All columns in order, and the primary key's columns in key order."""
    if sqlite:
        info = _fetchall(conn, f"PRAGMA table_info({_quote(table)})")
        columns = [row[1] for row in info]
        key = [row[1] for row in sorted(info, key=lambda row: row[5]) if row[5] > 0]
        return columns, key
    columns = [
        row[0]
        for row in _fetchall(
            conn,
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0"
            " AND NOT attisdropped ORDER BY attnum",
            [_quote(table)],
        )
    ]
    key = [
        row[0]
        for row in _fetchall(
            conn,
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
            " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey::int2[])"
            " WHERE i.indrelid = %s::regclass AND i.indisprimary"
            " ORDER BY array_position(i.indkey::int2[], a.attnum)",
            [_quote(table)],
        )
    ]
    return columns, key


SQLITE_EXTRAS = [
    ("~schema", "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"),
    ("~sequences", "SELECT name, seq FROM sqlite_sequence ORDER BY name"),
]
PG_EXTRAS = [
    (
        "~schema",
        "SELECT 'column', table_name::text, column_name::text, data_type::text, is_nullable::text,"
        " column_default::text FROM information_schema.columns WHERE table_schema = current_schema()"
        " UNION ALL SELECT 'index', tablename::text, indexname::text, indexdef, '', '' FROM pg_indexes"
        " WHERE schemaname = current_schema()"
        " UNION ALL SELECT 'trigger', tgrelid::regclass::text, tgname::text, pg_get_triggerdef(t.oid), '', ''"
        " FROM pg_trigger t WHERE NOT tgisinternal"
        " UNION ALL SELECT 'function', p.proname::text, '', md5(p.prosrc), '', '' FROM pg_proc p"
        " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
        " ORDER BY 1, 2, 3, 4",
    ),
    (
        "~sequences",
        "SELECT sequencename::text, last_value FROM pg_sequences WHERE schemaname = current_schema() ORDER BY 1",
    ),
]


def _digest(conn, sqlite: bool, name: str, columns: list[str], sql: str) -> tuple[int, str]:
    count = 0
    digest = hashlib.sha256(f"{name}\n{columns!r}\n".encode())
    # On PostgreSQL a server-side cursor, so a table of millions of rows is streamed, not loaded.
    cursor = conn.cursor() if sqlite else conn.cursor(name=f"fingerprint_{next(_cursor_names)}", withhold=True)
    try:
        cursor.execute(sql)
        while rows := cursor.fetchmany(CHUNK):
            count += len(rows)
            for row in rows:
                digest.update(_canonical(row))
    finally:
        cursor.close()
    return count, digest.hexdigest()


def _canonical(row) -> bytes:
    return ("\t".join(map(_value, row)) + "\n").encode()


def _value(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, datetime):
        return (value.astimezone(UTC) if value.tzinfo else value).isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return repr(value)


def _fetchall(conn, sql: str, params=None) -> list:
    cursor = conn.cursor()
    try:
        if params is None:
            cursor.execute(sql)
        else:
            cursor.execute(sql, params)
        return cursor.fetchall()
    finally:
        cursor.close()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
