"""The kinds of plan items, served by medvandrer/item_views.py at «…/plan/<slug>/ny/», «…/endre/», «…/slett/».

A kind changes through items/actions.py unless it says otherwise: the resource map keeps its
history through plans/actions.py's resource functions."""

from audit.types import ObjectType
from items.kinds import Kind
from people import access
from plans import actions, forms
from plans.models import (
    ContactGroup,
    CrisisContact,
    CrisisPlanPart,
    DayGoal,
    Goal,
    NetworkEntry,
    ResourceEntry,
    Step,
    SubGoal,
    WarningSign,
    WeekActivity,
)


def _goal_of_new_item(request, person, grant):
    """The goal a new sub-goal or step hangs off: ?mal=<id>, one of this person's goals."""
    goal_id = request.GET.get("mal") or request.POST.get("mal")
    return access.one_of_theirs(request, Goal.objects.all(), goal_id, person, grant, object_type=ObjectType.GOAL)


def _contact_group(request, person, _grant) -> dict:
    """A new contact lands in the part of the plan it was added from («?gruppe=fagfolk»)."""
    group = request.GET.get("gruppe", "")
    return {"group": group} if group in ContactGroup.values else {}


def _in_crisis_plan(person, actor, basis) -> dict:
    plan, _made = actions.crisis_plan_for(person, actor=actor, basis=basis)
    return {"plan": plan}


ON_A_GOAL = {"parent_field": "goal", "find_parent": _goal_of_new_item}
PLAN_PAGES = {"form_template": "plans/item_form.html", "delete_template": "plans/confirm_delete.html"}

KINDS = {
    kind.slug: kind
    for kind in [
        Kind(
            "mal",
            Goal,
            forms.GoalForm,
            "mål",
            "målet",
            "plan",
            detail_page="goal",  # a new goal opens on the goal, where the next thing is a small step
            new_heading="Nytt mål",
            **PLAN_PAGES,
        ),
        Kind("delmal", SubGoal, forms.SubGoalForm, "delmål", "delmålet", "goal", **ON_A_GOAL, **PLAN_PAGES),
        Kind("steg", Step, forms.StepForm, "steg", "steget", "goal", form_needs=("goal",), **ON_A_GOAL, **PLAN_PAGES),
        Kind("24", DayGoal, forms.DayGoalForm, "24-timers mål", "24-timers-målet", "day", **PLAN_PAGES),
        Kind(
            "ressurs",
            ResourceEntry,
            forms.ResourceForm,
            "ressurs",
            "ressursen",
            "resources",
            create=actions.create_resource,
            update=actions.update_resource,
            delete=actions.remove_resource,
            **PLAN_PAGES,
        ),
        Kind(
            "nettverk",
            NetworkEntry,
            forms.NetworkForm,
            "person eller sted i nettverket",
            "personen eller stedet",
            "network",
            **PLAN_PAGES,
        ),
        Kind(
            "varseltegn",
            WarningSign,
            forms.WarningSignForm,
            "varseltegn",
            "varseltegnet",
            "crisis_plan",
            made_with=_in_crisis_plan,
            **PLAN_PAGES,
        ),
        Kind(
            "kontakt",
            CrisisContact,
            forms.CrisisContactForm,
            "kontakt",
            "kontakten",
            "crisis_plan",
            form_needs=("person",),
            initial=_contact_group,
            made_with=_in_crisis_plan,
            **PLAN_PAGES,
        ),
        Kind(
            "uke",
            WeekActivity,
            forms.WeekActivityForm,
            "aktivitet i uka",
            "aktiviteten",
            "week",
            form_needs=("person",),
            **PLAN_PAGES,
        ),
    ]
}

# The text parts of the plan for hard days are edited one at a time on their own page.
CRISIS_PART_KIND = Kind(
    "kriseplan-del",
    CrisisPlanPart,
    forms.CrisisPartForm,
    "del av planen",
    "delen",
    "crisis_plan",
)
