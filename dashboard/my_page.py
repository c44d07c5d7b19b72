"""«Min side»: the person's own home – today, the next small steps, wins, the plan at a glance,
and what waits for them (a goal to look at together, an evaluation to give)."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone

from audit.types import ObjectType
from conversations.models import evaluations_waiting_for
from people import access
from people.models import Person
from plans.models import CrisisPlan, GoalStatus, Win
from plans.progress import day_goals, goals_with_progress, next_steps, week_today

EVALUATION_NOTICE_DAYS = 7


@login_required
def my_page(request):
    """The person's home: today, the next small steps, wins, the plan at a glance, what waits."""
    own = Person.objects.filter(user=request.user).only("pk").first()
    if own is None:
        return redirect("home")
    person, grant = access.person_for_self_only(request, own.pk, ObjectType.PLAN)
    today = timezone.localdate()
    goals = list(goals_with_progress(person))
    return render(
        request,
        "dashboard/my_page.html",
        {
            "person": person,
            "access": grant,
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
            "week_today": week_today(person),
            "has_crisis_plan": CrisisPlan.objects.filter(person=person).exists(),
            "today": today,
            "handovers": list(person.handovers.to_show().select_related("from_staff", "to_staff")),
            "nav": "my_page",
        },
    )
