"""Bulk writing for `manage.py scale_data` (demo/scale/): rows as tuples, ids chosen here, COPY on PostgreSQL.

A `Table` takes the columns the generator fills; every other column of the model gets its
default (or NULL, or "" for a blank text field), once, so a new field with a default does
not break the generator. On PostgreSQL rows go in with COPY; elsewhere (SQLite, in the
tests) with executemany, each value prepared by its Django field.
"""

import json
import time

from django.core.management.color import no_style
from django.db import models
from django.db.models import Max
from django.utils import timezone


class Table:
    def __init__(self, loader, model, columns: str):
        self.loader, self.model = loader, model
        self.db_table = model._meta.db_table
        fields = {f.attname: f for f in model._meta.concrete_fields}
        self.columns = columns.split()
        unknown = [c for c in self.columns if c not in fields]
        if unknown:
            raise ValueError(f"{model.__name__}: unknown columns {unknown}")
        self.extra_columns, extra = [], []
        now = timezone.now()
        for name, field in fields.items():
            if name in self.columns:
                continue
            if field.has_default():
                value = field.get_default()
            elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                value = now
            elif field.null:
                value = None
            elif field.blank and isinstance(field, models.CharField | models.TextField):
                value = ""
            else:
                raise ValueError(f"{model.__name__}.{name} needs a value: the generator must fill it")
            self.extra_columns.append(name)
            extra.append(value)
        self.extra = tuple(extra)
        self.all_columns = self.columns + self.extra_columns
        self.fields = [fields[c] for c in self.all_columns]
        self.json_at = [i for i, f in enumerate(self.fields) if isinstance(f, models.JSONField)]
        self.rows: list[tuple] = []
        self.count = 0
        pk = model._meta.pk.attname
        self.next_id = (model.objects.aggregate(m=Max(pk))["m"] or 0) + 1 if pk == "id" else None

    def new_id(self) -> int:
        number = self.next_id
        self.next_id += 1
        return number

    def add(self, *values) -> None:
        self.rows.append(values + self.extra if self.extra else values)
        self.count += 1
        if len(self.rows) >= self.loader.batch:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        started = time.perf_counter()
        self.loader.write(self)
        self.loader.seconds[self.model] = self.loader.seconds.get(self.model, 0.0) + time.perf_counter() - started
        self.rows = []


class Loader:
    def __init__(self, connection, batch: int = 20_000):
        self.connection = connection
        self.batch = batch
        self.tables: list[Table] = []
        self.seconds: dict = {}
        self.postgres = connection.vendor == "postgresql"

    def table(self, model, columns: str) -> Table:
        table = Table(self, model, columns)
        self.tables.append(table)
        return table

    def write(self, table: Table) -> None:
        rows = table.rows
        if table.json_at:
            at = table.json_at
            rows = [tuple(json.dumps(v, ensure_ascii=False) if i in at else v for i, v in enumerate(r)) for r in rows]
        quote = self.connection.ops.quote_name
        columns = ", ".join(quote(c) for c in table.all_columns)
        with self.connection.cursor() as cursor:
            if self.postgres:
                raw = cursor.cursor  # psycopg 3
                with raw.copy(f"COPY {quote(table.db_table)} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                fields, conn = table.fields, self.connection
                json_at = set(table.json_at)
                prepared = [
                    tuple(
                        v if i in json_at else fields[i].get_db_prep_save(v, conn)  # JSON is a string already
                        for i, v in enumerate(row)
                    )
                    for row in rows
                ]
                marks = ", ".join(["%s"] * len(table.all_columns))
                sql = f"INSERT INTO {quote(table.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608 - names from the models
                cursor.executemany(sql, prepared)

    def finish(self) -> None:
        for table in self.tables:
            table.flush()
        models_ = [t.model for t in self.tables]
        with self.connection.cursor() as cursor:
            for sql in self.connection.ops.sequence_reset_sql(no_style(), models_):
                cursor.execute(sql)

    def analyze(self) -> None:
        """Planner statistics, and (PostgreSQL) a vacuum so that the first readers do not pay for
        setting hint bits on millions of fresh rows and autovacuum does not start mid-benchmark."""
        vacuum = self.postgres and not self.connection.in_atomic_block  # not possible inside a transaction (tests)
        with self.connection.cursor() as cursor:
            for table in self.tables:
                name = self.connection.ops.quote_name(table.db_table)
                cursor.execute(f"VACUUM (ANALYZE) {name}" if vacuum else f"ANALYZE {name}")
