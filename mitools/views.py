"""MI tool pages: the ambivalence cross and the importance/confidence rulers. Every view gets
the person (or the item) through people.access; changes go through mitools.actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse

from audit.models import Action
from audit.types import ObjectType
from items import conflicts, pages
from items.forms import sent_version
from items.timeline import day
from medvandrer.forms import posted
from mitools import actions, charts
from mitools.forms import CrossForm, RulerForm
from mitools.models import CROSS_TEXTS, TOPIC_MAX, AmbivalenceCross, RulerReading, topic_key
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


def _initial(request, person) -> dict:
    """?tema=… and ?mal=… from the links "Ny måling om dette" / from a goal."""
    initial = {}
    topic = " ".join(request.GET.get("tema", "").split())[:TOPIC_MAX]
    if topic:
        initial["topic"] = topic
    goal = request.GET.get("mal", "")
    if goal.isascii() and goal.isdigit() and len(goal) < 12:  # "¹" is a digit to isdigit(), not to int()
        initial["goal"] = int(goal)  # the form's list holds only this person's goals; anything else is ignored
    return initial


def _known_topics(person) -> list[str]:
    """Topics used before, offered while typing (so the same topic is grouped together)."""
    seen, topics = set(), []
    for model in (AmbivalenceCross, RulerReading):
        for topic in model.objects.filter(person=person).order_by("-created").values_list("topic", flat=True)[:50]:
            if topic_key(topic) not in seen:
                seen.add(topic_key(topic))
                topics.append(topic)
    return topics


def _form_fields(form) -> dict:
    return {name: value for name, value in form.cleaned_data.items() if name != "version"}


# The ambivalence cross


@login_required
def cross_new(request, person_id):
    writing = request.method == "POST"
    person, grant = access.person_for_edit(request, person_id, ObjectType.AMBIVALENCE_CROSS, on_post=Action.CREATE)
    form = CrossForm(posted(request), person=person, initial=_initial(request, person))
    if writing and form.is_valid():
        cross, created = actions.create_cross(person, actor=request.user, basis=grant.basis, **_form_fields(form))
        if created:
            messages.success(request, "Ambivalenskorset er lagret.")
        else:
            messages.info(request, "Korset var allerede lagret – det er ikke lagret to ganger.")
        return redirect("mi_cross", person_id=person.pk, cross_id=cross.pk)
    return render(
        request,
        "mitools/cross_form.html",
        {
            "person": person,
            "is_self": grant.is_self,
            "form": form,
            "topics": _known_topics(person),
            "new": True,
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
def cross_edit(request, person_id, cross_id):
    writing = request.method == "POST"
    cross, grant = access.object_for_edit(
        request,
        AmbivalenceCross.objects.select_related("person", "updated_by"),
        cross_id,
        person_id=person_id,
        object_type=ObjectType.AMBIVALENCE_CROSS,
    )
    person = cross.person
    form = CrossForm(posted(request), instance=cross, person=person)
    if writing and form.is_valid():
        try:
            actions.update_cross(
                cross,
                sent_version(form),
                actor=request.user,
                basis=grant.basis,
                **_form_fields(form),
            )
        except actions.Conflict as conflict:
            return _cross_conflict(request, person, form, conflict.current)
        messages.success(request, "Endringene er lagret. Den forrige utgaven er tatt vare på.")
        return redirect("mi_cross", person_id=person.pk, cross_id=cross.pk)
    return render(
        request,
        "mitools/cross_form.html",
        {
            "person": person,
            "is_self": grant.is_self,
            "form": form,
            "cross": cross,
            "topics": _known_topics(person),
            "nav": "plan",
        },
    )


def _cross_retry(request, person):
    def retry(saved):
        form = CrossForm(conflicts.retry_data(request, saved), instance=saved, person=person)
        form.is_valid()  # shows the typed text again, with any message it needs
        return form

    return retry


def _cross_conflict(request, person, form, current):
    """Both texts side by side; the form keeps what was typed, now against the saved version."""
    current = AmbivalenceCross.objects.select_related("goal", "updated_by").get(pk=current.pk)
    return pages.conflict_page(
        request,
        person=person,
        typed=form,
        current=current,
        names=["topic", "goal", *CROSS_TEXTS],
        retry_with=_cross_retry(request, person),
        what="ambivalenskorset",
        action=reverse("mi_cross_edit", args=[person.pk, current.pk]),
        back=reverse("mi_cross", args=[person.pk, current.pk]),
        template="mitools/cross_conflict.html",
        context={"cross": current},
    )


@login_required
def cross_delete(request, person_id, cross_id):
    cross, grant = access.object_for_delete(
        request,
        AmbivalenceCross.objects.select_related("person").annotate(revision_count=Count("revisions")),
        cross_id,
        person_id=person_id,
    )
    return pages.delete_page(  # its revisions go with it
        request,
        cross,
        grant,
        question="Ta bort ambivalenskorset?",
        done=f"Ambivalenskorset om «{cross.topic[:60]}» er tatt bort.",
        then=reverse("mi", args=[cross.person_id]),
        back=reverse("mi_cross", args=[cross.person_id, cross.pk]),
        template="mitools/confirm_delete.html",
        context={"cross": cross},
    )


# The rulers


@login_required
def ruler_new(request, person_id):
    writing = request.method == "POST"
    person, grant = access.person_for_edit(request, person_id, ObjectType.MI_RULER, on_post=Action.CREATE)
    form = RulerForm(posted(request), person=person, initial=_initial(request, person))
    if writing and form.is_valid():
        reading, created = actions.create_reading(person, actor=request.user, basis=grant.basis, **form.cleaned_data)
        if created:
            messages.success(request, "Målingen er lagret.")
        else:
            messages.info(request, "Målingen var allerede lagret – den er ikke lagret to ganger.")
        return redirect("mi_ruler", person_id=person.pk, ruler_id=reading.pk)
    return render(
        request,
        "mitools/ruler_form.html",
        {
            "person": person,
            "form": form,
            "topics": _known_topics(person),
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


@login_required
def ruler_delete(request, person_id, ruler_id):
    reading, grant = access.object_for_delete(
        request, RulerReading.objects.select_related("person"), ruler_id, person_id=person_id
    )
    return pages.delete_page(
        request,
        reading,
        grant,
        question=f"Ta bort målingen fra {day(reading.created)}?",
        done=f"Målingen fra {day(reading.created)} er tatt bort.",
        then=reverse("mi", args=[reading.person_id]),
        back=reverse("mi_ruler", args=[reading.person_id, reading.pk]),
        template="mitools/confirm_delete.html",
        context={"reading": reading},
    )
