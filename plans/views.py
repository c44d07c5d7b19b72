"""The plan pages. Every view gets the person (or the item) through people.access, and every
change goes through plans.actions."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, F, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from audit.models import Action
from conversations.models import evaluations_waiting_for
from crisis.support import national_contacts
from language import gate
from medvandrer.forms import posted
from people import access
from people.models import Person
from plans import actions, charts, conflicts, safety_plan
from plans.forms import (
    CrisisPartForm,
    DayGoalForm,
    NetworkForm,
    ResourceForm,
    WeekActivityForm,
    WinForm,
)
from plans.kinds import CRISIS_PART_KIND, KINDS
from plans.models import (
    ContactGroup,
    CrisisPlan,
    CrisisPlanPart,
    DayGoal,
    Goal,
    GoalStatus,
    NetworkEntry,
    ResourceCategory,
    ResourceChange,
    ResourceEntry,
    Step,
    WeekActivity,
    Win,
)
from plans.week import week_days

RECENT_WINS = 5
NEXT_STEPS = 5


def _goals_with_progress(person):
    return (
        Goal.objects.filter(person=person)
        .annotate(steps_total=Count("steps"), steps_done=Count("steps", filter=Q(steps__done_at__isnull=False)))
        .order_by("order", "created")
    )


def next_steps(person, limit=NEXT_STEPS):
    """Open steps of goals underway, the soonest first, undated ones after."""
    return list(
        Step.objects.filter(person=person, done_at__isnull=True, goal__status=GoalStatus.UNDERWAY)
        .select_related("goal")
        .order_by(F("due").asc(nulls_last=True), "created")[:limit]
    )


def day_goals(person):
    today = timezone.localdate()
    return list(DayGoal.objects.filter(person=person, for_date__gte=today, for_date__lte=today + timedelta(days=1)))


@login_required
def plan_overview(request, person_id):
    person = access.person_for(request, person_id, object_type="plan")
    goals = list(_goals_with_progress(person))
    context = {
        "person": person,
        "access": request.person_access,
        "goals": goals,
        "next_steps": next_steps(person),
        "day_goals": day_goals(person),
        "wins": list(Win.objects.filter(person=person)[:RECENT_WINS]),
        "resource_counts": _resource_counts(person),
        "network_count": NetworkEntry.objects.filter(person=person).count(),
        "crisis_plan": CrisisPlan.objects.filter(person=person)
        .annotate(sign_count=Count("signs", distinct=True), contact_count=Count("contacts", distinct=True))
        .first(),
        "today": _week_today(person),
        "nav": "plan",
    }
    return render(request, "plans/overview.html", context)


def _resource_counts(person):
    counts = dict(
        ResourceEntry.objects.filter(person=person, removed__isnull=True)
        .values_list("category")
        .annotate(n=Count("id"))
    )
    return [(label, counts.get(key, 0)) for key, label in ResourceCategory.choices]


def _week_today(person):
    weekday = timezone.localdate().weekday()
    return list(WeekActivity.objects.filter(person=person, weekday=weekday).order_by("part"))


@login_required
def goal_detail(request, person_id, goal_id):
    goal = access.object_for(
        request,
        Goal.objects.select_related("created_by", "updated_by"),
        goal_id,
        person_id=person_id,
        object_type="goal",
    )
    steps = list(goal.steps.select_related("subgoal", "done_by", "created_by", "updated_by").prefetch_related("wins"))
    return render(
        request,
        "plans/goal.html",
        {
            "person": goal.person,
            "goal": goal,
            "access": request.person_access,
            "subgoals": list(goal.subgoals.all()),
            "open_steps": [s for s in steps if s.done_at is None],
            "done_steps": [s for s in steps if s.done_at is not None],
            "nav": "plan",
        },
    )


def _form_kwargs(kind, person, goal):
    kwargs = {}
    if "person" in kind.form_needs:
        kwargs["person"] = person
    if "goal" in kind.form_needs:
        kwargs["goal"] = goal
    return kwargs


def _initial(kind, request) -> dict:
    """A new contact lands in the part of the plan it was added from («?gruppe=fagfolk»)."""
    group = request.GET.get("gruppe", "")
    return {"group": group} if kind.slug == "kontakt" and group in ContactGroup.values else {}


def _parent_goal(request, person, kind):
    if kind.parent != "goal":
        return None
    goal_id = request.GET.get("mal") or request.POST.get("mal")
    return access.owned(request, Goal.objects.all(), goal_id, person, object_type="goal")


@login_required
def new_item(request, person_id, kind):
    kind = KINDS.get(kind) or _not_found()
    writing = request.method == "POST"
    person = access.person_for(
        request,
        person_id,
        on_post=Action.CREATE,
        object_type=kind.object_type,
        need_write=True,
    )
    goal = _parent_goal(request, person, kind)
    form = kind.form(posted(request), initial=_initial(kind, request), **_form_kwargs(kind, person, goal))
    language_ask = gate.to_ask_about(request, form) if writing and form.is_valid() else {}
    if writing and form.is_valid() and not language_ask:
        fields = {name: value for name, value in form.cleaned_data.items() if name in _model_fields(kind.model)}
        if goal is not None:
            fields["goal"] = goal
        if kind.slug == "24":
            fields["for_date"] = form.chosen_date()
        if kind.slug in ("varseltegn", "kontakt"):
            fields["plan"], _made = actions.crisis_plan_for(person, actor=request.user, basis=access.basis(request))
        obj, _created = actions.create_once(
            kind.model, person, actor=request.user, basis=access.basis(request), **fields
        )
        messages.success(request, _saved_message(kind, created=True))
        return redirect(kind.back_url(person.pk, obj, goal))
    return render(
        request,
        "plans/item_form.html",
        {
            "person": person,
            "kind": kind,
            "form": form,
            "goal": goal,
            "back": kind.back_url(person.pk, goal=goal),
            "new": True,
            "language_ask": language_ask,
            "nav": "plan",
        },
    )


@login_required
def edit_item(request, person_id, kind, item_id):
    kind = KINDS.get(kind) or _not_found()
    writing = request.method == "POST"
    obj = access.object_for(
        request,
        kind.model.objects.all(),
        item_id,
        person_id=person_id,
        on_post=Action.UPDATE,
        object_type=kind.object_type,
        need_write=True,
    )
    person = obj.person
    goal = getattr(obj, "goal", None)
    form = kind.form(posted(request), instance=obj, **_form_kwargs(kind, person, goal))
    language_ask = gate.to_ask_about(request, form) if writing and form.is_valid() else {}
    if writing and form.is_valid() and not language_ask:
        fields = {name: value for name, value in form.cleaned_data.items() if name in _model_fields(kind.model)}
        if kind.slug == "24":
            fields["for_date"] = form.chosen_date()
        try:
            actions.update(
                obj, form.cleaned_data.get("version"), actor=request.user, basis=access.basis(request), **fields
            )
        except actions.Conflict as conflict:
            return _conflict(request, kind, person, form, conflict.current, goal)
        messages.success(request, _saved_message(kind, created=False))
        return redirect(kind.back_url(person.pk, obj, goal))
    return render(
        request,
        "plans/item_form.html",
        {
            "person": person,
            "kind": kind,
            "form": form,
            "goal": goal,
            "back": kind.back_url(person.pk, obj, goal),
            "language_ask": language_ask,
            "nav": "plan",
        },
    )


def _conflict(request, kind, person, form, current, goal):
    """Both texts side by side; the form keeps what was typed, now against the saved version."""
    names = [name for name in form.fields if name != "version" and name in _model_fields(kind.model)]
    rows = conflicts.differing_rows(form, current, names)
    retry = kind.form(conflicts.retry_data(request, current), instance=current, **_form_kwargs(kind, person, goal))
    return render(
        request,
        "plans/conflict.html",
        {
            "person": person,
            "kind": kind,
            "rows": rows,
            "form": retry,
            "obj": current,
            "back": kind.back_url(person.pk, current, goal),
            "nav": "plan",
        },
        status=409,
    )


@login_required
def delete_item(request, person_id, kind, item_id):
    kind = KINDS.get(kind) or _not_found()
    writing = request.method == "POST"
    obj = access.object_for(
        request,
        kind.model.objects.all(),
        item_id,
        person_id=person_id,
        on_post=Action.DELETE,
        object_type=kind.object_type,
        need_write=True,
    )
    back = kind.back_url(obj.person_id, obj)
    if kind.slug == "mal":
        back = kind.back_url(obj.person_id)
    if writing:
        actions.delete(obj, actor=request.user, basis=access.basis(request))
        messages.success(request, f"Tatt bort: {str(obj)[:60]}")
        return redirect(back)
    return render(
        request,
        "plans/confirm_delete.html",
        {"person": obj.person, "kind": kind, "obj": obj, "back": back, "nav": "plan"},
    )


@login_required
@require_POST
def toggle_step(request, person_id, item_id):
    step = access.object_for(
        request,
        Step.objects.select_related("goal"),
        item_id,
        person_id=person_id,
        action=Action.UPDATE,
        object_type="step",
    )
    done = request.POST.get("done") == "1"
    actions.set_done(step, done, actor=request.user, basis=access.basis(request))
    if done:
        messages.success(request, "Bra! Steget er gjort. Vil du feire det?")
        return redirect("celebrate", person_id=step.person_id, item_id=step.pk)
    return redirect("goal", person_id=step.person_id, goal_id=step.goal_id)


@login_required
def celebrate(request, person_id, item_id):
    writing = request.method == "POST"
    step = access.object_for(
        request,
        Step.objects.select_related("goal"),
        item_id,
        person_id=person_id,
        on_post=Action.CREATE,
        object_type="step",
        need_write=True,
    )
    form = WinForm(posted(request), initial={"text": step.text})
    if writing and form.is_valid():
        actions.create_once(
            Win, step.person, actor=request.user, basis=access.basis(request), step=step, text=form.cleaned_data["text"]
        )
        messages.success(request, "Feiret! Det står nå blant seirene dine.")
        return redirect("goal", person_id=step.person_id, goal_id=step.goal_id)
    return render(request, "plans/celebrate.html", {"person": step.person, "step": step, "form": form, "nav": "plan"})


@login_required
def wins(request, person_id):
    writing = request.method == "POST"
    person = access.person_for(request, person_id, on_post=Action.CREATE, object_type="win")
    form = WinForm(posted(request))
    if writing and form.is_valid():
        actions.create_once(
            Win, person, actor=request.user, basis=access.basis(request), text=form.cleaned_data["text"]
        )
        messages.success(request, "Feiret! Små seire teller.")
        return redirect("wins", person_id=person.pk)
    all_wins = list(Win.objects.filter(person=person).select_related("created_by", "step"))
    return render(
        request,
        "plans/wins.html",
        {"person": person, "access": request.person_access, "wins": all_wins, "form": form, "nav": "plan"},
    )


@login_required
def day(request, person_id):
    person = access.person_for(request, person_id, object_type="day_goal")
    today = timezone.localdate()
    goals = day_goals(person)
    steps = list(
        Step.objects.filter(
            person=person,
            done_at__isnull=True,
            goal__status=GoalStatus.UNDERWAY,
            due__isnull=False,
            due__lte=today + timedelta(days=1),
        )
        .select_related("goal")
        .order_by("due")
    )
    return render(
        request,
        "plans/day.html",
        {
            "person": person,
            "access": request.person_access,
            "today_goals": [g for g in goals if g.for_date == today],
            "tomorrow_goals": [g for g in goals if g.for_date > today],
            "due_steps": steps,
            "form": DayGoalForm(),
            "week_today": _week_today(person),
            "nav": "plan",
        },
    )


@login_required
@require_POST
def toggle_day_goal(request, person_id, item_id):
    day_goal = access.object_for(
        request, DayGoal.objects.all(), item_id, person_id=person_id, action=Action.UPDATE, object_type="day_goal"
    )
    done = request.POST.get("done") == "1"
    actions.set_done(day_goal, done, actor=request.user, basis=access.basis(request))
    if done:
        messages.success(request, "Gjort!")
    if request.POST.get("tilbake") == "min-side":
        return redirect("my_page")
    return redirect("day", person_id=day_goal.person_id)


@login_required
def resources(request, person_id):
    person = access.person_for(request, person_id, object_type="resource")
    entries = list(ResourceEntry.objects.filter(person=person, removed__isnull=True).select_related("created_by"))
    changes = list(ResourceChange.objects.filter(person=person).only("at", "kind", "category"))
    grouped = [(key, label, [e for e in entries if e.category == key]) for key, label in ResourceCategory.choices]
    return render(
        request,
        "plans/resources.html",
        {
            "person": person,
            "access": request.person_access,
            "groups": grouped,
            "chart": charts.resource_growth(changes),
            "form": ResourceForm(),
            "nav": "plan",
        },
    )


@login_required
def resource_history(request, person_id):
    person = access.person_for(request, person_id, object_type="resource")
    changes = list(ResourceChange.objects.filter(person=person).select_related("by").order_by("-at", "-id"))
    last_text = {}  # entry -> its text before this change, so a change shows what it was
    for change in reversed(changes):
        change.before = last_text.get(change.entry_id, "")
        last_text[change.entry_id] = change.text
    return render(request, "plans/resource_history.html", {"person": person, "changes": changes, "nav": "plan"})


@login_required
def network(request, person_id):
    person = access.person_for(request, person_id, object_type="network")
    entries = list(NetworkEntry.objects.filter(person=person))
    return render(
        request,
        "plans/network.html",
        {
            "person": person,
            "access": request.person_access,
            "chart": charts.network_map(entries),
            "form": NetworkForm(),
            "nav": "plan",
        },
    )


@login_required
@require_GET
def crisis_plan(request, person_id):
    person = access.person_for(request, person_id, object_type="crisis_plan")
    plan = safety_plan.plan_of(person)
    return render(
        request,
        "plans/crisis_plan.html",
        {
            "person": person,
            "access": request.person_access,
            "plan": plan,
            "sections": safety_plan.sections(plan),
            "who_can_see": access.who_can_see(person),
            "national": national_contacts(),
            "nav": "plan",
        },
    )


@login_required
def crisis_part(request, person_id, part_key):
    """Write one text part of the plan for hard days – or the words beside a list part."""
    key = part_key
    part = safety_plan.BY_KEY.get(key)
    if part is None:
        raise Http404
    writing = request.method == "POST"
    person = access.person_for(
        request, person_id, on_post=Action.UPDATE, object_type="crisis_plan", object_id=key, need_write=True
    )
    saved = CrisisPlanPart.objects.filter(person=person, plan__person=person, key=key).first()
    form = CrisisPartForm(posted(request), instance=saved or CrisisPlanPart(person=person, key=key), part=part)
    back = reverse("crisis_plan", args=[person.pk]) + f"#del-{key}"
    language_ask = gate.to_ask_about(request, form) if writing and form.is_valid() else {}
    if writing and form.is_valid() and not language_ask:
        try:
            actions.save_crisis_part(
                person,
                key,
                form.cleaned_data["text"],
                form.cleaned_data.get("version"),
                actor=request.user,
                basis=access.basis(request),
            )
        except actions.Conflict as conflict:
            rows = conflicts.differing_rows(form, conflict.current, ["text"])
            retry = CrisisPartForm(
                conflicts.retry_data(request, conflict.current), instance=conflict.current, part=part
            )
            context = {"person": person, "kind": CRISIS_PART_KIND, "rows": rows, "form": retry, "nav": "plan"}
            context |= {"obj": conflict.current, "back": back}
            return render(request, "plans/conflict.html", context, status=409)
        messages.success(request, f"«{part.title}» er lagret.")
        return redirect(back)
    return render(
        request,
        "plans/crisis_part.html",
        {
            "person": person,
            "part": part,
            "form": form,
            "saved": saved,
            "back": back,
            "language_ask": language_ask,
            "nav": "plan",
        },
    )


@login_required
@require_POST
def crisis_move(request, person_id):
    """Move a part of the plan for hard days one place up or down."""
    person = access.person_for(request, person_id, action=Action.UPDATE, object_type="crisis_plan")
    key = request.POST.get("del", "")
    direction = {"opp": -1, "ned": 1}.get(request.POST.get("retning", ""))
    back = reverse("crisis_plan", args=[person.pk]) + f"#del-{key}"
    if key not in safety_plan.BY_KEY or direction is None:
        messages.error(request, "Vi skjønte ikke hvilken del som skulle flyttes. Prøv igjen.")
        return redirect(back)
    plan, made = actions.crisis_plan_for(person, actor=request.user, basis=access.basis(request))
    expected = plan.version if made else _as_number(request.POST.get("version"))
    try:
        actions.move_crisis_part(plan, key, direction, expected, actor=request.user, basis=access.basis(request))
    except actions.Conflict:
        messages.error(request, "Noen andre endret rekkefølgen samtidig. Se over den og flytt igjen om du vil.")
        return redirect(back)
    return redirect(back)


def _as_number(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
def week(request, person_id):
    person = access.person_for(request, person_id, object_type="week")
    days = week_days(list(WeekActivity.objects.filter(person=person).select_related("goal")))
    return render(
        request,
        "plans/week.html",
        {
            "person": person,
            "access": request.person_access,
            "days": days,
            "today": timezone.localdate().weekday(),
            "form": WeekActivityForm(person=person),
            "nav": "plan",
        },
    )


def _model_fields(model) -> set[str]:
    """Fields a form may set. The version belongs to plans.actions, not to the form."""
    return {f.name for f in model._meta.get_fields()} - {"version", "person", "created_by", "updated_by"}


def _saved_message(kind, *, created: bool) -> str:
    return f"{kind.the[0].upper()}{kind.the[1:]} er {'lagt til' if created else 'lagret'}."


def _not_found():
    raise Http404


EVALUATION_NOTICE_DAYS = 7


@login_required
def my_page(request):
    """The person's home: today, the next small steps, wins, the plan at a glance, what waits."""
    own = Person.objects.filter(user=request.user).only("pk").first()
    if own is None:
        return redirect("home")
    person = access.person_for(request, own.pk, object_type="plan", only=access.SELF_ONLY)
    today = timezone.localdate()
    goals = list(_goals_with_progress(person))
    return render(
        request,
        "plans/my_page.html",
        {
            "person": person,
            "today_goals": [g for g in day_goals(person) if g.for_date == today],
            "next_steps": next_steps(person, limit=3),
            "wins": list(Win.objects.filter(person=person)[:3]),
            "goals": [g for g in goals if g.status == GoalStatus.UNDERWAY],
            "goals_reached": sum(1 for g in goals if g.status == GoalStatus.REACHED),
            "waiting": [
                g
                for g in goals
                if g.evaluate_on
                and g.evaluate_on <= today + timedelta(days=EVALUATION_NOTICE_DAYS)
                and g.status == GoalStatus.UNDERWAY
            ],
            "waiting_evaluations": evaluations_waiting_for(person),
            "week_today": _week_today(person),
            "has_crisis_plan": CrisisPlan.objects.filter(person=person).exists(),
            "nav": "my_page",
        },
    )
