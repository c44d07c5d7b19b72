"""Helpers for the tests of «Hvem har sett mine opplysninger» (people/tests/test_access_log_*.py):
a fixed clock, the person's own signed-in client, rows written straight into the trail at
chosen times, and the page as the person reads it (text without tags)."""

import datetime as dt
import html
import re
import zoneinfo

import pytest

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
NOW = dt.datetime(2026, 12, 3, 14, 0, tzinfo=OSLO)  # a Thursday, far from a change of summer time
TODAY = NOW.date()


def oslo(day: dt.date, hour: int = 12, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=OSLO)


def page_text(body: str) -> str:
    """The words on the page, as a person reads them: no tags, one space between words."""
    main = body[body.index("<main") : body.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split()).replace(" .", ".").replace(" ,", ",")


def days_text(body: str) -> str:
    """Only the lines of the log (the day sections), without the filter and the explanations."""
    sections = re.findall(r'<section class="log-day".*?</section>', body, flags=re.S)
    return page_text("<main>" + "".join(sections) + "</main>")


@pytest.fixture
def frozen():
    import time_machine

    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def log_client(frozen, charlie, charlie_person):
    from django.test import Client

    from conftest import sign_in

    return sign_in(Client(), charlie, two_factor=False)


@pytest.fixture
def add_rows(charlie_person):
    """add_rows(actor, n, at=…, action=…, object_type=…, basis=…): n rows in charlie's trail,
    written as audit.log writes them (a staff member by name, a person by role only)."""
    from accounts.models import STAFF_ROLES
    from audit.models import AuditEvent

    def add(actor, n=1, *, at=None, action="read", object_type="plan", basis="relation", role=None, step=None):
        at = at or oslo(TODAY)
        rows = [
            AuditEvent(
                at=at - (step or dt.timedelta(0)) * i,
                actor_id=getattr(actor, "pk", None),
                actor_name=actor.display_name if actor is not None and actor.role in STAFF_ROLES else "",
                actor_role=role or (actor.role if actor is not None else "anonym"),
                organisation_id=charlie_person.organisation_id,
                person_id=charlie_person.pk,
                object_type=object_type,
                object_id=str(charlie_person.pk),
                action=action,
                basis=basis,
            )
            for i in range(n)
        ]
        AuditEvent.objects.bulk_create(rows)
        return rows

    return add


@pytest.fixture
def read_log(log_client, charlie_person):
    """read_log(**params) -> (status, text of the page, html)."""

    def read(**params):
        response = log_client.get(f"/personer/{charlie_person.pk}/innsyn/", params)
        body = response.content.decode()
        return response.status_code, page_text(body) if response.status_code == 200 else "", body

    return read
