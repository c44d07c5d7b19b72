from django.db import migrations


def create(apps, schema_editor):
    from content.search import create_storage

    create_storage(schema_editor)


def drop(apps, schema_editor):
    from content.search import drop_storage

    drop_storage(schema_editor)


class Migration(migrations.Migration):
    """The full-text index lives outside the ORM: FTS5 on SQLite, tsvector + GIN on PostgreSQL."""

    dependencies = [("content", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
