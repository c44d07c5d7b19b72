"""Fill a database with a region's worth of fictional data, in bulk, for the scale benchmark.

    manage.py scale_data --factor 1        # 20 organisations, 2,000 staff, 20,000 persons,
                                           # 200,000 conversations, ~1.2 million plan items,
                                           # ~1 million audit rows (a few minutes on PostgreSQL)
    manage.py scale_data --factor 0.01     # a quick one

Everything is made up (demo/management/commands/_scale_texts.py). Organisations get the slug
prefix `fiktiv-skala`, users the username prefix `fiktiv-skala<run>-`: that is the marker the
refusals below look for. All users share one password (SCALE_PASSWORD, hashed once) and
staff have a two-factor secret derived from their username (`scale_secret`), so the
benchmark can sign in through the real form.

Refused unless DEBUG is on or `--yes-fictional-data` is given (known logins must never land
in production by accident), and refused on a database that already holds persons or users
without the marker unless `--append`.
"""

import base64
import hashlib
import random
import re
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import MANAGER_ROLES, Attempt, Invite, ResetLink, Role, User, UserSession, attempt_key
from audit.models import AuditEvent
from content.models import Element, Favourite, GuidanceItem, Phase, Question
from conversations.models import (
    Conversation,
    EvaluationLink,
    MotivationStage,
    PersonEvaluation,
    StaffEvaluation,
)
from mitools.models import AmbivalenceCross, CrossRevision, RulerReading
from people.models import Block, CareRelation, Consent, Organisation, Person, Team
from plans.models import (
    CrisisContact,
    CrisisPlan,
    CrisisPlanPart,
    DayGoal,
    Goal,
    LifeArea,
    NetworkEntry,
    ResourceChange,
    ResourceEntry,
    Step,
    SubGoal,
    WarningSign,
    WeekActivity,
    Win,
)
from ratings.models import ChimeRating
from reflection.models import JournalEntry

from . import _scale_texts as T
from ._scale_loader import Loader

MARKER = "fiktiv-skala"
FICTIONAL_NUMBER = "900 00 000"  # the placeholder plans/sample.py uses too
SCALE_PASSWORD = "fiktiv-skala-passord-2026"  # noqa: S105 - fictional benchmark logins, refused in production
STAFF_PER_ORG = 100
PERSONS_PER_ORG = 1000


def scale_secret(username: str) -> str:
    """The two-factor secret of a generated user: the benchmark computes it from the username."""
    return base64.b32encode(hashlib.sha256(f"medvandrer-scale-{username}".encode()).digest()[:20]).decode()


def staff_username(run: int, number: int) -> str:
    return f"{MARKER}{run}-ansatt-{number:05d}"


def person_username(run: int, number: int) -> str:
    return f"{MARKER}{run}-person-{number:05d}"


