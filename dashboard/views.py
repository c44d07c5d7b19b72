"""The staff home page: one glance at the start of a working day.

It starts with the user's own persons («Mine personer», a care relation); the persons the
team may see by consent are under «Teamets» (?liste=teamets), one tap away. Everything on
it comes from persons the access layer lets this user see (people.access.persons_visible_to).
A person gets a read row in their access log when something of theirs is shown – a goal, a
step, an evaluation, a conversation – not for their name in the list (docs/SECURITY.md).
Persons in recovery have their own home ("Min side")."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Max, OuterRef, Q, Subquery
from django.shortcuts import redirect, render
from django.utils import timezone

from audit.log import record_reads
from audit.types import ObjectType
from content.forms import SuggestionForm
from conversations.models import Conversation, PersonEvaluation
from people import access
from people.models import Handover
from plans.models import Goal, GoalStatus, Step

AHEAD = timedelta(days=14)
BEHIND = timedelta(days=7)  # a date that just passed is still worth seeing
RECENT = timedelta(days=30)
FIRST_TIME = timedelta(days=7)  # "since last time" for someone who has not signed in before
SHOWN = 8
COMING = 16
LITTLE_HEARD = 2  # «følte seg hørt» 1–2 of 5: flagged, as feedback tools do when the alliance drops
TEAMS = "teamets"  # ?liste=teamets: the persons seen by the team's consent


@login_required
def home(request):
    user = request.user
    if user.is_person:
        return redirect("my_page")
    today = timezone.localdate()
    now = timezone.now()
    since = user.previous_login or now - FIRST_TIME
    # Only the shown list's persons are fetched, each with what `access.decide` needs and their
    # last conversation; the other list is only counted. Every list below is limited to these
    # persons and reuses their rows instead of joining the person again.
    teams = request.GET.get("liste") == TEAMS
    visible = access.with_access_facts(access.persons_visible_to(user), user)
    last_held = (
        Conversation.objects.filter(person=OuterRef("pk")).order_by().values("person").annotate(last=Max("held_on"))
    )
    listed = list(
        visible.filter(related_to_user=not teams)
        .annotate(last_conversation=Subquery(last_held.values("last")))
        .only("pk", "organisation_id", "display_name", "user_id")
        .order_by("display_name")
    )
    by_pk = {person.pk: person for person in listed}
    persons = list(by_pk)
    other_list = visible.filter(related_to_user=teams).count()

    def theirs(items):
        """The items, each holding its listed person (no second fetch of the person)."""
        for item in items:
            item.person = by_pk[item.person_id]
        return items

    window = {"gte": today - BEHIND, "lte": today + AHEAD}
    coming = [
        {"date": goal.evaluate_on, "person": goal.person, "what": "Se på målet sammen", "text": goal.text, "goal": goal}
        for goal in theirs(
            Goal.objects.filter(
                person__in=persons,
                status=GoalStatus.UNDERWAY,
                evaluate_on__gte=window["gte"],
                evaluate_on__lte=window["lte"],
            )
            .only("pk", "person_id", "evaluate_on", "text")
            .order_by("evaluate_on")[:COMING]
        )
    ] + [
        {"date": c.follow_up_on, "person": c.person, "what": "Oppfølging etter samtalen", "text": "", "conversation": c}
        for c in theirs(
            Conversation.objects.filter(
                person__in=persons, follow_up_on__gte=window["gte"], follow_up_on__lte=window["lte"]
            )
            .only("pk", "person_id", "follow_up_on", "held_on")
            .order_by("follow_up_on")[:COMING]
        )
    ]
    coming.sort(key=lambda item: item["date"])
    context = {
        "nav": "home",
        "today": today,
        "since": since,
        "first_time": user.previous_login is None,
        "first_time_days": FIRST_TIME.days,
        "persons": listed,
        "teams": teams,
        "mine_count": other_list if teams else len(listed),
        "teams_count": len(listed) if teams else other_list,
        "little_heard": LITTLE_HEARD,
        "coming": coming[: SHOWN * 2],
        "underway": theirs(
            list(
                Conversation.objects.filter(person__in=persons, ended__isnull=True, created_by=user).only(
                    "pk", "person_id", "held_on"
                )[:SHOWN]
            )
        ),
        "conversations": theirs(
            list(
                Conversation.objects.filter(person__in=persons, ended__isnull=False, held_on__gte=today - RECENT)
                .select_related("created_by")
                .only("pk", "person_id", "held_on", "stage", "created_by__full_name", "created_by__username")
                .order_by("-held_on", "-created")[:SHOWN]
            )
        ),
        "evaluations": theirs(
            list(
                PersonEvaluation.objects.filter(person__in=persons, created__gte=now - RECENT)
                .select_related("conversation")
                .only("pk", "person_id", "conversation_id", "heard", "conversation__held_on")
                .order_by("-created")[:SHOWN]
            )
        ),
        "steps_done": theirs(
            list(
                Step.objects.filter(person__in=persons, done_at__gte=since)
                .exclude(done_by=user)
                .select_related("done_by")
                .only("pk", "person_id", "goal_id", "text", "done_by_id", "done_by__full_name", "done_by__username")
                .order_by("-done_at")[: SHOWN * 2]
            )
        ),
        "suggestion_form": SuggestionForm(),
        "handovers": list(
            Handover.objects.to_show()
            .filter(Q(from_staff=user) | Q(to_staff=user))
            .select_related("person", "from_staff", "to_staff")
        ),
    }
    shown = {
        item.person_id for name in ("underway", "conversations", "evaluations", "steps_done") for item in context[name]
    } | {item["person"].pk for item in context["coming"]}
    record_reads(
        actor=user,
        object_type=ObjectType.DASHBOARD,
        bases={p.pk: access.decide(user, p).basis for p in listed if p.pk in shown},
    )
    return render(request, "dashboard/home.html", context)
