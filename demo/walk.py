"""One person with every part of Medvandrer filled in, for the page walk in the browser tests
(tests/browser/test_walk.py) and the page benchmarks (benchmarks/pages/run.py): a plan with
goals and steps, the network, the crisis plan, the week, conversations (one going on, one
ended with both evaluations), CHIME ratings and the rulers. All fictional."""

from datetime import timedelta

from django.utils import timezone

from chime.models import ChimeRating
from conversations.models import Conversation, PersonEvaluation, StaffEvaluation
from mitools.models import AmbivalenceCross, RulerReading
from plans.models import DayGoal, Goal, Step
from plans.sample import make_plan


def fill_in(person, staff) -> dict:
    """Fill in `person`'s data, written by `staff`; returns the ids the page list needs."""
    common = {"person": person, "created_by": staff, "updated_by": staff}
    make_plan(person, goals=3, steps=9, network=9, years=1, author=staff)
    goal = Goal.objects.filter(person=person).order_by("order").first()
    step = Step.objects.filter(goal=goal).first()
    DayGoal.objects.create(text="Gå en tur rundt vannet", for_date=timezone.localdate(), **common)
    ended = Conversation.objects.create(
        phase="midtfase",
        focus="connectedness",
        situation="vil ha mer kontakt med søsteren",
        notes="Vi gikk langs elva.",
        stage="utforsking",
        ended=timezone.now() - timedelta(days=2),
        held_on=timezone.localdate() - timedelta(days=2),
        **common,
    )
    ended.steps.add(step)
    PersonEvaluation.objects.create(
        conversation=ended, heard=2, elements=["connectedness"], takeaway="Søsteren min", **common
    )
    StaffEvaluation.objects.create(
        conversation=ended, listening=4, resources=3, strengths_based=4, follow_up="Tur igjen", **common
    )
    underway = Conversation.objects.create(phase="innledende", focus="hope", situation="vil komme i jobb", **common)
    for days, values in ((40, (4, 5, 5, 6, 4)), (3, (6, 6, 5, 7, 5))):
        elements = dict(zip(("connectedness", "hope", "identity", "meaning", "empowerment"), values, strict=True))
        _made_days_ago(ChimeRating.objects.create(**elements, **common), days)
    for days, importance, confidence in ((30, 6, 3), (2, 8, 5)):
        reading = RulerReading.objects.create(
            topic="Å komme i jobb", importance=importance, confidence=confidence, **common
        )
        _made_days_ago(reading, days)
    cross = AmbivalenceCross.objects.create(
        topic="Å slutte å røyke",
        pros_now="Det roer meg",
        cons_now="Pusten",
        pros_change="Spare penger",
        cons_change="Savne pausene",
        **common,
    )
    return {"goal": goal.pk, "ended": ended.pk, "underway": underway.pk, "cross": cross.pk}


def _made_days_ago(item, days: int) -> None:
    """`created` is set on save; a history needs it back in time."""
    type(item).objects.filter(pk=item.pk).update(created=timezone.now() - timedelta(days=days))


def person_pages(person_id: int, ids: dict) -> dict:
    """The pages of the walk the person sees, signed in themselves."""
    person = f"/personer/{person_id}"
    return {
        "min-side": "/min-side/",
        "vanskelig-naa": "/vanskelig/",
        "egen-plan": f"{person}/plan/",
        "egen-samtale": f"{person}/samtaler/{ids['ended']}/",
        "egen-evaluering": f"{person}/samtaler/{ids['ended']}/evaluering/min/",
        "egen-chime": f"{person}/chime/",
        "egen-innsyn": f"{person}/innsyn/",
        "samtykke": f"{person}/samtykke/",
    }


def staff_pages(person_id: int, ids: dict) -> dict:
    """The pages of the walk a practitioner with a care relation sees."""
    person = f"/personer/{person_id}"
    return {
        "i-dag": "/",
        "sporsmalsbanken": "/sporsmal/",
        "forslag": "/sporsmal/forslag/",
        "veiledning": "/veiledning/",
        "personer": "/personer/",
        "person": f"{person}/",
        "plan": f"{person}/plan/",
        "mal": f"{person}/plan/mal/{ids['goal']}/",
        "24-timer": f"{person}/plan/24-timer/",
        "seire": f"{person}/plan/seire/",
        "ressurser": f"{person}/plan/ressurser/",
        "nettverk": f"{person}/plan/nettverk/",
        "kriseplan": f"{person}/plan/kriseplan/",
        "uke": f"{person}/plan/uke/",
        "samtaler": f"{person}/samtaler/",
        "samtale": f"{person}/samtaler/{ids['underway']}/",
        "samtale-avsluttet": f"{person}/samtaler/{ids['ended']}/",
        "evalueringer": f"{person}/samtaler/{ids['ended']}/evaluering/",
        "fagpersonens-evaluering": f"{person}/samtaler/{ids['ended']}/evaluering/fagperson/",
        "chime": f"{person}/chime/",
        "chime-ny": f"{person}/chime/ny/",
        "mi": f"{person}/mi/",
        "mi-kors": f"{person}/mi/kors/{ids['cross']}/",
        "mi-linjal-ny": f"{person}/mi/linjal/ny/",
        "utskrift": f"{person}/plan/utskrift/",
    }


def leader_pages(person_id: int, staff_id: int, team_id: int) -> dict:
    """The pages of the walk a team leader sees in «Administrasjon»."""
    return {
        "administrasjon": "/organisasjon/",
        "ansatte": "/organisasjon/ansatte/",
        "ny-ansatt": "/organisasjon/ansatte/ny/",
        "ansatt": f"/organisasjon/ansatte/{staff_id}/",
        "team": "/organisasjon/team/",
        "ett-team": f"/organisasjon/team/{team_id}/",
        "faste-kontakter": "/organisasjon/personer/",
        "kontakter-for-personen": f"/organisasjon/personer/{person_id}/",
        "innlogging-for-ansatte": "/organisasjon/innlogging/",
    }