class Command(BaseCommand):
    help = "Fyll databasen med fiktive data i regionstørrelse (for ytelsestesten)."

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=float, default=1.0, help="1 = 20 organisasjoner, 20 000 personer")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--batch", type=int, default=20_000, help="rows per COPY/INSERT batch")
        parser.add_argument(
            "--yes-fictional-data", action="store_true", help="allow it with DEBUG off (a benchmark database)"
        )
        parser.add_argument("--append", action="store_true", help="add to a database that already has data")

    def handle(self, *args, **options):
        factor = options["factor"]
        if not (0 < factor <= 100):
            raise CommandError("--factor må være større enn 0 (og høyst 100).")
        if not settings.DEBUG and not options["yes_fictional_data"]:
            raise CommandError(
                "Skaladata lages bare i utviklingsmodus (DEBUG=1), eller med --yes-fictional-data "
                "mot en database som bare skal brukes til ytelsestest."
            )
        existing_real = (
            Person.objects.exclude(organisation__slug__startswith=MARKER).exists()
            or User.objects.exclude(username__startswith=MARKER).exists()
        )
        existing_ours = Organisation.objects.filter(slug__startswith=MARKER).exists()
        if (existing_real or existing_ours) and not options["append"]:
            if existing_real:
                raise CommandError(
                    "Databasen har allerede personer eller brukere som ikke er skaladata. Bruk en tom database, "
                    "eller --append hvis du virkelig vil legge fiktive data til."
                )
            raise CommandError("Databasen har allerede skaladata. Bruk --append for å legge til mer.")
        runs = [
            int(m.group(1))
            for slug in Organisation.objects.filter(slug__startswith=MARKER).values_list("slug", flat=True)
            if (m := re.match(rf"{MARKER}(\d+)-", slug))
        ]
        run = max(runs, default=0) + 1
        started = time.perf_counter()
        generator = Generator(factor=factor, seed=options["seed"], run=run, batch=options["batch"], out=self.stdout)
        with transaction.atomic():
            generator.generate()
        generated = time.perf_counter() - started
        generator.loader.analyze()
        total = time.perf_counter() - started
        self.stdout.write(f"\nSkaladata (fiktive), kjøring {run}, faktor {factor:g}, på {connection.vendor}:")
        self.stdout.write(f"  {'tabell':<38} {'nye rader':>11} {'i alt':>11} {'skrivetid':>10}")
        new_rows = 0
        for table in generator.loader.tables:
            in_all = table.model.objects.count()
            new_rows += table.count
            seconds = generator.loader.seconds.get(table.model, 0.0)
            self.stdout.write(f"  {table.db_table:<38} {table.count:>11,} {in_all:>11,} {seconds:>9.1f}s")
        self.stdout.write(
            f"  {'i alt':<38} {new_rows:>11,}\n"
            f"Laget på {generated:.1f} s (med VACUUM/ANALYZE {total:.1f} s), {new_rows / generated:,.0f} rader/s.\n"
            f"Passord for alle brukerne: {SCALE_PASSWORD}. Ansatte har engangskodenøkkel "
            f"scale_secret(brukernavn) (demo/management/commands/scale_data.py).\n"
            f"Brukernavn: {staff_username(run, 1)} … og {person_username(run, 1)} …"
        )


