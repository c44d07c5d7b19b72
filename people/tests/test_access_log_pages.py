"""The access log pages by days – 14 at a time, counted back from today – so a day is never split,
each page says how many events it covers, and «Eldre»/«Nyere» skip weeks with nothing in them."""

import datetime as dt
import re

import pytest

from people.tests.conftest import TODAY, days_text, oslo

pytestmark = pytest.mark.django_db


def link(body: str, name: str) -> str | None:
    found = re.search(rf'<a href="([^"]*)" rel="[a-z]+">[^<]*{name}[^<]*</a>', body)
    return found.group(1).replace("&amp;", "&") if found else None


def test_a_page_is_fourteen_days_and_says_how_much_happened(read_log, add_rows, alice):
    add_rows(alice, 2, at=oslo(TODAY, 9))
    add_rows(alice, 5, at=oslo(TODAY - dt.timedelta(days=13), 0, 1))  # 20 November: the first day of page 1
    add_rows(alice, 3, at=oslo(TODAY - dt.timedelta(days=14), 23, 59))  # 19 November: page 2
    _, text, body = read_log()
    assert "Fra 20. november til i dag: 7 hendelser." in text
    assert "så planen din 5 ganger 20. november." in days_text(body)
    assert "19. november" not in days_text(body)
    assert link(body, "Eldre") == "?side=2" and link(body, "Nyere") is None

    _, text, body = read_log(side="2")
    assert "Fra 6. november til 19. november: 3 hendelser." in text
    assert "så planen din 3 ganger 19. november." in days_text(body)
    assert link(body, "Nyere") == "?" and link(body, "Eldre") is None


def test_a_busy_day_is_never_split_across_pages(read_log, add_rows, alice, bob):
    day = TODAY - dt.timedelta(days=13)
    add_rows(alice, 120, at=oslo(day, 23, 59), step=dt.timedelta(minutes=11))  # 23.59 back to 02.00
    add_rows(bob, 1, at=oslo(day - dt.timedelta(days=1), 23, 59))
    _, text, _ = read_log()
    assert "så planen din 120 ganger 20. november." in text
    _, text, body = read_log(side="2")
    assert "Alice Aas" not in days_text(body) and "Bob Berg (erfaringskonsulent) så planen din 19. november" in text


def test_paging_skips_weeks_with_nothing_in_them(read_log, add_rows, alice):
    add_rows(alice, 1, at=oslo(TODAY, 9))
    add_rows(alice, 4, at=oslo(TODAY - dt.timedelta(days=60), 9))  # page 5
    _, text, body = read_log()
    assert link(body, "Eldre") == "?side=5"
    assert "Loggen din går tilbake til 4. oktober 2026." in text
    _, text, body = read_log(side="5")
    assert "så planen din 4 ganger 4. oktober." in text
    assert link(body, "Nyere") == "?" and link(body, "Eldre") is None
    assert "Loggen din går tilbake" not in text  # this is as far back as it goes


def test_paging_keeps_the_filter_and_skips_by_it(read_log, add_rows, alice, bob):
    add_rows(alice, 3, at=oslo(TODAY, 9))
    add_rows(alice, 3, at=oslo(TODAY - dt.timedelta(days=20), 9))  # page 2, reads only
    add_rows(bob, 1, at=oslo(TODAY - dt.timedelta(days=31), 9), action="denied", basis="none")  # page 3
    _, text, body = read_log(hva="stoppet")
    assert "ingenting som passer med valget ditt." in text
    assert link(body, "Eldre") == "?hva=stoppet&side=3"
    _, text, body = read_log(hva="stoppet", side="3")
    assert "Bob Berg (erfaringskonsulent) ble stoppet fra å åpne planen din 2. november kl. 09.00." in text
    assert link(body, "Nyere") == "?hva=stoppet" and link(body, "Eldre") is None


def test_a_page_far_beyond_the_log_points_back(read_log, add_rows, alice):
    add_rows(alice, 2, at=oslo(TODAY - dt.timedelta(days=3), 9))
    status, text, body = read_log(side="400")
    assert status == 200 and "ingen andre har sett opplysningene dine." in text
    assert link(body, "Nyere") == "?"


def test_an_empty_fortnight_says_so_and_offers_the_older_days(read_log, add_rows, alice):
    add_rows(alice, 2, at=oslo(TODAY - dt.timedelta(days=20), 9))
    _, text, body = read_log()
    assert "Fra 20. november til i dag: ingen andre har sett opplysningene dine." in text
    assert link(body, "Eldre") == "?side=2"


def test_nothing_at_all_yet(read_log):
    _, text, body = read_log()
    assert "Ingen andre har sett opplysningene dine ennå." in text
    assert '<select id="hvem"' not in body
