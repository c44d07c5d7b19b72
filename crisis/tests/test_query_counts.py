"""The plan for hard days, «Jeg har det vanskelig nå», the crisis card and a conversation with
the safety card cost the same number of SQL queries for a short plan and a long one."""

import pytest
from django.test import Client

from conftest import count_queries, sign_in
from conversations.models import Conversation
from plans.models import CrisisContact, CrisisPlan, CrisisPlanPart, WarningSign
from plans.safety_plan import TEXT_KEYS

pytestmark = pytest.mark.django_db


def grow(person, plan, n):
    for i in range(n):
        WarningSign.objects.create(person=person, plan=plan, sign=f"Tegn {i}")
        CrisisContact.objects.create(
            person=person,
            plan=plan,
            name=f"Kontakt {i}",
            how_to_reach="900 00 000",
            group=("hjelp", "fagfolk", "avledning")[i % 3],
        )
    for key in TEXT_KEYS[: min(n, len(TEXT_KEYS))]:
        CrisisPlanPart.objects.update_or_create(plan=plan, key=key, defaults={"person": person, "text": f"Tekst {key}"})


def test_the_crisis_pages_do_not_grow_with_the_plan(charlie, charlie_person, alice, steady_content_cache):
    plan = CrisisPlan.objects.create(person=charlie_person)
    conversation = Conversation.objects.create(person=charlie_person, phase="krise", notes="Han vil dø.")
    person_client = sign_in(Client(), charlie, two_factor=False)
    staff_client = sign_in(Client(), alice)
    base = f"/personer/{charlie_person.pk}/plan/kriseplan/"
    pages = [
        (person_client, base),
        (person_client, "/vanskelig/"),
        (person_client, base + "kort/"),
        (staff_client, base),
        (staff_client, f"/personer/{charlie_person.pk}/samtaler/{conversation.pk}/"),
    ]
    grow(charlie_person, plan, 2)
    few = [count_queries(client, url) for client, url in pages]
    grow(charlie_person, plan, 30)
    many = [count_queries(client, url) for client, url in pages]
    assert few == many
