"""The plan pages. Every view gets the person (or the item) through people.access, and every
change goes through plans.actions."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from audit.models import Action
from audit.types import ObjectType
from items import actions as items
from items import conflicts, pages
from items.forms import read_version, sent_version
from language import gate
from medvandrer.forms import posted
from people import access
from plans import actions, charts, safety_plan
from plans.forms import (
    CrisisPartForm,
    DayGoalForm,
    NetworkForm,
    ResourceForm,
    StepForm,
    WeekActivityForm,
    WinForm,
)
from plans.kinds import CRISIS_PART_KIND
from plans.models import (
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
from plans.progress import day_goals, goals_with_progress, next_steps, week_today
from plans.week import week_days

RECENT_WINS = 5


@login_required
def plan_overview(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.PLAN)
    goals = list(goals_with_progress(person))
    context = {
        "person": person,
        "access": grant,
        "goals": goals,
        "next_steps": next_steps(person),
        "day_goals": day_goals(person),
        "wins": list(Win.objects.filter(person=person)[:RECENT_WINS]),
        "resource_counts": _resource_counts(person),
        "network_count": NetworkEntry.objects.filter(person=person).count(),
        "crisis_plan": CrisisPlan.objects.filter(person=person)
        .annotate(sign_count=Count("signs", distinct=True), contact_count=Count("contacts", distinct=True))
        .first(),
        "today": week_today(person),
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


@login_required
def goal_detail(request, person_id, goal_id):
    goal, grant = access.object_for_read(
        request,
        Goal.objects.select_related("created_by", "updated_by"),
        goal_id,
        person_id=person_id,
        object_type=ObjectType.GOAL,
    )
    steps = list(goal.steps.select_related("subgoal", "done_by", "created_by", "updated_by").prefetch_related("wins"))
    return render(
        request,
        "plans/goal.html",
        {
            "person": goal.person,
            "goal": goal,
            "access": grant,
            "subgoals": list(goal.subgoals.all()),
            "open_steps": [s for s in steps if s.done_at is None],
            "done_steps": [s for s in steps if s.done_at is not None],
            "step_form": StepForm(goal=goal),
            "nav": "plan",
        },
    )


ON_MY_PAGE = "min-side"  # «tilbake»: the tick was made on «Min side», and goes back there
STEP_DONE = "Steget er gjort. Vil du feire det?"
STEP_DONE_ON_MY_PAGE = "Steget er gjort. Du kan feire det under målet."  # without htmx the row is gone from «Min side»
NOT_DONE = "Merket som ikke gjort."
CELEBRATED = "Feiret! Det står nå blant seirene dine."


def _ticked(request, row_template, context, said, back):
    """After a tick or a celebration, where the person is: with htmx the row is drawn again in
    place and `said` goes to the page's live region; without, the page again, at the row."""
    on_my_page = request.POST.get("tilbake") == ON_MY_PAGE
    if request.htmx:
        return render(request, row_template, {**context, "on_my_page": on_my_page, "said": said})
    if said:
        messages.success(request, said)
    return redirect(reverse("my_page") if on_my_page else back)


def _step_row(step):
    context = {"person": step.person, "step": step, "can_write": True, "show_subgoal": True}
    return context, reverse("goal", args=[step.person_id, step.goal_id]) + f"#steg-{step.pk}"


@login_required
@require_POST
def toggle_step(request, person_id, item_id):
    step, grant = access.object_for_write(
        request,
        Step.objects.select_related("goal", "subgoal"),
        item_id,
        person_id=person_id,
        action=Action.UPDATE,
        object_type=ObjectType.STEP,
    )
    done = request.POST.get("done") == "1"
    actions.set_done(step, done, actor=request.user, basis=grant.basis)
    context, back = _step_row(step)
    if not done:
        said = NOT_DONE
    elif request.POST.get("tilbake") == ON_MY_PAGE and not request.htmx:
        said = STEP_DONE_ON_MY_PAGE
    else:
        said = STEP_DONE
    return _ticked(request, "plans/_step.html", context, said, back)


@login_required
def celebrate(request, person_id, item_id):
    """«Feire» beside a done step saves the step's words as a win in one tap; this page is only
    seen when the person wants to write it in their own words (or the words were empty)."""
    writing = request.method == "POST"
    step, grant = access.object_for_edit(
        request,
        Step.objects.select_related("goal", "subgoal"),
        item_id,
        person_id=person_id,
        on_post=Action.CREATE,
        object_type=ObjectType.STEP,
    )
    form = WinForm(posted(request), initial={"text": step.text})
    if writing and form.is_valid():
        items.create_once(
            Win, step.person, actor=request.user, basis=grant.basis, step=step, text=form.cleaned_data["text"]
        )
        context, back = _step_row(step)
        return _ticked(request, "plans/_step.html", context, CELEBRATED, back)
    return render(request, "plans/celebrate.html", {"person": step.person, "step": step, "form": form, "nav": "plan"})


