"""The ground floor does not reach up: `audit` imports only Django (and the standard library),
`items` only Django and `audit`, and maintenance's backup modules share a helper instead of
importing each other. Read from the code itself, every import in every module, lazy ones too."""

import ast
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
FIRST_PARTY = {p.parent.name for p in ROOT.glob("*/apps.py")} | {"medvandrer", "conftest"}


def imports_of(module_path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(module_path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def app_imports(app: str) -> set[str]:
    """Top-level packages `app`'s own code (not its tests or migrations) imports."""
    tops = set()
    for path in (ROOT / app).rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tops |= {name.split(".")[0] for name in imports_of(path)}
    return tops - {app}


def test_audit_imports_only_django():
    assert {"accounts", "people", "plans"} & FIRST_PARTY == {"accounts", "people", "plans"}  # the scan knows the apps
    upward = app_imports("audit") & FIRST_PARTY
    assert upward == set(), f"audit reaches up to {sorted(upward)}"
    outside = app_imports("audit") - FIRST_PARTY - set(sys.stdlib_module_names) - {"django"}
    assert outside == set()


def test_items_imports_only_django_and_audit():
    assert app_imports("items") & FIRST_PARTY == {"audit"}


def test_maintenance_backup_modules_import_no_circle():
    def local(name):
        return {
            m.split(".")[-1] for m in imports_of(ROOT / "maintenance" / f"{name}.py") if m.startswith("maintenance.")
        }

    assert "checksums" not in local("backup") or "backup" not in local("checksums")
    assert local("db") == set()


def test_no_view_reads_the_access_decision_from_the_request():
    """Views use the grant they are handed; only what is drawn around them reads the request."""
    readers = set()
    for path in ROOT.glob("*/**/*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {".venv", "node_modules"} or "tests" in parts or "migrations" in parts:
            continue
        if "request.person_access" in path.read_text():
            readers.add("/".join(parts))
    assert readers <= {"people/access.py", "accounts/middleware.py", "language/gate.py"}, readers


def test_no_app_is_in_a_circle():
    """No app reaches an app that reaches back to it: a one-time link of a higher app (an
    evaluation link) registers itself, signing out everywhere is a signal the crisis app
    listens to, and the bank asks crisis through content.safety, which crisis plugs into."""
    apps = sorted(FIRST_PARTY - {"medvandrer", "conftest"})
    graph = {app: app_imports(app) & FIRST_PARTY for app in apps}

    def reachable(start):
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    in_circle = {app for app in apps if app in reachable(app)}
    assert (
        "content" in graph["crisis"] and "plans" in graph["crisis"]
    )  # the scan sees crisis read the bank and the plan
    assert in_circle == set(), sorted(in_circle)
