"""The scale generator: its tables, the region, each organisation and its staff.

One person and everything that belongs to them is in demo/scale/person.py.
"""

import hashlib
import random
import re
import time
from datetime import datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils import timezone

from accounts.models import MANAGER_ROLES, Attempt, Invite, ResetLink, Role, User, UserSession, attempt_key
from audit.models import AuditEvent
from chime.models import ChimeRating
from content.models import Element, Favourite, GuidanceItem, Phase, Question
from conversations.models import (
    Conversation,
    EvaluationLink,
    PersonEvaluation,
    StaffEvaluation,
)
from demo.scale import MARKER, SCALE_PASSWORD, person_username, scale_secret, staff_username
from demo.scale import texts as T
from demo.scale.loader import Loader
from demo.scale.person import PersonRows
from mitools.models import AmbivalenceCross, CrossRevision, RulerReading
from people.models import Block, CareRelation, Consent, Handover, Organisation, Person, Team
from plans.models import (
    CrisisContact,
    CrisisPlan,
    CrisisPlanPart,
    DayGoal,
    Goal,
    NetworkEntry,
    ResourceChange,
    ResourceEntry,
    Step,
    SubGoal,
    WarningSign,
    WeekActivity,
    Win,
)
from reflection.models import JournalEntry


def refusal(*, append: bool) -> str | None:
    """Why this database must not get (more) scale data, in Norwegian; None: go ahead."""
    existing_real = (
        Person.objects.exclude(organisation__slug__startswith=MARKER).exists()
        or User.objects.exclude(username__startswith=MARKER).exists()
    )
    existing_ours = Organisation.objects.filter(slug__startswith=MARKER).exists()
    if (existing_real or existing_ours) and not append:
        if existing_real:
            return (
                "Databasen har allerede personer eller brukere som ikke er skaladata. Bruk en tom database, "
                "eller --append hvis du virkelig vil legge fiktive data til."
            )
        return "Databasen har allerede skaladata. Bruk --append for å legge til mer."
    return None


def next_run() -> int:
    """The number of this run: one more than the highest run already in the database."""
    runs = [
        int(m.group(1))
        for slug in Organisation.objects.filter(slug__startswith=MARKER).values_list("slug", flat=True)
        if (m := re.match(rf"{MARKER}(\d+)-", slug))
    ]
    return max(runs, default=0) + 1


def summary(generator, *, run: int, factor: float, generated: float, total: float) -> list[str]:
    """What the command prints after a run: the rows written per table, and how to sign in."""
    lines = [
        f"\nSkaladata (fiktive), kjøring {run}, faktor {factor:g}, på {connection.vendor}:",
        f"  {'tabell':<38} {'nye rader':>11} {'i alt':>11} {'skrivetid':>10}",
    ]
    new_rows = 0
    for table in generator.loader.tables:
        in_all = table.model.objects.count()
        new_rows += table.count
        seconds = generator.loader.seconds.get(table.model, 0.0)
        lines.append(f"  {table.db_table:<38} {table.count:>11,} {in_all:>11,} {seconds:>9.1f}s")
    lines.append(
        f"  {'i alt':<38} {new_rows:>11,}\n"
        f"Laget på {generated:.1f} s (med VACUUM/ANALYZE {total:.1f} s), {new_rows / generated:,.0f} rader/s.\n"
        f"Passord for alle brukerne: {SCALE_PASSWORD}. Ansatte har engangskodenøkkel "
        f"scale_secret(brukernavn) (demo/scale/__init__.py).\n"
        f"Brukernavn: {staff_username(run, 1)} … og {person_username(run, 1)} …"
    )
    return lines


