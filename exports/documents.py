"""What goes into the plan documents (print, PDF, Individuell plan) and how a PDF is made.

The print view and the PDF render the same template; WeasyPrint reads our stylesheet from
disk and is never allowed to fetch anything over the network.
"""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone

from conversations.export import export_context as conversations_context
from mitools.export import export_context as mitools_context
from people.models import CareRelation, Consent
from plans import charts
from plans.models import (
    CrisisContact,
    CrisisPlan,
    DayPart,
    Goal,
    NetworkEntry,
    NetworkGroup,
    ResourceCategory,
    ResourceChange,
    ResourceEntry,
    Step,
    WeekActivity,
    Weekday,
    Win,
)
from ratings.export import export_context as ratings_context

DOCUMENT_CSS = "css/document.css"


def plan_content(person) -> dict:
    goals = list(
        Goal.objects.filter(person=person)
        .select_related("created_by")
        .prefetch_related("subgoals", Prefetch("steps", queryset=Step.objects.order_by("order", "created")))
    )
    for goal in goals:
        steps = list(goal.steps.all())
        goal.open_steps = [step for step in steps if step.done_at is None]
        goal.steps_total, goal.steps_done = len(steps), len(steps) - len(goal.open_steps)
    entries = list(ResourceEntry.objects.filter(person=person, removed__isnull=True))
    network = list(NetworkEntry.objects.filter(person=person))
    crisis = (
        CrisisPlan.objects.filter(person=person)
        .prefetch_related("signs", Prefetch("contacts", queryset=CrisisContact.objects.select_related("network_entry")))
        .first()
    )
    week = list(WeekActivity.objects.filter(person=person).select_related("goal"))
    return {
        "person": person,
        "generated": timezone.now(),
        "goals": goals,
        "wins": list(Win.objects.filter(person=person)[:20]),
        "resources": [(label, [e for e in entries if e.category == key]) for key, label in ResourceCategory.choices],
        "resource_chart": charts.resource_growth(
            list(ResourceChange.objects.filter(person=person).only("at", "kind", "category"))
        ),
        "network": network,
        "network_chart": charts.network_map(network),
        "crisis": crisis,
        "week": [
            {
                "name": label,
                "parts": [
                    (part_label, [a for a in week if a.weekday == day and a.part == part])
                    for part, part_label in DayPart.choices
                ],
                "has_items": any(a.weekday == day for a in week),
            }
            for day, label in Weekday.choices
        ],
        "week_has_items": bool(week),
        **conversations_context(person),
        **ratings_context(person),
        **mitools_context(person),
    }


def ip_content(person) -> dict:
    content = plan_content(person)
    content.update(
        {
            "care_contacts": list(CareRelation.objects.active().filter(person=person).select_related("staff")),
            "consents": list(Consent.objects.active().filter(person=person).select_related("team")),
            "helpers": [e for e in content["network"] if e.group == NetworkGroup.HELPERS],
            "evaluations": sorted((g for g in content["goals"] if g.evaluate_on), key=lambda g: g.evaluate_on),
        }
    )
    return content


def _refuse_fetch(url: str):
    """The PDF gets its stylesheet handed over; nothing is ever fetched (no network, no files)."""
    from weasyprint.urls import URLFetchingError

    raise URLFetchingError(f"Ikke tillatt å hente {url}")


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string(template, {**context, "for_pdf": True})
    stylesheet = CSS(string=Path(finders.find(DOCUMENT_CSS)).read_text(encoding="utf-8"))
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(stylesheets=[stylesheet])
