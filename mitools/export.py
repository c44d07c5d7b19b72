"""The MI tools for the printed plan / PDF (exports/plan_document.html includes
mitools/_export_section.html with this context). Two queries, however much there is."""

from django.db.models import Count

from mitools.models import AmbivalenceCross, RulerReading
from mitools.topics import group_by_topic


def export_context(person) -> dict:
    crosses = list(
        AmbivalenceCross.objects.filter(person=person)
        .select_related("goal")
        .annotate(revision_count=Count("revisions"))
    )
    readings = list(RulerReading.objects.filter(person=person).select_related("goal"))
    return {"mi_groups": group_by_topic(crosses, readings, chart_prefix="eksport-linjal")}
