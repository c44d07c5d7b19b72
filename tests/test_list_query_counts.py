"""The list pages outside the plan – persons, the person's access log, the organisation's
log – cost the same number of SQL queries when the data grows tenfold. (Each app's own
overview pages have the same kind of test in its tests/test_query_counts.py.)"""

import pytest
from django.test import Client

from accounts.models import Role
from audit.log import record
from audit.models import Action, Basis
from conftest import count_queries, make_user, sign_in
from people.models import CareRelation, Person

pytestmark = pytest.mark.django_db


def grow(organisation, alice, person, n):
    for i in range(n):
        other = Person.objects.create(organisation=organisation, display_name=f"Person {i}")
        CareRelation.objects.create(staff=alice, person=other)
        record(actor=alice, action=Action.READ, object_type="plan", person=person, basis=Basis.RELATION)


def test_list_pages_do_not_grow_with_the_data(organisation, alice, charlie, charlie_person, steady_content_cache):
    lise = make_user("lise", Role.TEAM_LEADER, organisation)
    pages = [
        (sign_in(Client(), alice), "/personer/"),
        (sign_in(Client(), charlie, two_factor=False), f"/personer/{charlie_person.pk}/innsyn/"),
        (sign_in(Client(), lise), "/organisasjon/logg/"),
    ]
    grow(organisation, alice, charlie_person, 5)
    few = [count_queries(client, url) for client, url in pages]
    grow(organisation, alice, charlie_person, 45)
    many = [count_queries(client, url) for client, url in pages]
    assert few == many
