"""Plan pages cost the same number of SQL queries for a small plan and for a large one
(50 goals, 300 steps, 100 people and places, three years of history)."""

import pytest

from conftest import count_queries, make_user, sign_in
from people.models import CareRelation, Person
from plans.models import Goal
from plans.sample import make_plan

pytestmark = pytest.mark.django_db

PAGES = [
    "",
    "24-timer/",
    "seire/",
    "ressurser/",
    "ressurser/historikk/",
    "nettverk/",
    "kriseplan/",
    "uke/",
    "utskrift/",
    "ip/",
]


def test_query_counts_do_not_grow_with_the_plan(alice, organisation):
    small = Person.objects.create(organisation=organisation, display_name="Liten plan")
    large = Person.objects.create(organisation=organisation, display_name="Stor plan")
    for person in (small, large):
        CareRelation.objects.create(staff=alice, person=person)
    make_plan(small, goals=2, steps=4, network=3, years=1, author=alice)
    make_plan(large, goals=50, steps=300, network=100, years=3, author=alice)
    client = sign_in(__import__("django.test", fromlist=["Client"]).Client(), alice)
    differences = {}
    for page in PAGES:
        few = count_queries(client, f"/personer/{small.pk}/plan/{page}")
        many = count_queries(client, f"/personer/{large.pk}/plan/{page}")
        if few != many:
            differences[page or "oversikt"] = (few, many)
    goal_small, goal_large = Goal.objects.filter(person=small).first(), Goal.objects.filter(person=large).first()
    few = count_queries(client, f"/personer/{small.pk}/plan/mal/{goal_small.pk}/")
    many = count_queries(client, f"/personer/{large.pk}/plan/mal/{goal_large.pk}/")
    if few != many:
        differences["mål"] = (few, many)
    assert differences == {}


def test_the_overview_needs_few_queries(alice, organisation):
    person = Person.objects.create(organisation=organisation, display_name="Stor plan")
    CareRelation.objects.create(staff=alice, person=person)
    make_plan(person, author=alice)
    from django.test import Client

    assert count_queries(sign_in(Client(), alice), f"/personer/{person.pk}/plan/") <= 16


def test_min_side_does_not_grow_either(organisation):
    from django.test import Client

    counts = []
    for n, size in enumerate([(2, 4, 3), (50, 300, 100)]):
        user = make_user(f"person{n}", "deltaker", organisation)
        person = Person.objects.create(organisation=organisation, display_name=f"P{n}", user=user)
        make_plan(person, goals=size[0], steps=size[1], network=size[2], author=user)
        counts.append(count_queries(sign_in(Client(), user, two_factor=False), "/min-side/"))
    assert counts[0] == counts[1]
