"""EXPLAIN (ANALYZE) of every SELECT the overview pages run, in-process with the test client:
sequential scans on large tables are reported."""

import json
import random
import re
import urllib.parse

from benchmarks.load.scenarios import make_session
from benchmarks.words import SEARCH_WORDS

LARGE = 10_000  # rows: a sequential scan on a table this big is reported


def table_sizes(connection) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples::bigint FROM pg_class WHERE relkind = 'r' AND relnamespace = "
            "'public'::regnamespace AND reltuples > 0 ORDER BY reltuples DESC"
        )
        return dict(cursor.fetchall())


def explain_pages(sample: dict, args) -> dict:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    sizes = table_sizes(connection)
    pairs = [p for p in sample["pairs"] if p[2]][:3]
    persons = sample["person_keys"][:3]
    # Re-create sessions (the load run's were removed).
    from accounts.models import User

    fresh = {pk: make_session(User.objects.get(pk=pk)) for pk in {s for s, _p, _c in pairs}}
    person_fresh = [(make_session(User.objects.get(person__pk=p)), p) for _k, p in persons]
    leader = User.objects.filter(pk__in=sample["session_users"], role="teamleder").first()
    pages = []
    for s, p, c in pairs:
        key = fresh[s]
        pages += [
            ("home", "/", key),
            ("persons", "/personer/", key),
            ("plan", f"/personer/{p}/plan/", key),
            ("conversations", f"/personer/{p}/samtaler/", key),
            ("conversation", f"/personer/{p}/samtaler/{c}/", key),
            ("search", f"/sporsmal/?q={urllib.parse.quote(random.choice(SEARCH_WORDS))}", key),
            ("suggest", f"/sporsmal/forslag/?situation={urllib.parse.quote(sample['situations'][0])}", key),
        ]
    pages += [("access_log", f"/personer/{p}/innsyn/", k) for k, p in person_fresh]
    if leader:
        pages.append(("organisation_log", "/organisasjon/logg/", make_session(leader)))
    if pairs and not args.no_pdf_explain:
        pages.append(("pdf", f"/personer/{pairs[0][1]}/plan/plan.pdf", fresh[pairs[0][0]]))
    report = {}
    try:
        for name, path, key in pages:
            client = Client()
            client.cookies[settings.SESSION_COOKIE_NAME] = key
            client.get(path)  # once first: per-process caches (the question catalogue) fill on first use
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            entry = report.setdefault(name, {"queries": [], "status": set(), "seq_scans": [], "slowest": []})
            entry["status"].add(response.status_code)
            entry["queries"].append(len(captured.captured_queries))
            for query in captured.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
                    plan = cursor.fetchone()[0]
                plan = plan[0] if isinstance(plan, list) else json.loads(plan)[0]
                entry["slowest"].append((plan["Execution Time"], sql[:300]))
                for node in walk(plan["Plan"]):
                    if node.get("Node Type") == "Seq Scan":
                        table = node.get("Relation Name")
                        if sizes.get(table, 0) >= LARGE:
                            entry["seq_scans"].append(
                                {
                                    "table": table,
                                    "rows_in_table": sizes[table],
                                    "filter": node.get("Filter", ""),
                                    "ms": round(node.get("Actual Total Time", 0), 2),
                                    "sql": sql[:600],
                                }
                            )
    finally:
        from django.contrib.sessions.models import Session

        from accounts.models import UserSession

        made = UserSession.objects.filter(created__gte=sample["started"])
        Session.objects.filter(session_key__in=made.values("session_key")).delete()
        made.delete()
    for entry in report.values():
        entry["status"] = sorted(entry["status"])
        entry["slowest"] = sorted(entry["slowest"], reverse=True)[:3]
        unique = {}
        for scan in entry["seq_scans"]:
            unique.setdefault((scan["table"], re.sub(r"\d+", "N", scan["filter"])), scan)
        entry["seq_scans"] = list(unique.values())
    return report


def walk(node):
    yield node
    for child in node.get("Plans", []):
        yield from walk(child)
