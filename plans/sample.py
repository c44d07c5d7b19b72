"""A large, fictional plan for one person – for query-count tests and benchmarks.

Built with bulk inserts; the history is spread over `years` years back.
"""

import random
from datetime import timedelta

from django.utils import timezone

from plans.models import (
    CrisisContact,
    CrisisPlan,
    CrisisPlanPart,
    DayGoal,
    Goal,
    NetworkEntry,
    ResourceChange,
    ResourceEntry,
    Step,
    SubGoal,
    WarningSign,
    WeekActivity,
    Win,
)

GOALS = [
    "Komme meg ut av senga før klokka tolv",
    "Få kontakt med barna mine igjen",
    "Gå en tur uten å bli redd",
    "Begynne på arbeidstrening",
    "Lage middag selv tre dager i uka",
    "Betale regningene i tide",
    "Sove bedre",
    "Bli med i turgruppa",
    "Ta opp igjen gitaren",
    "Rydde i leiligheten",
]
STEPS = [
    "Sette på vekkerklokka",
    "Ringe og spørre",
    "Gå rundt kvartalet",
    "Skrive en handleliste",
    "Sende en melding",
    "Legge telefonen i stua om kvelden",
    "Møte opp på huset",
    "Åpne ett brev",
    "Spørre om hjelp",
    "Ta bussen",
]
NAMES = [
    "Mamma",
    "Pappa",
    "Søsteren min",
    "Ola",
    "Kari",
    "Fastlegen",
    "NAV-veilederen",
    "Turgruppa",
    "Biblioteket",
    "Naboen",
]


def make_plan(person, *, goals=50, steps=300, network=100, years=3, author=None, seed=1) -> None:
    rng = random.Random(seed)
    now = timezone.now()
    common = {"person": person, "created_by": author, "updated_by": author}

    goal_objs = Goal.objects.bulk_create(
        Goal(text=f"{rng.choice(GOALS)} ({i + 1})", order=i, supporters=rng.choice(NAMES), **common)
        for i in range(goals)
    )
    subgoals = SubGoal.objects.bulk_create(
        SubGoal(goal=g, text=f"Delmål for {g.text[:30]}", **common) for g in goal_objs
    )
    Step.objects.bulk_create(
        Step(
            goal=goal_objs[i % goals],
            subgoal=subgoals[i % goals] if i % 3 == 0 else None,
            text=f"{rng.choice(STEPS)} ({i + 1})",
            helper=rng.choice(NAMES),
            due=(now + timedelta(days=rng.randint(-30, 60))).date() if i % 2 else None,
            done_at=now - timedelta(days=rng.randint(0, 365 * years)) if i % 4 == 0 else None,
            order=i,
            version=1 if i % 5 == 0 else 0,  # some were edited: "sist endret av" shows on the page
            **common,
        )
        for i in range(steps)
    )
    Win.objects.bulk_create(Win(text=f"Fikk til: {rng.choice(STEPS).lower()}", **common) for _ in range(goals))
    DayGoal.objects.bulk_create(
        DayGoal(text=rng.choice(STEPS), for_date=(now - timedelta(days=d)).date(), **common)
        for d in range(0, 365 * years, 7)
    )
    rings, groups = ["naer", "midt", "ytre"], ["familie-venner", "hjelpere", "fellesskap"]
    NetworkEntry.objects.bulk_create(
        NetworkEntry(
            name=f"{rng.choice(NAMES)} {i + 1}",
            ring=rings[i % 3],
            group=groups[(i // 3) % 3],
            note="Betyr mye",
            contact="900 00 000",
            **common,
        )
        for i in range(network)
    )
    categories = ["styrker", "interesser", "nettverk", "mestring"]
    entries = ResourceEntry.objects.bulk_create(
        ResourceEntry(category=categories[i % 4], text=f"Ressurs {i + 1}", **common) for i in range(40)
    )
    days = 365 * years
    ResourceChange.objects.bulk_create(
        ResourceChange(
            person=person,
            entry=entries[i % len(entries)],
            kind="lagt-til" if i < 40 else "endret",
            category=entries[i % len(entries)].category,
            text=f"Ressurs {i + 1}",
            by=author,
        )
        for i in range(200)
    )
    # Spread the history over the years: auto_now_add set "now"; move it back in bulk.
    for i, change in enumerate(ResourceChange.objects.filter(person=person).order_by("id")):
        ResourceChange.objects.filter(pk=change.pk).update(at=now - timedelta(days=days - i * days // 200))
    if not CrisisPlan.objects.filter(person=person).exists():  # a person from the demo data may have one
        _crisis_plan(common, rng)
    WeekActivity.objects.bulk_create(
        WeekActivity(weekday=i % 7, part=i % 3, text=rng.choice(STEPS), goal=goal_objs[i % goals], **common)
        for i in range(30)
    )


def _crisis_plan(common: dict, rng) -> None:
    crisis = CrisisPlan.objects.create(**common)
    CrisisPlanPart.objects.bulk_create(
        CrisisPlanPart(plan=crisis, key=key, text=text, **common)
        for key, text in [
            ("selv", "Musikk og en rolig tur"),
            ("hjelper-ikke", "Mange spørsmål på en gang"),
            ("motes", "Rolig og ærlig"),
            ("verdt-a-leve", "Søsteren min og hunden"),
            ("etter", "Sove ut og en rolig dag"),
        ]
    )
    WarningSign.objects.bulk_create(
        WarningSign(plan=crisis, sign=f"Varseltegn {i + 1}", what_to_do="Ringe søsteren min", **common)
        for i in range(8)
    )
    CrisisContact.objects.bulk_create(
        CrisisContact(plan=crisis, name=rng.choice(NAMES), how_to_reach="900 00 000", **common) for _ in range(5)
    )
