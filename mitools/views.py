"""MI tool pages: the overview, a cross with its earlier versions, a ruler reading over time.
Every view gets the person (or the item) through people.access. New, edit and delete are
medvandrer/item_views.py's pages, with the kinds in mitools/kinds.py."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from audit.types import ObjectType
from mitools import charts
from mitools.models import AmbivalenceCross, RulerReading, topic_key
from mitools.topics import group_by_topic
from people import access


@login_required
def overview(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.MI_TOOLS)
    crosses = list(
        AmbivalenceCross.objects.filter(person=person)
        .select_related("goal", "created_by", "updated_by")
        .annotate(revision_count=Count("revisions"))
    )
    readings = list(RulerReading.objects.filter(person=person).select_related("goal", "created_by"))
    return render(
        request,
        "mitools/overview.html",
        {
            "person": person,
            "access": grant,
            "is_self": grant.is_self,
            "groups": group_by_topic(crosses, readings),
            "nav": "plan",
        },
    )


@login_required
def cross_detail(request, person_id, cross_id):
    cross, grant = access.object_for_read(
        request,
        AmbivalenceCross.objects.select_related("person", "goal", "created_by", "updated_by"),
        cross_id,
        person_id=person_id,
        object_type=ObjectType.AMBIVALENCE_CROSS,
    )
    revisions = list(cross.revisions.select_related("by"))  # newest first; the first is what is saved now
    return render(
        request,
        "mitools/cross.html",
        {
            "person": cross.person,
            "access": grant,
            "cross": cross,
            "earlier": revisions[1:],
            "nav": "plan",
        },
    )


@login_required
def ruler_detail(request, person_id, ruler_id):
    reading, grant = access.object_for_read(
        request,
        RulerReading.objects.select_related("person", "goal", "created_by"),
        ruler_id,
        person_id=person_id,
        object_type=ObjectType.MI_RULER,
    )
    key = topic_key(reading.topic)
    # Every reading on the same topic, for the timeline (one query; the grouping is by the topic's words).
    same_topic = [
        r
        for r in RulerReading.objects.filter(person=reading.person).only("topic", "created", "importance", "confidence")
        if topic_key(r.topic) == key
    ]
    return render(
        request,
        "mitools/ruler.html",
        {
            "person": reading.person,
            "access": grant,
            "reading": reading,
            "chart": charts.ruler_timeline(same_topic, chart_id="linjal-tema", topic=reading.topic),
            "nav": "plan",
        },
    )
