"""Grouping hides nothing: the lines of a page add up to every row of its days, and the pages
together add up to the whole log (also across midnight and the end of summer time)."""

import datetime as dt
import random
import re

import pytest

from people.tests.conftest import OSLO, TODAY

pytestmark = pytest.mark.django_db


def line_counts(body: str) -> list[int]:
    """The count each line of the page stands for: «… 8 ganger i dag» is 8, a line with a time is 1."""
    counts = []
    for item in re.findall(r'<ul class="log-list log-groups">(.*?)</ul>\s*</section>', body, flags=re.S):
        for line in re.findall(r'class="log-line">(.*?)(?:</summary>|</p>)', item, flags=re.S):
            found = re.search(r"([\d\u00a0]+) ganger (?:i dag|i går|\d)", line)
            counts.append(int(found.group(1).replace("\u00a0", "")) if found else 1)
    return counts


def rows_between(person, first: dt.date, last: dt.date, **filters) -> int:
    from audit.models import AuditEvent

    start = dt.datetime.combine(first, dt.time.min, tzinfo=OSLO)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=OSLO)
    return AuditEvent.objects.filter(person_id=person.pk, at__gte=start, at__lt=end, **filters).count()


@pytest.fixture
def busy_months(add_rows, alice, bob, organisation):
    """About 600 rows over 50 days, some right around midnight and the night summer time ended."""
    from conftest import make_user

    rnd = random.Random(7)
    dora = make_user("dora", "teamleder", organisation, "Dora Dahl")
    for _ in range(600):
        day = TODAY - dt.timedelta(days=rnd.randrange(50))
        moment = dt.datetime.combine(day, dt.time(rnd.randrange(24), rnd.randrange(60)), tzinfo=OSLO)
        if rnd.random() < 0.1:
            moment = dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=OSLO)
        add_rows(
            rnd.choice([alice, alice, bob, dora, None]),
            at=moment,
            action=rnd.choice(["read", "read", "read", "update", "create", "export", "print", "denied"]),
            object_type=rnd.choice(["plan", "goal", "about", "person"]),
            basis=rnd.choice(["relation", "consent"]),
        )
    for moment in ("2026-10-25T00:30:00+02:00", "2026-10-25T02:30:00+01:00", "2026-10-25T23:59:00+01:00"):
        add_rows(alice, at=dt.datetime.fromisoformat(moment))


def test_each_page_adds_up_to_every_row_of_its_days(read_log, busy_months, charlie_person):
    from people.access_log import DAYS_PER_PAGE

    total = 0
    for number in range(1, 6):
        first = TODAY - dt.timedelta(days=DAYS_PER_PAGE * number - 1)
        last = first + dt.timedelta(days=DAYS_PER_PAGE - 1)
        expected = rows_between(charlie_person, first, last) - rows_between(
            charlie_person, first, last, actor_id=charlie_person.user_id
        )
        status, text, body = read_log(side=str(number))
        assert status == 200
        assert sum(line_counts(body)) == expected, number
        if expected:
            assert f": {expected} hendelse" in text  # «Fra … til …: 38 hendelser.»
        total += expected
    assert total == 603


def test_the_groups_add_up_whatever_the_filter(busy_months, charlie_person, charlie, frozen):
    from django.http import QueryDict

    from people.access_log import KINDS, page

    for kind, (_label, actions) in KINDS.items():
        for number in (1, 2, 3, 4):
            log = page(charlie_person, viewer=charlie, params=QueryDict(f"hva={kind}&side={number}"))
            filters = {"action__in": actions} if actions else {}
            expected = rows_between(charlie_person, log["first_day"], log["last_day"], **filters)
            assert sum(g.count for d in log["days"] for g in d.groups) == log["count"] == expected, (kind, number)


def test_summer_time_ending_keeps_each_row_on_its_own_day(read_log, busy_months, charlie_person):
    from people.access_log import page

    log = page(charlie_person, viewer=charlie_person.user, params={"side": "3"})
    days = {d.day: sum(g.count for g in d.groups) for d in log["days"]}
    assert days[dt.date(2026, 10, 25)] == rows_between(charlie_person, dt.date(2026, 10, 25), dt.date(2026, 10, 25))
    assert days[dt.date(2026, 10, 24)] == rows_between(charlie_person, dt.date(2026, 10, 24), dt.date(2026, 10, 24))