class Generator:
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
        from audit.log import OBJECT_LABELS

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
            if key in OBJECT_LABELS
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

    # -- one person and everything that belongs to them ------------------------------------
    def person(self, org_id, primary, workers, staff, teams, team_members):
        rng, now, today = self.rng, self.now, self.today
        self.person_numbers += 1
        first, last = rng.choice(T.FIRST_NAMES), rng.choice(T.LAST_NAMES)
        display_name = f"{first} {last}"
        pronoun = rng.choice(["han", "hun", "hen"])
        created = self.days_ago(20, 1400)
        person_id = self.t_person.new_id()
        size = rng.choices((0.4, 0.9, 1.5, 2.5), weights=(30, 45, 15, 10))[0]  # plans differ a lot in size

        user_id = None
        if rng.random() < 0.4:  # has their own login
            username = person_username(self.run, self.person_numbers)
            user_id = self.t_user.new_id()
            two_factor = rng.random() < 0.1
            joined = self.between(created, now)
            self.t_user.add(
                user_id,
                self.password,
                self.days_ago(0, 60),
                False,
                username,
                "",
                "",
                "",
                False,
                True,
                joined,
                Role.PERSON,
                display_name,
                org_id,
                None,
                scale_secret(username) if two_factor else "",
                joined if two_factor else None,
            )
            invite_id = self.t_invite.new_id()
            self.t_invite.add(
                invite_id,
                person_id,
                self.token("invite", invite_id),
                primary[0],
                joined - timedelta(days=2),
                joined + timedelta(days=5),
                joined,
            )
        elif rng.random() < 0.1:  # invited, not used yet (or expired)
            invite_id = self.t_invite.new_id()
            sent = self.days_ago(0, 30)
            self.t_invite.add(
                invite_id, person_id, self.token("invite", invite_id), primary[0], sent, sent + timedelta(days=7), None
            )
        self.t_person.add(
            person_id,
            org_id,
            display_name,
            user_id,
            rng.choice(T.ABOUT) + (" " + rng.choice(T.ABOUT) if rng.random() < 0.3 else "")
            if rng.random() < 0.5
            else "",
            rng.randint(0, 3),
            created,
        )

        # Who works with the person, who may read, who is shut out.
        contacts = [primary]
        if rng.random() < 0.4 and len(workers) > 1:
            other = rng.choice(workers)
            if other[0] != primary[0]:
                contacts.append(other)
        for contact in contacts:
            self.t_care.add(
                self.t_care.new_id(), contact[0], person_id, self.between(created, now - timedelta(days=10)), None
            )
        if rng.random() < 0.2:
            former = rng.choice(staff)
            started = self.between(created - timedelta(days=300), created)
            self.t_care.add(self.t_care.new_id(), former[0], person_id, started, self.between(started, created))
        consent_team = None
        if rng.random() < 0.3:
            consent_team = rng.choice(teams)
            given = self.between(created, now - timedelta(days=1))
            self.t_consent.add(
                self.t_consent.new_id(),
                person_id,
                consent_team,
                given,
                today + timedelta(days=rng.randint(10, 365)),
                None,
            )
        if rng.random() < 0.1:
            given = self.between(created, now - timedelta(days=60))
            withdrawn = self.between(given, now) if rng.random() < 0.5 else None
            team = rng.choice(teams)
            if team == consent_team and withdrawn is None:  # one open consent per team (people/0002)
                withdrawn = self.between(given, now)
            self.t_consent.add(
                self.t_consent.new_id(),
                person_id,
                team,
                given,
                (given + timedelta(days=30)).date() if withdrawn is None else today + timedelta(days=90),
                withdrawn,
            )
        contact_ids = {c[0] for c in contacts}
        if rng.random() < 0.02:
            blocked = rng.choice(staff)
            if blocked[0] not in contact_ids:
                self.t_block.add(self.t_block.new_id(), person_id, blocked[0], self.between(created, now))

        authors = [user_id] * 2 + [c[0] for c in contacts] if user_id else [c[0] for c in contacts]
        helper_name = rng.choice(T.FIRST_NAMES)
        fill = lambda text: text.replace("{name}", helper_name) if "{" in text else text  # noqa: E731

        def stamps(start=created):
            made = self.between(start, now)
            by = rng.choice(authors)
            if rng.random() < 0.2:
                return 1, made, by, self.between(made, now), rng.choice(authors)
            return 0, made, by, made, by

        # The plan.
        goals = []
        for order in range(max(1, self.n(3 * size)) if rng.random() < 0.92 else 0):
            area = rng.choice(LifeArea.values)
            goal_id = self.t_goal.new_id()
            version, made, by, changed, changed_by = stamps()
            status = rng.choices(("underveis", "pause", "naadd", "lagt-bort"), weights=(70, 10, 15, 5))[0]
            self.t_goal.add(
                goal_id,
                person_id,
                version,
                made,
                by,
                changed,
                changed_by,
                rng.choice(T.GOALS[area]),
                rng.sample(self.elements, rng.randint(0, 2)) if self.elements else [],
                area if rng.random() < 0.85 else "",
                fill(rng.choice(["{name}", "Søsteren min", "Kontaktpersonen", "Gjengen på huset", ""])),
                today + timedelta(days=rng.randint(20, 200)) if rng.random() < 0.3 else None,
                today + timedelta(days=rng.randint(-7, 30)) if rng.random() < 0.25 else None,
                status,
                "Når jeg har holdt på en måned og det kjennes greit." if rng.random() < 0.5 else "",
                order,
            )
            goals.append((goal_id, made))
        subgoals = {}
        for order in range(self.n(2 * size) if goals else 0):
            goal_id, goal_made = rng.choice(goals)
            subgoal_id = self.t_subgoal.new_id()
            version, made, by, changed, changed_by = stamps(goal_made)
            self.t_subgoal.add(
                subgoal_id, person_id, version, made, by, changed, changed_by, goal_id, rng.choice(T.SUBGOALS),
                rng.random() < 0.4, order,
            )  # fmt: skip
            subgoals.setdefault(goal_id, []).append(subgoal_id)
        steps, done_steps = [], []
        for order in range(self.n(9 * size) if goals else 0):
            goal_id, goal_made = rng.choice(goals)
            step_id = self.t_step.new_id()
            version, made, by, changed, changed_by = stamps(goal_made)
            done_at = None
            if rng.random() < 0.45:
                done_at = self.days_ago(0, 7) if rng.random() < 0.12 else self.between(made, now)
            self.t_step.add(
                step_id,
                person_id,
                version,
                made,
                by,
                changed,
                changed_by,
                goal_id,
                rng.choice(subgoals[goal_id]) if goal_id in subgoals and rng.random() < 0.5 else None,
                fill(rng.choice(T.STEPS)),
                fill(rng.choice(T.HELPERS)),
                today + timedelta(days=rng.randint(-10, 40)) if rng.random() < 0.4 else None,
                done_at,
                rng.choice(authors) if done_at else None,
                order,
            )
            steps.append(step_id)
            if done_at:
                done_steps.append((step_id, done_at))
        for _ in range(self.n(3 * size)):
            step_id, made = rng.choice(done_steps) if done_steps and rng.random() < 0.5 else (None, None)
            version, made2, by, changed, changed_by = stamps()
            made = made or made2
            self.t_win.add(self.t_win.new_id(), person_id, 0, made, by, made, by, step_id, fill(rng.choice(T.WINS)))
        for _ in range(self.n(3 * size)):
            made = self.days_ago(0, 30)
            by = rng.choice(authors)
            self.t_daygoal.add(
                self.t_daygoal.new_id(), person_id, 0, made, by, made, by, fill(rng.choice(T.DAY_GOALS)),
                made.date(), made + timedelta(hours=5) if rng.random() < 0.5 else None,
            )  # fmt: skip
        for _ in range(self.n(7 * size)):
            category = rng.choice(("styrker", "interesser", "nettverk", "mestring"))
            entry_id = self.t_resource.new_id()
            version, made, by, changed, changed_by = stamps()
            text = rng.choice(T.RESOURCES[category])
            removed = self.between(made, now) if rng.random() < 0.1 else None
            self.t_resource.add(entry_id, person_id, version, made, by, changed, changed_by, category, text, removed)
            self.t_reschange.add(self.t_reschange.new_id(), person_id, entry_id, "lagt-til", category, text, made, by)
            if version:
                self.t_reschange.add(
                    self.t_reschange.new_id(), person_id, entry_id, "endret", category, text, changed, changed_by
                )
            if removed:
                self.t_reschange.add(
                    self.t_reschange.new_id(), person_id, entry_id, "tatt-bort", category, text, removed, by
                )
        network = []
        for _ in range(self.n(8 * size)):
            group = rng.choice(("familie-venner", "hjelpere", "fellesskap"))
            entry_id = self.t_network.new_id()
            version, made, by, changed, changed_by = stamps()
            name = rng.choice(T.NETWORK[group]).replace("{name}", rng.choice(T.FIRST_NAMES))
            contact = FICTIONAL_NUMBER if rng.random() < 0.5 else ""  # never a number someone may have
            self.t_network.add(
                entry_id, person_id, version, made, by, changed, changed_by, name,
                rng.choice(("naer", "midt", "ytre")), group, rng.choice(T.NETWORK_NOTES), contact,
            )  # fmt: skip
            network.append((entry_id, name, contact))
        if rng.random() < 0.6:
            plan_id = self.t_crisis.new_id()
            version, made, by, changed, changed_by = stamps()
            self.t_crisis.add(plan_id, person_id, version, made, by, changed, changed_by, [])
            for key, text in (
                ("selv", rng.choice(T.CRISIS_HELPS)),
                ("hjelper-ikke", rng.choice(T.CRISIS_NOT_HELPS)),
                ("motes", rng.choice(T.CRISIS_MEET)),
            ):
                self.t_crisis_part.add(
                    self.t_crisis_part.new_id(), person_id, version, made, by, changed, changed_by, plan_id, key, text
                )
            for order, (sign, what) in enumerate(rng.sample(T.WARNING_SIGNS, self.n(3))):
                self.t_sign.add(
                    self.t_sign.new_id(), person_id, 0, made, by, made, by, plan_id, sign, fill(what), order
                )
            for order in range(self.n(2)):
                linked = rng.choice(network) if network and rng.random() < 0.3 else None
                name, reach, helps = rng.choice(T.CRISIS_CONTACTS)
                self.t_contact.add(
                    self.t_contact.new_id(), person_id, 0, made, by, made, by, plan_id,
                    linked[0] if linked else None, "hjelp", linked[1] if linked else fill(name),
                    (linked[2] or reach) if linked else reach, helps, order,
                )  # fmt: skip
        for _ in range(self.n(6 * size)):
            text, kind = rng.choice(T.WEEK)
            version, made, by, changed, changed_by = stamps()
            self.t_week.add(
                self.t_week.new_id(), person_id, version, made, by, changed, changed_by, rng.randint(0, 6),
                rng.randint(0, 2), fill(text), kind, rng.choice(goals)[0] if goals and rng.random() < 0.3 else None,
            )  # fmt: skip

        # Self-rating and MI tools.
        level = rng.randint(2, 6)
        for _ in range(self.n(3 * size)):
            level = min(10, max(0, level + rng.choice((-1, 0, 1, 1))))
            made = self.between(created, now)
            by = user_id or primary[0]
            values = [min(10, max(0, level + rng.randint(-2, 2))) for _ in range(5)]
            self.t_rating.add(
                self.t_rating.new_id(), person_id, 0, made, by, made, by, *values,
                rng.choice(T.RATING_COMMENTS) if rng.random() < 0.3 else "",
                rng.choice(T.RATING_COMMENTS) if rng.random() < 0.2 else "",
                rng.choice(T.RATING_COMMENTS) if rng.random() < 0.2 else "",
            )  # fmt: skip
        for _ in range(self.n(0.5 * size)):
            cross_id = self.t_cross.new_id()
            topic = rng.choice(T.CROSS_TOPICS)
            texts = [rng.choice(T.CROSS_TEXTS[k]) for k in ("pros_now", "cons_now", "pros_change", "cons_change")]
            revisions = rng.randint(1, 3)
            version, made, by, changed, changed_by = stamps()
            goal = rng.choice(goals)[0] if goals and rng.random() < 0.3 else None
            self.t_cross.add(cross_id, person_id, revisions - 1, made, by, changed, changed_by, topic, goal, *texts)
            for number in range(1, revisions + 1):
                self.t_revision.add(
                    self.t_revision.new_id(), person_id, cross_id, number, topic, *texts,
                    made if number == 1 else changed, by,
                )  # fmt: skip
        for _ in range(self.n(1.5 * size)):
            made = self.between(created, now)
            by = rng.choice(authors)
            importance = rng.randint(3, 10) if rng.random() < 0.9 else None
            confidence = rng.randint(1, 9) if importance is None or rng.random() < 0.8 else None
            self.t_ruler.add(
                self.t_ruler.new_id(), person_id, 0, made, by, made, by, rng.choice(T.CROSS_TOPICS),
                rng.choice(goals)[0] if goals and rng.random() < 0.3 else None, importance, confidence,
                rng.choice(T.RULER_TEXTS), rng.choice(T.RULER_TEXTS), rng.choice(T.RULER_TEXTS), "",
            )  # fmt: skip

        # Conversations and what both thought afterwards.
        n_talks = self.n(10 * size)
        recent = rng.random() < 0.7
        for index in range(n_talks):
            latest = index == n_talks - 1
            held = self.days_ago(0, 45) if latest and recent else self.between(created, now)
            talk_id = self.t_conversation.new_id()
            by = rng.choice(contacts)[0] if rng.random() < 0.9 else primary[0]
            underway = latest and rng.random() < 0.05
            ended = None if underway else held + timedelta(minutes=rng.randint(20, 90))
            notes = " ".join(
                s.replace("{first}", first).replace("{pronoun}", pronoun)
                for s in rng.sample(T.NOTE_SENTENCES, rng.randint(1, 4))
            )
            used = rng.sample(self.questions, min(len(self.questions), rng.randint(0, 5))) if self.questions else []
            self.t_conversation.add(
                talk_id, person_id, rng.randint(0, 6), held, by, ended or held, by, held.date(),
                rng.choice(self.phases) if self.phases else "",
                rng.choice(self.elements) if self.elements and rng.random() < 0.7 else "",
                rng.choice(T.SITUATIONS), True, [], [], notes,
                rng.choice(MotivationStage.values) if rng.random() < 0.7 else "",
                used, today + timedelta(days=rng.randint(-5, 14)) if latest and rng.random() < 0.4 else None, ended,
            )  # fmt: skip
            if steps and rng.random() < 0.25:
                self.t_conversation_step.add(self.t_conversation_step.new_id(), talk_id, rng.choice(steps))
            if ended is None:
                continue
            answered = rng.random() < 0.5
            if answered:
                at = ended + timedelta(hours=rng.randint(1, 72))
                self.t_person_eval.add(
                    self.t_person_eval.new_id(), person_id, 0, at, user_id, at, user_id, talk_id,
                    rng.choices((2, 3, 4, 5), weights=(5, 20, 45, 30))[0],
                    rng.sample(self.elements, rng.randint(1, 2)) if self.elements else [],
                    rng.choice(T.TAKEAWAYS), "",
                )  # fmt: skip
            if rng.random() < 0.7:
                at = ended + timedelta(hours=rng.randint(1, 48))
                self.t_staff_eval.add(
                    self.t_staff_eval.new_id(), person_id, 0, at, by, at, by, talk_id, rng.randint(3, 5),
                    rng.randint(2, 5), rng.randint(3, 5),
                    rng.sample(self.elements, rng.randint(1, 2)) if self.elements else [],
                    rng.choice(T.FOLLOW_UPS).replace("{first}", first),
                )  # fmt: skip
            if user_id is None and rng.random() < 0.2:
                link_id = self.t_link.new_id()
                self.t_link.add(
                    link_id, person_id, talk_id, self.token("link", link_id), ended, by,
                    ended + timedelta(days=14), ended + timedelta(hours=3) if answered else None,
                )  # fmt: skip

        # The audit trail: who has seen and changed the person's data.
        readers = [(c[0], c[1], c[2], "relation") for c in contacts]
        if consent_team and team_members.get(consent_team):
            member = rng.choice(team_members[consent_team])
            readers.append((member, "", Role.PRACTITIONER, "consent"))
        names = {s[0]: (s[1], s[2]) for s in staff}
        object_types = self.object_types
        for _ in range(self.n(50 * size)):
            roll = rng.random()
            if user_id and roll < 0.15:
                actor, name, role, basis = user_id, "", Role.PERSON, "self"
                action = "read" if rng.random() < 0.8 else rng.choice(("create", "update"))
            elif roll < 0.02:
                someone = rng.choice(staff)
                actor, name, role, basis, action = someone[0], someone[1], someone[2], "none", "denied"
            else:
                actor, name, role, basis = rng.choice(readers)
                if not name:
                    name, role = names.get(actor, ("", role))
                action = rng.choices(("read", "create", "update", "export", "print"), weights=(75, 10, 10, 2, 3))[0]
            object_type = rng.choice(object_types)
            self.t_audit.add(
                self.t_audit.new_id(), self.between(created, now), actor, name, role, org_id, person_id,
                "dashboard" if action == "read" and rng.random() < 0.1 else object_type, str(person_id), action, basis,
            )  # fmt: skip
