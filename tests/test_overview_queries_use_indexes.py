"""Every query the overview and list pages run can use an index (PostgreSQL, EXPLAIN).

The test database is tiny, so the planner would rightly choose sequential scans anyway;
with `enable_seqscan = off` it takes an index whenever one can serve the query, and a
"Seq Scan" left in a plan means there is none. Small, fixed tables (the question bank and
guidance, sessions looked up by key) are not person data and do not grow with a region.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import sign_in
from tests.world import build_world

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN-sjekken gjelder PostgreSQL"),
]

GROWING = re.compile(
    r"^(people|plans|conversations|ratings|mitools|audit|accounts|reflection|axes)_", re.IGNORECASE
)  # tables that grow with organisations, persons and years


def pages(world):
    p = world.persons["P"].pk
    conversation = world.objects["P"]["conversation"]
    return {
        "with_relation": [
            "/",
            "/personer/",
            f"/personer/{p}/",
            f"/personer/{p}/plan/",
            f"/personer/{p}/plan/24-timer/",
            f"/personer/{p}/plan/seire/",
            f"/personer/{p}/plan/ressurser/",
            f"/personer/{p}/plan/nettverk/",
            f"/personer/{p}/plan/uke/",
            f"/personer/{p}/samtaler/",
            f"/personer/{p}/samtaler/{conversation}/",
            f"/personer/{p}/samtaler/{conversation}/evaluering/",
            f"/personer/{p}/chime/",
            f"/personer/{p}/mi/",
            "/refleksjon/",
        ],
        "self": ["/min-side/", f"/personer/{p}/innsyn/", f"/personer/{p}/samtykke/"],
        "team_leader": ["/organisasjon/logg/"],
    }


def seq_scans(sql: str, params) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return [table for table in re.findall(r"Seq Scan on (\w+)", plan) if GROWING.match(table)]


def test_overview_pages_only_use_indexes_on_growing_tables():
    world = build_world()
    problems, checked = [], 0
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    try:
        # The method sees a missing index: nothing indexes a goal's text.
        assert seq_scans("SELECT id FROM plans_goal WHERE text = 'x'", None) == ["plans_goal"]
        for role, urls in pages(world).items():
            user = world.users[role]
            client = sign_in(Client(), user, two_factor=user.needs_two_factor)
            for url in urls:
                with CaptureQueriesContext(connection) as captured:
                    assert client.get(url).status_code == 200, url
                for query in captured.captured_queries:
                    sql = query["sql"]
                    if not sql.lstrip().upper().startswith("SELECT"):
                        continue
                    checked += 1
                    # Re-run through the driver with the literal SQL Django logged.
                    for table in seq_scans(sql, None):
                        problems.append(f"{url}: Seq Scan on {table}: {sql[:200]}")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = on")
    print(f"\n{checked} SELECTs explained, {len(problems)} without an index")
    assert not problems, "\n".join(sorted(set(problems)))
