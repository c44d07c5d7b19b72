from django.db import migrations

# The trigger from 0002, with one controlled way out: DELETE is let through only in a
# transaction that has run `SET LOCAL medvandrer.audit_purge = 'on'`, which only
# maintenance.audit_retention.purge() does. UPDATE stays forbidden, always.
ALLOW_PURGE = """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('medvandrer.audit_purge', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_auditevent is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""
ALWAYS_REFUSE = """
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_auditevent is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALLOW_PURGE, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(ALWAYS_REFUSE, params=None)


class Migration(migrations.Migration):
    """Retention may delete expired audit rows through one explicit, audited path."""

    dependencies = [("audit", "0003_alter_auditevent_basis")]
    operations = [migrations.RunPython(forwards, backwards)]
