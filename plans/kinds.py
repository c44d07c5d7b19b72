"""The kinds of plan items the generic new/edit/delete pages handle, and where each lives.

A kind changes through items/actions.py unless it says otherwise: the resource map keeps its
history through plans/actions.py's resource functions."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from items import actions as items
from plans import actions, forms
from plans.models import (
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


@dataclass(frozen=True)
class Kind:
    slug: str
    model: type
    form: type
    noun: str  # "ressurs", as in "Legg til …" / "Endre …" / "Ta bort …"
    list_page: str  # url name of the page the item is shown on
    parent: str = ""  # "goal": the item hangs off a goal given as ?mal=<id>
    form_needs: tuple = field(default=())  # extra keyword arguments the form takes: "person", "goal"
    definite: str = ""  # the definite form, as in "… er lagt til" / "ble … lagret av"
    create: Callable = items.create
    update: Callable = items.update
    delete: Callable = items.delete

    @property
    def object_type(self) -> str:
        return self.model.audit_type

    def back_url(self, person_id: int, obj=None, goal=None) -> str:
        goal = goal or getattr(obj, "goal", None)
        if self.list_page == "goal" and goal is not None:
            return reverse("goal", args=[person_id, goal.pk])
        return reverse(self.list_page, args=[person_id])


KINDS = {
    kind.slug: kind
    for kind in [
        Kind("mal", Goal, forms.GoalForm, "mål", "plan", definite="målet"),
        Kind("delmal", SubGoal, forms.SubGoalForm, "delmål", "goal", parent="goal", definite="delmålet"),
        Kind("steg", Step, forms.StepForm, "steg", "goal", parent="goal", form_needs=("goal",), definite="steget"),
        Kind("24", DayGoal, forms.DayGoalForm, "24-timers mål", "day", definite="24-timers-målet"),
        Kind(
            "ressurs",
            ResourceEntry,
            forms.ResourceForm,
            "ressurs",
            "resources",
            definite="ressursen",
            create=actions.create_resource,
            update=actions.update_resource,
            delete=actions.remove_resource,
        ),
        Kind(
            "nettverk",
            NetworkEntry,
            forms.NetworkForm,
            "person eller sted i nettverket",
            "network",
            definite="personen eller stedet",
        ),
        Kind(
            "varseltegn",
            WarningSign,
            forms.WarningSignForm,
            "varseltegn",
            "crisis_plan",
            definite="varseltegnet",
        ),
        Kind(
            "kontakt",
            CrisisContact,
            forms.CrisisContactForm,
            "kontakt",
            "crisis_plan",
            form_needs=("person",),
            definite="kontakten",
        ),
        Kind(
            "uke",
            WeekActivity,
            forms.WeekActivityForm,
            "aktivitet i uka",
            "week",
            form_needs=("person",),
            definite="aktiviteten",
        ),
    ]
}

# The text parts of the plan for hard days are edited one at a time on their own page.
CRISIS_PART_KIND = Kind(
    "kriseplan-del",
    CrisisPlanPart,
    forms.CrisisPartForm,
    "del av planen",
    "crisis_plan",
    definite="delen",
)
