"""What goes into the plan documents (print, PDF, Individuell plan). The PDF is made by
medvandrer/documents.py, from the same template as the print view."""

from django.utils import timezone

from chime.export import export_context as chime_context
from conversations.export import export_context as conversations_context
from exports import sections
from mitools.export import export_context as mitools_context
from people.models import CareRelation, Consent
from plans import charts, safety_plan
from plans.models import (
    Goal,
    NetworkEntry,
    NetworkGroup,
    ResourceCategory,
    ResourceChange,
    ResourceEntry,
    WeekActivity,
    Win,
)
from plans.week import week_days


def _goals(person) -> list:
    goals = list(Goal.objects.filter(person=person).select_related("created_by").prefetch_related("subgoals", "steps"))
    for goal in goals:
        steps = list(goal.steps.all())
        goal.open_steps = [step for step in steps if step.done_at is None]
        goal.steps_total, goal.steps_done = len(steps), len(steps) - len(goal.open_steps)
    return goals


def _resources(person) -> list:
    entries = list(ResourceEntry.objects.filter(person=person, removed__isnull=True))
    return [(label, [e for e in entries if e.category == key]) for key, label in ResourceCategory.choices]


def plan_content(person) -> dict:
    network = list(NetworkEntry.objects.filter(person=person))
    crisis = safety_plan.plan_of(person)
    week = list(WeekActivity.objects.filter(person=person).select_related("goal"))
    return {
        "person": person,
        "generated": timezone.now(),
        "goals": _goals(person),
        "wins": list(Win.objects.filter(person=person)[:20]),
        "resources": _resources(person),
        "resource_chart": charts.resource_growth(
            list(ResourceChange.objects.filter(person=person).only("at", "kind", "category"))
        ),
        "network": network,
        "network_chart": charts.network_map(network),
        "crisis": crisis,
        "crisis_sections": safety_plan.sections(crisis),
        "week": week_days(week),
        "week_has_items": bool(week),
        "parts": sections.DEFAULT,  # the person's own parts; exports.views lets them choose
        **conversations_context(person),
        **chime_context(person),
        **mitools_context(person),
    }


def ip_content(person) -> dict:
    """Only what the Individuell plan shows: goals, resources, measures, participants, consent."""
    goals = _goals(person)
    return {
        "person": person,
        "generated": timezone.now(),
        "goals": goals,
        "resources": _resources(person),
        "care_contacts": list(CareRelation.objects.active().filter(person=person).select_related("staff")),
        "consents": list(Consent.objects.active().filter(person=person).select_related("team")),
        "helpers": list(NetworkEntry.objects.filter(person=person, group=NetworkGroup.HELPERS)),
        "evaluations": sorted((g for g in goals if g.evaluate_on), key=lambda g: g.evaluate_on),
    }
