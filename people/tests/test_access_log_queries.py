"""The access log costs the same number of SQL queries for 10 rows as for 500, with and without
filters: the actors in one query, the page's groups in one, the times under them in one (a page
with nothing on it needs no third)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import count_queries
from people.tests.conftest import TODAY, oslo

pytestmark = pytest.mark.django_db


def grow(add_rows, actors, n):
    kinds = ["read", "read", "update", "export", "denied"]
    for i in range(n):
        day = TODAY - dt.timedelta(days=i * 3 % 30)  # both pages have rows, even with ten
        add_rows(actors[i % len(actors)], at=oslo(day, 8 + i % 12, i % 60), action=kinds[i % len(kinds)])


def addresses(log_client, charlie_person):
    from people.access_log import who_key

    base = f"/personer/{charlie_person.pk}/innsyn/"
    alice = who_key("Alice Aas", "fagperson", you=False)
    return [base, f"{base}?egne=1", f"{base}?side=2", f"{base}?hva=sett", f"{base}?hvem={alice}&hva=stoppet"]


def test_the_query_count_does_not_grow_with_the_log(
    log_client, charlie_person, add_rows, alice, bob, organisation, steady_content_cache
):
    from conftest import make_user

    dora = make_user("dora", "teamleder", organisation, "Dora Dahl")
    urls = addresses(log_client, charlie_person)
    grow(add_rows, [alice, bob], 10)
    few = [count_queries(log_client, url) for url in urls]
    grow(add_rows, [alice, bob, dora, None], 490)
    many = [count_queries(log_client, url) for url in urls]
    assert few == many


def test_three_reads_of_the_trail_whatever_the_page(log_client, charlie_person, add_rows, alice, bob):
    grow(add_rows, [alice, bob], 200)
    for url in addresses(log_client, charlie_person):
        with CaptureQueriesContext(connection) as captured:
            assert log_client.get(url).status_code == 200
        reads = [
            q["sql"]
            for q in captured.captured_queries
            if q["sql"].startswith("SELECT") and "audit_auditevent" in q["sql"]
        ]
        assert len(reads) == 3, url
