"""MI tool pages: the ambivalence cross and the importance/confidence rulers. Every view gets
the person (or the item) through people.access; changes go through mitools.actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render

from audit.models import Action
from medvandrer.forms import posted
from mitools import actions, charts
from mitools.forms import CrossForm, RulerForm
from mitools.models import CROSS_TEXTS, TOPIC_MAX, AmbivalenceCross, RulerReading, topic_key
from mitools.topics import group_by_topic
from people import access
from plans import actions as plan_actions
from plans import conflicts
from ratings.charts import day


@login_required
def overview(request, person_id):
    person = access.person_for(request, person_id, object_type="mi_tools")
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
            "access": request.person_access,
            "is_self": request.person_access.is_self,
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
    person = access.person_for(
        request,
        person_id,
        on_post=Action.CREATE,
        object_type="ambivalence_cross",
        need_write=True,
    )
    form = CrossForm(posted(request), person=person, initial=_initial(request, person))
    if writing and form.is_valid():
        cross, created = actions.create_cross(
            person, actor=request.user, basis=access.basis(request), **_form_fields(form)
        )
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
            "is_self": request.person_access.is_self,
            "form": form,
            "topics": _known_topics(person),
            "new": True,
            "nav": "plan",
        },
    )


@login_required
def cross_detail(request, person_id, cross_id):
    cross = access.object_for(
        request,
        AmbivalenceCross.objects.select_related("person", "goal", "created_by", "updated_by"),
        cross_id,
        person_id=person_id,
        object_type="ambivalence_cross",
    )
    revisions = list(cross.revisions.select_related("by"))  # newest first; the first is what is saved now
    return render(
        request,
        "mitools/cross.html",
        {
            "person": cross.person,
            "access": request.person_access,
            "cross": cross,
            "earlier": revisions[1:],
            "nav": "plan",
        },
    )


@login_required
def cross_edit(request, person_id, cross_id):
    writing = request.method == "POST"
    cross = access.object_for(
        request,
        AmbivalenceCross.objects.select_related("person", "updated_by"),
        cross_id,
        person_id=person_id,
        on_post=Action.UPDATE,
        object_type="ambivalence_cross",
        need_write=True,
    )
    person = cross.person
    form = CrossForm(posted(request), instance=cross, person=person)
    if writing and form.is_valid():
        try:
            actions.update_cross(
                cross,
                form.cleaned_data["version"],
                actor=request.user,
                basis=access.basis(request),
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
            "is_self": request.person_access.is_self,
            "form": form,
            "cross": cross,
            "topics": _known_topics(person),
            "nav": "plan",
        },
    )


def _cross_conflict(request, person, form, current):
    """Both texts side by side; the form keeps what was typed, now against the saved version."""
    current = AmbivalenceCross.objects.select_related("goal", "updated_by").get(pk=current.pk)
    rows = conflicts.differing_rows(form, current, ["topic", "goal", *CROSS_TEXTS])
    retry = CrossForm(conflicts.retry_data(request, current), instance=current, person=person)
    retry.is_valid()  # shows the typed text again, with any message it needs
    return render(
        request,
        "mitools/cross_conflict.html",
        {"person": person, "cross": current, "rows": rows, "form": retry, "nav": "plan"},
        status=409,
    )


@login_required
def cross_delete(request, person_id, cross_id):
    writing = request.method == "POST"
    cross = access.object_for(
        request,
        AmbivalenceCross.objects.select_related("person").annotate(revision_count=Count("revisions")),
        cross_id,
        person_id=person_id,
        on_post=Action.DELETE,
        object_type="ambivalence_cross",
        need_write=True,
    )
    if writing:
        plan_actions.delete(cross, actor=request.user, basis=access.basis(request))  # its revisions go with it
        messages.success(request, f"Ambivalenskorset om «{cross.topic[:60]}» er tatt bort.")
        return redirect("mi", person_id=cross.person_id)
    return render(request, "mitools/confirm_delete.html", {"person": cross.person, "cross": cross, "nav": "plan"})


# The rulers


@login_required
def ruler_new(request, person_id):
    writing = request.method == "POST"
    person = access.person_for(
        request,
        person_id,
        on_post=Action.CREATE,
        object_type="mi_ruler",
        need_write=True,
    )
    form = RulerForm(posted(request), person=person, initial=_initial(request, person))
    if writing and form.is_valid():
        reading, created = actions.create_reading(
            person, actor=request.user, basis=access.basis(request), **form.cleaned_data
        )
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
    reading = access.object_for(
        request,
        RulerReading.objects.select_related("person", "goal", "created_by"),
        ruler_id,
        person_id=person_id,
        object_type="mi_ruler",
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
            "access": request.person_access,
            "reading": reading,
            "chart": charts.ruler_timeline(same_topic, chart_id="linjal-tema", topic=reading.topic),
            "nav": "plan",
        },
    )


@login_required
def ruler_delete(request, person_id, ruler_id):
    writing = request.method == "POST"
    reading = access.object_for(
        request,
        RulerReading.objects.select_related("person"),
        ruler_id,
        person_id=person_id,
        on_post=Action.DELETE,
        object_type="mi_ruler",
        need_write=True,
    )
    if writing:
        plan_actions.delete(reading, actor=request.user, basis=access.basis(request))
        messages.success(request, f"Målingen fra {day(reading.created)} er tatt bort.")
        return redirect("mi", person_id=reading.person_id)
    return render(request, "mitools/confirm_delete.html", {"person": reading.person, "reading": reading, "nav": "plan"})
