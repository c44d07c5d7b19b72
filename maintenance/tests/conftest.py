import pytest
from django.db import connection

from maintenance.db import connect


@pytest.fixture
def scratch_database(tmp_path):
    """The settings of an empty database beside the test database: a new SQLite file, or on
    PostgreSQL a freshly created database that is dropped afterwards."""
    settings_dict = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = tmp_path / "restored.sqlite3"
        yield settings_dict
        return
    name = f"{settings_dict['NAME']}_restore"
    settings_dict["NAME"] = name
    server = connect({**settings_dict, "NAME": "postgres"})  # CREATE/DROP DATABASE need their own connection
    quoted = connection.ops.quote_name(name)
    server.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
    server.execute(f"CREATE DATABASE {quoted}")
    try:
        yield settings_dict
    finally:
        server.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        server.close()


@pytest.fixture
def open_scratch(scratch_database):
    """Opens a connection to the scratch database – after the restore, since a SQLite
    restore puts a new file in place (closed afterwards)."""
    opened = []

    def open_():
        opened.append(connect(scratch_database))
        return opened[-1]

    yield open_
    for db in opened:
        db.close()