@login_required
def wins(request, person_id):
    writing = request.method == "POST"
    person, grant = access.person_for_page(request, person_id, ObjectType.WIN, on_post=Action.CREATE)
    form = WinForm(posted(request))
    if writing and form.is_valid():
        items.create_once(Win, person, actor=request.user, basis=grant.basis, text=form.cleaned_data["text"])
        messages.success(request, "Feiret! Små seire teller.")
        return redirect("wins", person_id=person.pk)
    all_wins = list(Win.objects.filter(person=person).select_related("created_by", "step"))
    return render(
        request,
        "plans/wins.html",
        {"person": person, "access": grant, "wins": all_wins, "form": form, "nav": "plan"},
    )


@login_required
def day(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.DAY_GOAL)
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
            "access": grant,
            "today_goals": [g for g in goals if g.for_date == today],
            "tomorrow_goals": [g for g in goals if g.for_date > today],
            "due_steps": steps,
            "form": DayGoalForm(),
            "week_today": week_today(person),
            "nav": "plan",
        },
    )


@login_required
@require_POST
def toggle_day_goal(request, person_id, item_id):
    day_goal, grant = access.object_for_write(
        request,
        DayGoal.objects.all(),
        item_id,
        person_id=person_id,
        action=Action.UPDATE,
        object_type=ObjectType.DAY_GOAL,
    )
    done = request.POST.get("done") == "1"
    actions.set_done(day_goal, done, actor=request.user, basis=grant.basis)
    context = {"person": day_goal.person, "g": day_goal, "access": grant}
    return _ticked(
        request,
        "plans/_day_goal.html",
        context,
        "Gjort!" if done else NOT_DONE,
        reverse("day", args=[day_goal.person_id]),
    )


@login_required
def resources(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.RESOURCE)
    entries = list(ResourceEntry.objects.filter(person=person, removed__isnull=True).select_related("created_by"))
    changes = list(ResourceChange.objects.filter(person=person).only("at", "kind", "category"))
    grouped = [(key, label, [e for e in entries if e.category == key]) for key, label in ResourceCategory.choices]
    return render(
        request,
        "plans/resources.html",
        {
            "person": person,
            "access": grant,
            "groups": grouped,
            "chart": charts.resource_growth(changes),
            "form": ResourceForm(),
            "nav": "plan",
        },
    )


@login_required
def resource_history(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.RESOURCE)
    changes = list(ResourceChange.objects.filter(person=person).select_related("by").order_by("-at", "-id"))
    last_text = {}  # entry -> its text before this change, so a change shows what it was
    for change in reversed(changes):
        change.before = last_text.get(change.entry_id, "")
        last_text[change.entry_id] = change.text
    return render(request, "plans/resource_history.html", {"person": person, "changes": changes, "nav": "plan"})


@login_required
def network(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.NETWORK)
    entries = list(NetworkEntry.objects.filter(person=person))
    return render(
        request,
        "plans/network.html",
        {
            "person": person,
            "access": grant,
            "chart": charts.network_map(entries),
            "form": NetworkForm(),
            "nav": "plan",
        },
    )


@login_required
@require_GET
def crisis_plan(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.CRISIS_PLAN)
    plan = safety_plan.plan_of(person)
    return render(
        request,
        "plans/crisis_plan.html",
        {
            "person": person,
            "access": grant,
            "plan": plan,
            "sections": safety_plan.sections(plan),
            "who_can_see": access.who_can_see(person),
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
    person, grant = access.person_for_edit(request, person_id, ObjectType.CRISIS_PLAN, object_id=key)
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
                sent_version(form),
                actor=request.user,
                basis=grant.basis,
            )
        except actions.Conflict as conflict:
            return pages.conflict_page(
                request,
                person=person,
                typed=form,
                current=conflict.current,
                names=["text"],
                retry_with=lambda saved: CrisisPartForm(
                    conflicts.retry_data(request, saved), instance=saved, part=part
                ),
                what=CRISIS_PART_KIND.definite,
                action=request.path,
                back=back,
            )
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
    person, grant = access.person_for_write(request, person_id, ObjectType.CRISIS_PLAN, action=Action.UPDATE)
    key = request.POST.get("del", "")
    direction = {"opp": -1, "ned": 1}.get(request.POST.get("retning", ""))
    back = reverse("crisis_plan", args=[person.pk]) + f"#del-{key}"
    if key not in safety_plan.BY_KEY or direction is None:
        messages.error(request, "Vi skjønte ikke hvilken del som skulle flyttes. Prøv igjen.")
        return redirect(back)
    plan, made = actions.crisis_plan_for(person, actor=request.user, basis=grant.basis)
    expected = plan.version if made else read_version(request.POST.get("version"))
    try:
        actions.move_crisis_part(plan, key, direction, expected, actor=request.user, basis=grant.basis)
    except actions.Conflict:
        messages.error(request, "Noen andre endret rekkefølgen samtidig. Se over den og flytt igjen om du vil.")
        return redirect(back)
    return redirect(back)


@login_required
def week(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.WEEK)
    days = week_days(list(WeekActivity.objects.filter(person=person).select_related("goal")))
    return render(
        request,
        "plans/week.html",
        {
            "person": person,
            "access": grant,
            "days": days,
            "today": timezone.localdate().weekday(),
            "form": WeekActivityForm(person=person),
            "nav": "plan",
        },
    )
