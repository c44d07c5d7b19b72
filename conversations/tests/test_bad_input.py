"""Whatever is typed into a conversation or an evaluation – nothing, 20,000 characters,
script, markup, emoji, odd dates and numbers, stale or made-up versions – gets a page with a
plain message (or the conflict view), never a server error, and what was typed is still there."""

import pytest
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from conversations.models import Conversation, EvaluationLink
from conversations.tests.conftest import url
from plans.tests.test_bad_input import HYPOTHESIS, check, clean, dates, texts

pytestmark = pytest.mark.django_db
versions = st.one_of(st.integers(-3, 5).map(str), st.text(max_size=4))
scales = st.one_of(st.integers(-2, 7).map(str), st.sampled_from(["", "fem", "3.5", "99999999999999999999"]))
elements = st.lists(st.sampled_from(["hope", "meaning", "månen", "", "<b>"]), max_size=3)


def fresh(person, author, **fields):
    return Conversation.objects.create(person=person, created_by=author, **fields)


@HYPOTHESIS
@given(
    phase=st.sampled_from(["", "innledende", "krise", "ukjent"]),
    focus=st.sampled_from(["", "hope", "x"]),
    situation=texts,
    use=st.sampled_from(["", "del", "sok", "annet"]),
)
def test_start_form(alice_client, charlie_person, phase, focus, situation, use):
    data = {"phase": phase, "focus": focus, "situation": clean(situation)[:1000], "situation_use": use}
    check(alice_client.post(f"/personer/{charlie_person.pk}/samtaler/ny/", data), data["situation"])


@HYPOTHESIS
@given(
    notes=texts, stage=st.sampled_from(["", "handling", "tilbakefall", "månen"]), version=versions, htmx=st.booleans()
)
def test_notes_form(alice_client, charlie_person, alice, notes, stage, version, htmx):
    conversation = fresh(charlie_person, alice)
    data = {"notes": clean(notes), "stage": stage, "version": version}
    response = alice_client.post(url(conversation), data, **({"HTTP_HX_REQUEST": "true"} if htmx else {}))
    assert response.status_code in (200, 302, 400, 409), response.status_code
    if response.status_code in (200, 409) and not htmx:
        check(response, data["notes"])


@HYPOTHESIS
@given(
    step=texts, new_goal=texts, goal=st.one_of(st.integers(-1, 10**6).map(str), st.text(max_size=5)), follow_up=dates
)
def test_next_steps_form(alice_client, charlie_person, alice, step, new_goal, goal, follow_up):
    conversation = fresh(charlie_person, alice)
    data = {"step_1": clean(step)[:1000], "new_goal": clean(new_goal)[:1000], "goal": goal, "follow_up_on": follow_up}
    check(alice_client.post(url(conversation, "avslutt/"), data), data["step_1"])


@HYPOTHESIS
@given(heard=scales, chosen=elements, takeaway=texts, next_steps=texts, version=versions)
def test_person_evaluation_form(charlie_client, charlie_person, alice, heard, chosen, takeaway, next_steps, version):
    conversation = fresh(charlie_person, alice, ended=timezone.now())
    data = {
        "heard": heard,
        "elements": chosen,
        "takeaway": clean(takeaway),
        "next_steps": clean(next_steps),
        "version": version,
    }
    check(charlie_client.post(url(conversation, "evaluering/min/"), data), data["takeaway"])


@HYPOTHESIS
@given(listening=scales, resources=scales, chosen=elements, follow_up=texts, version=versions)
def test_staff_evaluation_form(alice_client, charlie_person, alice, listening, resources, chosen, follow_up, version):
    conversation = fresh(charlie_person, alice, ended=timezone.now())
    data = {
        "listening": listening,
        "resources": resources,
        "strengths_based": "3",
        "elements": chosen,
        "follow_up": clean(follow_up),
        "version": version,
    }
    check(alice_client.post(url(conversation, "evaluering/fagperson/"), data), data["follow_up"])


@HYPOTHESIS
@given(heard=scales, takeaway=texts, token=st.text(max_size=120))
def test_the_link_form_and_made_up_links(charlie_person, alice, heard, takeaway, token):
    conversation = fresh(charlie_person, alice, ended=timezone.now())
    _link, real = EvaluationLink.create_for(conversation, created_by=alice)
    phone = Client()
    data = {"heard": heard, "takeaway": clean(takeaway)}
    response = phone.post(f"/evaluering/{real}/", data)
    assert response.status_code in (200, 410)
    made_up = "".join(c for c in token if c.isalnum() or c in "-_") or "x"
    assert phone.get(f"/evaluering/{made_up}/").status_code == 404
