"""Every kind of thing the audit log records has a Norwegian name, so the person's log never
says «endret crisis_plan_part»: the object types are read from the code itself – every
`object_type="…"` and every model's `audit_type` – and each must be named in audit.log."""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

from audit.log import OBJECT_LABELS
from plans.kinds import KINDS

LITERAL = re.compile(r"""object_type\s*=\s*["']([a-z_]+)["']""")


def recorded_object_types() -> set[str]:
    root = Path(settings.BASE_DIR)
    found = set()
    for path in root.glob("*/**/*.py"):
        parts = path.relative_to(root).parts
        if parts[0] in {".venv", "node_modules"} or "tests" in parts or "migrations" in parts:
            continue
        found |= set(LITERAL.findall(path.read_text()))
    found |= {m.audit_type for m in apps.get_models() if isinstance(getattr(m, "audit_type", None), str)}
    found |= {kind.object_type for kind in KINDS.values()}
    return found


def test_every_recorded_object_type_has_a_name_for_the_person_and_for_staff():
    types = recorded_object_types()
    assert {"crisis_plan_part", "goal", "consent"} <= types  # the scan finds the code's own types
    unnamed = sorted(t for t in types if t not in OBJECT_LABELS)
    assert not unnamed, f"Uten navn i loggen: {unnamed}"
    assert all(person and staff for person, staff in (OBJECT_LABELS[t] for t in types))
