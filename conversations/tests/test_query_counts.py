"""The conversation pages cost the same number of SQL queries for 3 conversations as for 30."""

import pytest
from django.utils import timezone

from conftest import count_queries
from conversations.models import Conversation, PersonEvaluation, StaffEvaluation
from plans.models import Goal, Step

pytestmark = pytest.mark.django_db


def add(person, author, n):
    goal = Goal.objects.create(person=person, text="Mål")
    last = None
    for i in range(n):
        last = Conversation.objects.create(
            person=person,
            created_by=author,
            ended=timezone.now(),
            notes=f"Samtale {i}",
            used_questions=["C1.1", "H1.1"],
        )
        last.steps.add(Step.objects.create(person=person, goal=goal, text=f"Steg {i}"))
        PersonEvaluation.objects.create(person=person, conversation=last, heard=3, elements=["hope"])
        StaffEvaluation.objects.create(person=person, conversation=last, listening=4, elements=["hope"])
    return last


def test_conversation_pages_do_not_grow(alice_client, alice, charlie_person, steady_content_cache):
    base = f"/personer/{charlie_person.pk}"
    last = add(charlie_person, alice, 3)
    pages = ["/samtaler/", f"/samtaler/{last.pk}/", f"/samtaler/{last.pk}/evaluering/", "/plan/utskrift/"]
    few = {page: count_queries(alice_client, base + page) for page in pages}
    last = add(charlie_person, alice, 27)
    pages_now = ["/samtaler/", f"/samtaler/{last.pk}/", f"/samtaler/{last.pk}/evaluering/", "/plan/utskrift/"]
    many = {page: count_queries(alice_client, base + now) for page, now in zip(pages, pages_now, strict=True)}
    assert few == many
    print(f"\nqueries per page (3 and 30 conversations): {many}")
