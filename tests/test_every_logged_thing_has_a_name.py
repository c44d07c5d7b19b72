"""Every kind of thing the audit log records is declared, with a Norwegian name, so the person's
log never says «endret crisis_plan_part»: the object types are read from the code itself –
every `object_type=…` and every model's `audit_type` – and each must be declared in
audit/types.py with a name for the person and one for staff. `record()` refuses the rest."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from audit.log import record, record_reads
from audit.models import AuditEvent
from audit.types import DECLARED, ObjectType, UnknownAuditType
from plans.kinds import KINDS

LITERAL = re.compile(r"""object_type\s*=\s*["']([a-z_]+)["']""")
MEMBER = re.compile(r"""(?:object_type|audit_type)\s*=\s*ObjectType\.([A-Z_]+)""")


def recorded_object_types() -> set[str]:
    root = Path(settings.BASE_DIR)
    found = set()
    for path in root.glob("*/**/*.py"):
        parts = path.relative_to(root).parts
        if parts[0] in {".venv", "node_modules"} or "tests" in parts or "migrations" in parts:
            continue
        text = path.read_text()
        found |= set(LITERAL.findall(text))
        found |= {ObjectType[name].value for name in MEMBER.findall(text)}
    found |= {str(m.audit_type) for m in apps.get_models() if getattr(m, "audit_type", None)}
    found |= {str(kind.object_type) for kind in KINDS.values()}
    return found


def test_every_recorded_object_type_has_a_name_for_the_person_and_for_staff():
    types = recorded_object_types()
    assert {"crisis_plan_part", "goal", "consent"} <= types  # the scan finds the code's own types
    undeclared = sorted(types - DECLARED)
    assert not undeclared, f"Ikke deklarert i audit/types.py: {undeclared}"
    assert all(ObjectType(t).for_person and ObjectType(t).neutral for t in types)


def test_every_person_item_model_names_its_audit_type():
    from items.models import PersonItem

    items = [m for m in apps.get_models() if issubclass(m, PersonItem)]
    assert len(items) >= 15
    assert [m.__name__ for m in items if m.audit_type not in DECLARED] == []


@pytest.mark.django_db
def test_an_undeclared_object_type_is_refused_and_nothing_is_written():
    with pytest.raises(UnknownAuditType):
        record(action="read", object_type="crisis_plan_typo")
    with pytest.raises(UnknownAuditType):
        record(action="peeked", object_type=ObjectType.GOAL)
    with pytest.raises(UnknownAuditType):
        record(action="read", object_type=ObjectType.GOAL, basis="because")
    with pytest.raises(UnknownAuditType):
        record_reads(actor=None, object_type="dashbord", bases={1: "relation"})
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_a_declared_type_is_stored_as_its_plain_key():
    record(action="read", object_type=ObjectType.CRISIS_PLAN_PART)
    assert AuditEvent.objects.get().object_type == "crisis_plan_part"
