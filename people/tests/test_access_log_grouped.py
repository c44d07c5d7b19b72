"""«Hvem har sett mine opplysninger» reads as one line per day, who and what they did – with
every single time one tap away, and refusals on lines of their own."""

import datetime as dt
import re

import pytest

from people.tests.conftest import TODAY, oslo

pytestmark = pytest.mark.django_db


def test_many_reads_by_one_person_on_one_day_are_one_line(read_log, add_rows, alice):
    add_rows(alice, 8, at=oslo(TODAY, 11), step=dt.timedelta(minutes=7))
    status, text, _ = read_log()
    assert status == 200
    assert "Alice Aas (fagperson / miljøarbeider) så planen din 8 ganger i dag." in text
    assert text.count("så planen din 8 ganger") == 1
    assert "Fra 20. november til i dag: 8 hendelser." in text


def test_lines_are_split_by_who_what_and_day(read_log, add_rows, alice, bob):
    add_rows(alice, 3, at=oslo(TODAY, 9))
    add_rows(alice, 2, at=oslo(TODAY, 10), object_type="goal")
    add_rows(alice, 1, at=oslo(TODAY, 10), action="update", object_type="goal")
    add_rows(bob, 4, at=oslo(TODAY, 8), basis="consent")
    add_rows(alice, 5, at=oslo(TODAY - dt.timedelta(days=1), 15))
    _, text, _ = read_log()
    assert "Alice Aas (fagperson / miljøarbeider) så planen din 3 ganger i dag." in text
    assert "Alice Aas (fagperson / miljøarbeider) så et mål i planen din 2 ganger i dag." in text
    assert "Alice Aas (fagperson / miljøarbeider) endret et mål i planen din i dag kl. 10.00." in text
    assert "Bob Berg (erfaringskonsulent) så planen din 4 ganger i dag. Grunnlag: samtykke til teamet." in text
    assert "Alice Aas (fagperson / miljøarbeider) så planen din 5 ganger i går." in text


def test_days_are_today_yesterday_or_the_date_in_oslo(read_log, add_rows, alice):
    add_rows(alice, 2, at=oslo(TODAY, 0, 30))  # 23.30 the day before in UTC: still today here
    add_rows(alice, 3, at=oslo(TODAY - dt.timedelta(days=1), 23, 45))
    add_rows(alice, 4, at=oslo(TODAY - dt.timedelta(days=3), 9))
    _, text, body = read_log()
    assert "så planen din 2 ganger i dag." in text
    assert "så planen din 3 ganger i går." in text
    assert "så planen din 4 ganger 30. november." in text
    assert re.findall(r"<h2 id=\"dag-\d+\">([^<]+)</h2>", body) == ["I dag", "I går", "Mandag 30. november"]


def test_last_year_says_the_year(add_rows, alice, charlie, charlie_person, frozen):
    import time_machine
    from django.test import Client

    from conftest import sign_in
    from people.tests.conftest import page_text

    add_rows(alice, 2, at=oslo(dt.date(2026, 12, 30), 9))
    with time_machine.travel(oslo(dt.date(2027, 1, 2), 10), tick=False):
        body = sign_in(Client(), charlie, two_factor=False).get(f"/personer/{charlie_person.pk}/innsyn/")
    assert "så planen din 2 ganger 30. desember 2026." in page_text(body.content.decode())


def test_each_time_is_in_the_details_of_its_line(read_log, add_rows, alice):
    add_rows(alice, 1, at=oslo(TODAY, 9, 14), basis="relation")
    add_rows(alice, 1, at=oslo(TODAY, 8, 2), basis="consent")
    _, text, body = read_log()
    line = "Alice Aas (fagperson / miljøarbeider) så planen din 2 ganger i dag. Se hver gang"
    assert line in text  # two bases: the line says neither, each time says its own
    body = body[body.index("<main") :]  # the header has a <details> menu of its own
    details = body[body.index("<details>") : body.index("</details>")]
    assert "<summary" in details
    assert "kl. 09.14 – så planen din (grunnlag: fast kontakt)" in details
    assert "kl. 08.02 – så planen din (grunnlag: samtykke til teamet)" in details
    assert details.index("kl. 09.14") < details.index("kl. 08.02")  # latest first


def test_a_single_time_needs_no_tap(read_log, add_rows, alice):
    add_rows(alice, 1, at=oslo(TODAY, 9, 14))
    _, text, body = read_log()
    assert "Alice Aas (fagperson / miljøarbeider) så planen din i dag kl. 09.14. Grunnlag: fast kontakt." in text
    assert "<details>" not in body


def test_a_very_long_line_counts_every_time_and_says_where_the_rest_are(read_log, add_rows, alice, charlie_person):
    from people.access_log import DETAILS_LIMIT

    add_rows(alice, DETAILS_LIMIT + 7, at=oslo(TODAY, 13), step=dt.timedelta(seconds=30))
    _, text, body = read_log()
    assert f"så planen din {DETAILS_LIMIT + 7} ganger i dag." in text
    body = body[body.index("<main") :]  # the header has a <details> menu of its own
    details = body[body.index("<details>") : body.index("</details>")]
    assert details.count("<li>kl. ") == DETAILS_LIMIT
    assert "Og 7 ganger til tidligere denne dagen." in text
    assert f'href="/personer/{charlie_person.pk}/data.json"' in body


def test_refusals_stand_apart_from_reads(read_log, add_rows, bob):
    add_rows(bob, 3, at=oslo(TODAY, 9), basis="consent")
    add_rows(bob, 2, at=oslo(TODAY, 10), action="denied", basis="none")
    _, text, body = read_log()
    assert "Bob Berg (erfaringskonsulent) så planen din 3 ganger i dag." in text
    assert "Bob Berg (erfaringskonsulent) ble stoppet fra å åpne planen din 2 ganger i dag." in text
    assert body.count('class="is-denied"') == 1
    assert '<span class="denied">Bob Berg (erfaringskonsulent) ble stoppet' in body
    assert "2 ganger ble noen stoppet fra å åpne opplysningene dine i disse dagene." in text
    assert "Grunnlag: ingen tilgang" not in text and "(grunnlag: ingen tilgang)" not in text


def test_who_is_said_as_the_log_keeps_it(read_log, add_rows, alice):
    add_rows(None, 2, at=oslo(TODAY, 9), action="denied", basis="none")
    add_rows(None, 1, at=oslo(TODAY, 8), object_type="consent", role="system", basis="")
    _, text, _ = read_log()
    assert "Noen som ikke var logget inn ble stoppet fra å åpne planen din 2 ganger i dag." in text
    assert "Medvandrer så samtykkene dine i dag kl. 08.00." in text
