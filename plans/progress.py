"""The plan at a glance, for the plan's overview and the person's «Min side»: goals with how
many steps are done, the next small steps, today's and tomorrow's 24-hour goals, today in the week."""

from datetime import timedelta

from django.db.models import Count, F, Q
from django.utils import timezone

from plans.models import DayGoal, Goal, GoalStatus, Step, WeekActivity

NEXT_STEPS = 5


def goals_with_progress(person):
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


def week_today(person):
    weekday = timezone.localdate().weekday()
    return list(WeekActivity.objects.filter(person=person, weekday=weekday).order_by("part"))
