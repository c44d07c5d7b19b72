"""The CHIME overview costs the same number of SQL queries with 3 ratings as with 60, for the
person and for their care contact, and so does the export section."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from chime.export import export_context
from chime.tests.common import rating
from conftest import count_queries, make_user, sign_in
from people.models import CareRelation, Person

pytestmark = pytest.mark.django_db


def person_with(organisation, alice, n: int, name: str) -> Person:
    user = make_user(name, "deltaker", organisation)
    person = Person.objects.create(organisation=organisation, display_name=name, user=user)
    CareRelation.objects.create(staff=alice, person=person)
    for i in range(n):
        rating(person, *[(i + k) % 11 for k in range(5)], days_ago=n - i, author=user if i % 2 else alice, note=f"n{i}")
    return person


def test_the_overview_does_not_grow_with_the_ratings(alice, organisation, capsys):
    few, many = person_with(organisation, alice, 3, "fa"), person_with(organisation, alice, 60, "mange")
    counts = {}
    for who in ("self", "care contact"):
        for person in (few, many):
            client = sign_in(Client(), person.user, two_factor=False) if who == "self" else sign_in(Client(), alice)
            counts[(who, person.display_name)] = count_queries(client, f"/personer/{person.pk}/chime/")
    with capsys.disabled():
        print(f"\nCHIME overview queries (3 vs 60 ratings): {counts}")
    assert counts[("self", "fa")] == counts[("self", "mange")]
    assert counts[("care contact", "fa")] == counts[("care contact", "mange")]
    assert max(counts.values()) <= 12


def test_the_export_section_needs_one_query(alice, organisation):
    for n in (3, 60):
        person = person_with(organisation, alice, n, f"eksport{n}")
        with CaptureQueriesContext(connection) as captured:
            context = export_context(person)
        assert len(captured) == 1 and len(context["chime_ratings"]) == n
