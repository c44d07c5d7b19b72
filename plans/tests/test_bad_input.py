"""Whatever is typed into the plan – nothing, 20,000 characters, any script, markup, odd dates,
deleted links, stale versions – gets a page with a plain message, never a server error, and what
was typed is still there."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plans.models import CrisisContact, CrisisPlan, CrisisPlanPart, Goal, NetworkEntry, SubGoal

pytestmark = pytest.mark.django_db
HYPOTHESIS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
SCRIPT = "<script>alert('x')</script>"
texts = st.one_of(
    st.text(max_size=200),
    st.sampled_from(["", "   ", "\n\t", SCRIPT, "<b>fet</b>", "😀🎉" * 20, "ጤና ይስጥልኝ ☃ ǅ", "å" * 20_001, "a" * 19_999]),
)
dates = st.one_of(
    st.sampled_from(["", "i går", "31.02.2027", "2027-02-31", "0001-01-01", "9999-12-31"]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)).map(str),
)
ids = st.one_of(st.integers(-5, 10**6).map(str), st.text(max_size=8))


def clean(value: str) -> str:
    return value.replace("\x00", "")


def check(response, *typed):
    assert response.status_code in (200, 302, 404, 409), response.status_code
    if response.status_code in (200, 409):
        body = response.content.decode()
        assert SCRIPT not in body  # shown escaped, never run
        for value in typed:
            value = value.strip()
            if value and len(value) <= 20_000 and "\r" not in value:
                assert _escaped(value) in body, "what was typed is gone"


def _escaped(value):
    from django.utils.html import escape

    return escape(value)


@HYPOTHESIS
@given(
    text=texts,
    supporters=texts,
    evaluation=texts,
    target=dates,
    evaluate_on=dates,
    life_area=st.sampled_from(["", "fritid", "månen"]),
)
def test_goal_form(charlie_client, charlie_person, text, supporters, evaluation, target, evaluate_on, life_area):
    data = {
        "text": clean(text),
        "supporters": clean(supporters)[:500],
        "evaluation": clean(evaluation),
        "target_date": target,
        "evaluate_on": evaluate_on,
        "life_area": life_area,
        "status": "underveis",
    }
    response = charlie_client.post(f"/personer/{charlie_person.pk}/plan/mal/ny/", data)
    check(response, data["text"] if response.status_code == 200 else "")


@HYPOTHESIS
@given(text=texts, helper=texts, due=dates, subgoal=ids)
def test_step_form(charlie_client, charlie_person, text, helper, due, subgoal):
    goal = Goal.objects.get_or_create(person=charlie_person, text="Mål")[0]
    data = {"text": clean(text), "helper": clean(helper)[:200], "due": due, "subgoal": subgoal, "mal": goal.pk}
    check(charlie_client.post(f"/personer/{charlie_person.pk}/plan/steg/ny/?mal={goal.pk}", data))


@HYPOTHESIS
@given(name=texts, ring=st.sampled_from(["naer", "midt", "ytre", "", "langt-borte"]), note=texts, contact=texts)
def test_network_form(charlie_client, charlie_person, name, ring, note, contact):
    data = {
        "name": clean(name)[:300],
        "ring": ring,
        "group": "hjelpere",
        "note": clean(note),
        "contact": clean(contact)[:400],
    }
    check(charlie_client.post(f"/personer/{charlie_person.pk}/plan/nettverk/ny/", data))


@HYPOTHESIS
@given(
    key=st.sampled_from(["selv", "verdt-a-leve", "etter", "tryggere", "varseltegn", "finnes-ikke", "hjelp"]),
    text=texts,
    version=st.one_of(st.integers(-3, 5).map(str), st.text(max_size=4)),
)
def test_crisis_plan_parts(charlie_client, charlie_person, key, text, version):
    data = {"text": clean(text), "version": clean(version)}
    check(charlie_client.post(f"/personer/{charlie_person.pk}/plan/kriseplan/del/{key}/", data), data["text"])


@HYPOTHESIS
@given(key=texts, direction=texts, version=texts)
def test_crisis_plan_order(charlie_client, charlie_person, key, direction, version):
    data = {"del": clean(key)[:40], "retning": clean(direction)[:10], "version": clean(version)[:10]}
    check(charlie_client.post(f"/personer/{charlie_person.pk}/plan/kriseplan/flytt/", data))


@HYPOTHESIS
@given(sign=texts, todo=texts, network_entry=ids, name=texts)
def test_crisis_plan_lists(charlie_client, charlie_person, sign, todo, network_entry, name):
    base = f"/personer/{charlie_person.pk}/plan/"
    check(charlie_client.post(base + "varseltegn/ny/", {"sign": clean(sign), "what_to_do": clean(todo)}))
    check(charlie_client.post(base + "kontakt/ny/", {"network_entry": network_entry, "name": clean(name)[:300]}))


@HYPOTHESIS
@given(weekday=ids, part=ids, text=texts, kind=st.sampled_from(["aktivitet", "rytme", "kaos", ""]), goal=ids)
def test_week_form(charlie_client, charlie_person, weekday, part, text, kind, goal):
    data = {"weekday": weekday, "part": part, "text": clean(text)[:400], "kind": kind, "goal": goal}
    check(charlie_client.post(f"/personer/{charlie_person.pk}/plan/uke/ny/", data))


@HYPOTHESIS
@given(
    text=texts,
    category=st.sampled_from(["styrker", "mestring", "", "ukjent"]),
    when=st.sampled_from(["i-dag", "i-morgen", "i-fjor", ""]),
)
def test_resource_day_goal_and_win_forms(charlie_client, charlie_person, text, category, when):
    base = f"/personer/{charlie_person.pk}/plan/"
    check(charlie_client.post(base + "ressurs/ny/", {"category": category, "text": clean(text)}))
    check(charlie_client.post(base + "24/ny/", {"text": clean(text), "for_date": when}))
    check(charlie_client.post(base + "seire/", {"text": clean(text)}))


@HYPOTHESIS
@given(version=st.one_of(st.integers(-3, 3).map(str), st.text(max_size=4)), text=texts)
def test_stale_and_broken_versions(charlie_client, charlie_person, version, text):
    goal = Goal.objects.get_or_create(person=charlie_person, text="Mål", defaults={"version": 2})[0]
    response = charlie_client.post(
        f"/personer/{charlie_person.pk}/plan/mal/{goal.pk}/endre/",
        {"text": clean(text), "status": "underveis", "version": clean(version)},
    )
    check(response)


@HYPOTHESIS
@given(kind=st.text(min_size=1, max_size=12), item=st.integers(-3, 10**7))
def test_unknown_kinds_and_items_are_404(charlie_client, charlie_person, kind, item):
    from urllib.parse import quote

    response = charlie_client.get(f"/personer/{charlie_person.pk}/plan/{quote(kind, safe='')}/{abs(item)}/endre/")
    assert response.status_code in (404, 200)


def test_far_and_past_dates_are_explained(charlie_client, charlie_person):
    base = f"/personer/{charlie_person.pk}/plan/mal/ny/"
    past = charlie_client.post(
        base, {"text": "Mål", "status": "underveis", "target_date": str(date.today() - timedelta(days=1))}
    ).content.decode()
    assert "Den datoen er passert." in past
    far = charlie_client.post(
        base, {"text": "Mål", "status": "underveis", "target_date": "2100-01-01"}
    ).content.decode()
    assert "innen fem år" in far


def test_a_deleted_sub_goal_is_explained(charlie_client, charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Mål")
    sub = SubGoal.objects.create(person=charlie_person, goal=goal, text="Borte")
    sub_pk = sub.pk
    sub.delete()
    body = charlie_client.post(
        f"/personer/{charlie_person.pk}/plan/steg/ny/?mal={goal.pk}",
        {"text": "Steg", "subgoal": sub_pk, "mal": goal.pk},
    ).content.decode()
    assert "Delmålet finnes ikke lenger" in body and "Steg" in body


def test_markup_is_shown_as_text_everywhere(charlie_client, charlie_person):
    base = f"/personer/{charlie_person.pk}/plan/"
    charlie_client.post(base + "mal/ny/", {"text": SCRIPT, "status": "underveis"})
    NetworkEntry.objects.create(person=charlie_person, name=SCRIPT, ring="naer", group="hjelpere")
    plan = CrisisPlan.objects.create(person=charlie_person)
    CrisisPlanPart.objects.create(person=charlie_person, plan=plan, key="selv", text=SCRIPT)
    CrisisContact.objects.create(person=charlie_person, plan=plan, name=SCRIPT, how_to_reach=SCRIPT + " 900 00 000")
    for page in ["", "nettverk/", "kriseplan/", "utskrift/", "ip/", "kriseplan/kort/"]:
        body = charlie_client.get(base + page).content.decode()
        assert SCRIPT not in body and "&lt;script&gt;" in body, page