class Generator(PersonRows):
    def __init__(self, *, factor: float, seed: int, run: int, batch: int, out):
        self.factor, self.run, self.out = factor, run, out
        self.rng = random.Random(seed * 1000 + run)
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.loader = Loader(connection, batch=batch)
        self.password = make_password(SCALE_PASSWORD)  # hashed once, shared by every fictional user
        self.phases = list(Phase.objects.order_by("order").values_list("key", flat=True))
        self.elements = list(Element.objects.order_by("order").values_list("key", flat=True))
        self.questions = list(Question.objects.order_by("pk").values_list("pk", flat=True))
        self.guidance = {}
        for collection, key in GuidanceItem.objects.values_list("collection_id", "key"):
            self.guidance.setdefault(collection, []).append(key)
        from audit.types import DECLARED

        # What a read or change in the log is about (registered types only, so the log reads well).
        self.object_types = [
            key
            for key in (
                "person",
                "plan",
                "plan",
                "goal",
                "step",
                "network",
                "resource",
                "crisis_plan",
                "week",
                "conversation",
                "conversation",
                "person_evaluation",
                "staff_evaluation",
                "chime_ratings",
                "mi_tools",
                "plan_pdf",
                "about",
            )
            if key in DECLARED
        ] or ["person"]
        self._tables()

    # -- tables, in the order they are written ------------------------------------------
    def _tables(self):
        L = self.loader
        self.t_org = L.table(Organisation, "id name slug created")
        self.t_team = L.table(Team, "id organisation_id name")
        self.t_user = L.table(
            User,
            "id password last_login is_superuser username first_name last_name email is_staff is_active "
            "date_joined role full_name organisation_id previous_login totp_secret totp_confirmed",
        )
        self.t_user_team = L.table(User.teams.through, "id user_id team_id")
        self.t_user_session = L.table(UserSession, "id user_id session_key created")
        self.t_person = L.table(Person, "id organisation_id display_name user_id about about_version created")
        self.t_invite = L.table(Invite, "id person_id token_hash created_by_id created expires used")
        self.t_reset = L.table(ResetLink, "id user_id token_hash short_hash created_by_id created expires used")
        self.t_attempt = L.table(Attempt, "id kind key at")
        self.t_care = L.table(CareRelation, "id staff_id person_id started ended")
        self.t_consent = L.table(Consent, "id person_id team_id given valid_until withdrawn")
        self.t_block = L.table(Block, "id person_id staff_id created")
        self.t_handover = L.table(Handover, "id person_id from_staff_id to_staff_id starts note created_by_id created")
        item = "person_id version created created_by_id updated updated_by_id"
        self.t_goal = L.table(
            Goal,
            f"id {item} text chime life_area supporters target_date evaluate_on status evaluation order",
        )
        self.t_subgoal = L.table(SubGoal, f"id {item} goal_id text done order")
        self.t_step = L.table(Step, f"id {item} goal_id subgoal_id text helper due done_at done_by_id order")
        self.t_win = L.table(Win, f"id {item} step_id text")
        self.t_daygoal = L.table(DayGoal, f"id {item} text for_date done_at")
        self.t_resource = L.table(ResourceEntry, f"id {item} category text removed")
        self.t_reschange = L.table(ResourceChange, "id person_id entry_id kind category text at by_id")
        self.t_network = L.table(NetworkEntry, f"id {item} name ring group note contact")
        self.t_crisis = L.table(CrisisPlan, f"id {item} part_order")
        self.t_crisis_part = L.table(CrisisPlanPart, f"id {item} plan_id key text")
        self.t_sign = L.table(WarningSign, f"id {item} plan_id sign what_to_do order")
        self.t_contact = L.table(
            CrisisContact, f"id {item} plan_id network_entry_id group name how_to_reach can_help_with order"
        )
        self.t_week = L.table(WeekActivity, f"id {item} weekday part text kind goal_id")
        self.t_rating = L.table(
            ChimeRating,
            f"id {item} connectedness hope identity meaning empowerment connectedness_comment hope_comment note",
        )
        self.t_cross = L.table(AmbivalenceCross, f"id {item} topic goal_id pros_now cons_now pros_change cons_change")
        self.t_revision = L.table(
            CrossRevision, "id person_id cross_id number topic pros_now cons_now pros_change cons_change at by_id"
        )
        self.t_ruler = L.table(
            RulerReading,
            f"id {item} topic goal_id importance confidence importance_not_lower importance_one_up "
            "confidence_not_lower confidence_one_up",
        )
        self.t_conversation = L.table(
            Conversation,
            f"id {item} held_on phase focus situation situation_saved offered_questions crisis_kinds notes stage used_questions follow_up_on ended",
        )
        self.t_conversation_step = L.table(Conversation.steps.through, "id conversation_id step_id")
        self.t_person_eval = L.table(PersonEvaluation, f"id {item} conversation_id heard elements takeaway next_steps")
        self.t_staff_eval = L.table(
            StaffEvaluation,
            f"id {item} conversation_id listening resources strengths_based elements follow_up",
        )
        self.t_link = L.table(
            EvaluationLink, "id person_id conversation_id token_hash created created_by_id expires used"
        )
        self.t_audit = L.table(
            AuditEvent,
            "id at actor_id actor_name actor_role organisation_id person_id object_type object_id action basis",
        )
        self.t_journal = L.table(
            JournalEntry, "id author_id week_of answers method_key method_plan method_follow_up self_check notes"
        )
        self.t_favourite = L.table(Favourite, "id user_id question_id created")

    # -- helpers --------------------------------------------------------------------------
    def n(self, mean: float) -> int:
        """A count around `mean` (stochastic rounding), so totals come out right on average."""
        whole = int(mean)
        return whole + (1 if self.rng.random() < mean - whole else 0)

    def between(self, start: datetime, end: datetime) -> datetime:
        if end <= start:
            return start
        return start + timedelta(seconds=self.rng.random() * (end - start).total_seconds())

    def days_ago(self, low: float, high: float) -> datetime:
        return self.now - timedelta(days=self.rng.uniform(low, high))

    def token(self, kind: str, number: int) -> str:
        return hashlib.sha256(f"{MARKER}-{self.run}-{kind}-{number}".encode()).hexdigest()

    # -- the region -----------------------------------------------------------------------
    def generate(self):
        rng, factor = self.rng, self.factor
        n_org = max(1, round(20 * factor))
        n_staff = max(n_org * 2, round(2000 * factor))
        n_persons = max(n_org, round(20000 * factor))
        places = rng.sample(T.PLACES, len(T.PLACES))
        self.staff_numbers = 0
        self.person_numbers = 0
        for o in range(n_org):
            org_started = time.perf_counter()
            place = places[o % len(places)] + ("" if o < len(places) else f" {o // len(places) + 1}")
            name = T.ORGANISATION_KINDS[o % len(T.ORGANISATION_KINDS)].format(place=place)
            org_id = self.t_org.new_id()
            slug = f"{MARKER}{self.run}-{o + 1:03d}-" + re.sub(r"[^a-z0-9]+", "-", place.lower()).strip("-")
            self.t_org.add(org_id, name, slug, self.days_ago(1500, 2000))
            staff_here = n_staff // n_org + (1 if o < n_staff % n_org else 0)
            persons_here = n_persons // n_org + (1 if o < n_persons % n_org else 0)
            self.organisation(org_id, staff_here, persons_here)
            self.out.write(
                f"  {name}: {staff_here} ansatte, {persons_here} personer ({time.perf_counter() - org_started:.1f} s)"
            )
        self.loader.finish()

    def organisation(self, org_id: int, n_staff: int, n_persons: int):
        rng = self.rng
        n_teams = min(len(T.TEAM_NAMES), max(1, n_staff // 20))
        teams = []
        for name in rng.sample(T.TEAM_NAMES, n_teams):
            team_id = self.t_team.new_id()
            self.t_team.add(team_id, org_id, name)
            teams.append(team_id)
        team_members: dict[int, list] = {t: [] for t in teams}
        staff, workers = [], []  # (id, name, role); workers: those who have caseloads
        for j in range(n_staff):
            self.staff_numbers += 1
            username = staff_username(self.run, self.staff_numbers)
            role = (
                Role.ADMIN
                if j % 50 == 49
                else Role.TEAM_LEADER
                if j % 12 == 11
                else Role.PEER_WORKER
                if j % 5 == 2
                else Role.PRACTITIONER
            )
            full_name = f"{rng.choice(T.FIRST_NAMES)} {rng.choice(T.LAST_NAMES)}"
            user_id = self.t_user.new_id()
            joined = self.days_ago(30, 1500)
            last = self.days_ago(0, 3)
            self.t_user.add(
                user_id,
                self.password,
                last,
                False,
                username,
                "",
                "",
                "",
                role in MANAGER_ROLES,
                j % 97 != 96,  # a few have left: inactive
                joined,
                role,
                full_name,
                org_id,
                self.days_ago(3, 10),
                scale_secret(username),
                joined,
            )
            self.t_user_session.add(self.t_user_session.new_id(), user_id, self.token("session", user_id)[:40], last)
            member_of = [] if role == Role.ADMIN else [teams[j % n_teams]]
            if role != Role.ADMIN and n_teams > 1 and (rng.random() < 0.15 or role == Role.TEAM_LEADER):
                member_of.append(teams[(j + 1) % n_teams])
            for team in member_of:
                self.t_user_team.add(self.t_user_team.new_id(), user_id, team)
                team_members[team].append(user_id)
            entry = (user_id, full_name, role)
            staff.append(entry)
            if role in (Role.PRACTITIONER, Role.PEER_WORKER) and j % 97 != 96:
                workers.append(entry)
            self.staff_extras(user_id, role, joined)
        leaders = [s for s in staff if s[2] == Role.TEAM_LEADER] or staff[:1]
        for user_id, _name, _role in staff[7::40]:  # a few forgot their password: a link from a team leader
            made = self.days_ago(0, 400)
            used = made + timedelta(hours=3) if rng.random() < 0.8 else None
            reset_id = self.t_reset.new_id()
            self.t_reset.add(
                reset_id,
                user_id,
                self.token("reset", reset_id),
                self.token("reset-code", reset_id),
                rng.choice(leaders)[0],
                made,
                made + timedelta(days=2),
                used,
            )
        for _ in range(3):  # someone mistyped a short code within the last hour
            address = f"{MARKER}-{self.run}-{org_id}-{rng.randrange(10**6)}"
            self.t_attempt.add(
                self.t_attempt.new_id(),
                "short_code",
                attempt_key(address),
                self.now - timedelta(minutes=rng.randrange(60)),
            )
        if not workers:
            workers = staff[:1]
        rng.shuffle(workers)
        for k in range(n_persons):
            primary = workers[k % len(workers)]
            self.person(org_id, primary, workers, staff, teams, team_members)
        for user_id, full_name, role in staff:  # the organisation's own log: sign-in trouble, leaders reading it
            for _ in range(self.n(2.5)):
                manager = role in MANAGER_ROLES
                self.t_audit.add(
                    self.t_audit.new_id(),
                    self.days_ago(0, 700),
                    user_id,
                    full_name,
                    role,
                    org_id,
                    None,
                    "audit_log" if manager else "account",
                    "" if manager else str(user_id),
                    "read" if manager else "totp_failed",
                    "organisation" if manager else "",
                )

    def staff_extras(self, user_id: int, role: str, joined: datetime):
        rng = self.rng
        if self.questions:
            for question in rng.sample(self.questions, min(len(self.questions), self.n(4))):
                self.t_favourite.add(self.t_favourite.new_id(), user_id, question, self.between(joined, self.now))
        everyday = self.guidance.get("refleksjon-hverdagsliv", [])
        methods = [k for k in self.guidance.get("ti-metoder", []) if k.startswith("metode-")]
        killers = self.guidance.get("motivasjonsdrepere", [])
        monday = self.today - timedelta(days=self.today.weekday())
        for weeks_back in sorted(rng.sample(range(0, 120), self.n(8))):
            answers = (
                {"refleksjon-hverdagsliv": {k: rng.choice(T.REFLECTION_NOTES) for k in rng.sample(everyday, 2)}}
                if len(everyday) >= 2
                else {}
            )
            check = {k: {"choice": rng.choice(["nei", "litt", "ja"]), "note": ""} for k in killers[:3]}
            self.t_journal.add(
                self.t_journal.new_id(),
                user_id,
                monday - timedelta(weeks=weeks_back),
                answers,
                rng.choice(methods) if methods and rng.random() < 0.6 else "",
                "Prøve dette i to samtaler denne uka." if rng.random() < 0.5 else "",
                "",
                check,
                rng.choice(T.REFLECTION_NOTES),
            )
