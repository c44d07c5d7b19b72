"""The MI overview costs the same number of SQL queries with 3 crosses and 3 readings as with 60 of
each (over many topics, with edited crosses), and so do the pages of one cross or one reading and
the export section."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import count_queries, make_user, sign_in
from mitools.export import export_context
from mitools.models import AmbivalenceCross, CrossRevision, RulerReading
from mitools.tests.common import cross, reading
from people.models import CareRelation, Person
from plans.models import Goal

pytestmark = pytest.mark.django_db


def person_with(organisation, alice, n: int, name: str) -> Person:
    user = make_user(name, "deltaker", organisation)
    person = Person.objects.create(organisation=organisation, display_name=name, user=user)
    CareRelation.objects.create(staff=alice, person=person)
    goal = Goal.objects.create(person=person, text="Et mål")
    for i in range(n):
        topic = f"Tema {i % 7}"
        c = cross(person, topic, days_ago=n - i, author=user, goal=goal if i % 2 else None, pros_now=f"p{i}")
        for number in (2, 3):
            CrossRevision.objects.create(
                person=person, cross=c, number=number, topic=topic, by=alice, pros_now=f"e{number}"
            )
        reading(person, topic, i % 11, (i * 3) % 11, days_ago=n - i, author=alice, goal=goal if i % 3 else None)
    return person


def test_the_mi_pages_do_not_grow_with_the_data(alice, organisation, capsys):
    few, many = person_with(organisation, alice, 3, "fa"), person_with(organisation, alice, 60, "mange")
    counts = {}
    for who in ("self", "care contact"):
        for person in (few, many):
            client = sign_in(Client(), person.user, two_factor=False) if who == "self" else sign_in(Client(), alice)
            base = f"/personer/{person.pk}/mi/"
            first_cross = AmbivalenceCross.objects.filter(person=person).first()
            first_reading = RulerReading.objects.filter(person=person).first()
            for page, url in {
                "oversikt": base,
                "kors": base + f"kors/{first_cross.pk}/",
                "linjal": base + f"linjal/{first_reading.pk}/",
                "nytt kors": base + "kors/ny/",
                "ny måling": base + "linjal/ny/",
            }.items():
                counts[(who, page, person.display_name)] = count_queries(client, url)
    with capsys.disabled():
        print(f"\nMI queries (3 vs 60 crosses and readings): {counts}")
    for (who, page, name), count in counts.items():
        if name == "fa":
            assert counts[(who, page, "mange")] == count, (who, page)
    assert counts[("care contact", "oversikt", "mange")] <= 12


def test_the_export_section_needs_two_count_queries(alice, organisation):
    for n in (3, 60):
        person = person_with(organisation, alice, n, f"eksport{n}")
        with CaptureQueriesContext(connection) as captured:
            context = export_context(person)
        assert len(captured) == 2 and sum(len(g["readings"]) for g in context["mi_groups"]) == n
