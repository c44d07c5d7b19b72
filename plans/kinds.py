"""The kinds of plan items the generic new/edit/delete pages handle, and where each lives."""

from dataclasses import dataclass, field

from django.urls import reverse

from plans import forms
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
    object_type: str
    noun: str  # "ressurs", as in "Legg til …" / "Endre …" / "Ta bort …"
    list_page: str  # url name of the page the item is shown on
    parent: str = ""  # "goal": the item hangs off a goal given as ?mal=<id>
    form_needs: tuple = field(default=())  # extra keyword arguments the form takes: "person", "goal"
    the: str = ""  # the definite form, as in "… er lagt til" / "ble … lagret av"

    def back_url(self, person_id: int, obj=None, goal=None) -> str:
        goal = goal or getattr(obj, "goal", None)
        if self.list_page == "goal" and goal is not None:
            return reverse("goal", args=[person_id, goal.pk])
        return reverse(self.list_page, args=[person_id])


KINDS = {
    kind.slug: kind
    for kind in [
        Kind("mal", Goal, forms.GoalForm, "goal", "mål", "plan", the="målet"),
        Kind("delmal", SubGoal, forms.SubGoalForm, "subgoal", "delmål", "goal", parent="goal", the="delmålet"),
        Kind("steg", Step, forms.StepForm, "step", "steg", "goal", parent="goal", form_needs=("goal",), the="steget"),
        Kind("24", DayGoal, forms.DayGoalForm, "day_goal", "24-timers mål", "day", the="24-timers-målet"),
        Kind("ressurs", ResourceEntry, forms.ResourceForm, "resource", "ressurs", "resources", the="ressursen"),
        Kind(
            "nettverk",
            NetworkEntry,
            forms.NetworkForm,
            "network",
            "person eller sted i nettverket",
            "network",
            the="personen eller stedet",
        ),
        Kind(
            "varseltegn",
            WarningSign,
            forms.WarningSignForm,
            "warning_sign",
            "varseltegn",
            "crisis_plan",
            the="varseltegnet",
        ),
        Kind(
            "kontakt",
            CrisisContact,
            forms.CrisisContactForm,
            "crisis_contact",
            "kontakt",
            "crisis_plan",
            form_needs=("person",),
            the="kontakten",
        ),
        Kind(
            "uke",
            WeekActivity,
            forms.WeekActivityForm,
            "week",
            "aktivitet i uka",
            "week",
            form_needs=("person",),
            the="aktiviteten",
        ),
    ]
}

# The text parts of the plan for hard days are edited one at a time on their own page.
CRISIS_PART_KIND = Kind(
    "kriseplan-del",
    CrisisPlanPart,
    forms.CrisisPartForm,
    "crisis_plan_part",
    "del av planen",
    "crisis_plan",
    the="delen",
)
