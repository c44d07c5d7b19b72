"""Fictional demo data so a newcomer can sign in right after `make run`.

Two organisations with teams, staff, persons in recovery, care relations and a
consent. Staff get a fixed two-factor secret; `manage.py demo_code <username>`
prints the current code. Idempotent, and refused when DEBUG is off, so it can
never create known logins in production.
"""

import base64
import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from accounts.models import Role, User
from conversations.models import Conversation, PersonEvaluation, StaffEvaluation
from people.models import CareRelation, Consent, Organisation, Person, Team
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

DEMO_PASSWORD = "medvandrer-demo-2026"  # noqa: S105 - fictional demo logins, refused when DEBUG is off

ORGANISATIONS = {
    "fontenehuset-nordby": ("Klubbhuset Nordby", ["Aktivitetshuset", "Arbeidstrening"]),
    "bydel-vest": ("Bydel Vest – psykisk helse og rus", ["Oppfølgingsteamet"]),
}
# username, full name, role, organisation slug, team names
STAFF = [
    ("kari", "Kari Nordmann", Role.PRACTITIONER, "fontenehuset-nordby", ["Aktivitetshuset"]),
    ("ola", "Ola Hansen", Role.PEER_WORKER, "fontenehuset-nordby", ["Aktivitetshuset"]),
    ("mona", "Mona Lie", Role.PRACTITIONER, "fontenehuset-nordby", ["Arbeidstrening"]),
    ("lise", "Lise Berg", Role.TEAM_LEADER, "fontenehuset-nordby", ["Aktivitetshuset", "Arbeidstrening"]),
    ("siri", "Siri Dahl", Role.ADMIN, "fontenehuset-nordby", []),
    ("nils", "Nils Strand", Role.PRACTITIONER, "bydel-vest", ["Oppfølgingsteamet"]),
]
# display name, organisation slug, login username (or None), care-relation staff usernames, about
PERSONS = [
    (
        "Jonas Eide",
        "fontenehuset-nordby",
        "jonas",
        ["kari"],
        "Jeg liker å fikse sykler og gå tur med hunden min. Si det rett ut – jeg liker ikke å bli snakket rundt.",
    ),
    ("Amina Ali", "fontenehuset-nordby", None, ["kari", "ola"], ""),
    ("Per Solberg", "fontenehuset-nordby", None, ["ola"], ""),
    ("Eva Moen", "bydel-vest", None, ["nils"], ""),
]


def demo_secret(username: str) -> str:
    return base64.b32encode(hashlib.sha256(f"medvandrer-demo-{username}".encode()).digest()[:20]).decode()


class Command(BaseCommand):
    help = "Lag fiktive demodata og demobrukere (bare når DEBUG er på)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demodata lages bare i utviklingsmodus (DEBUG=1).")
        organisations, teams = {}, {}
        for slug, (name, team_names) in ORGANISATIONS.items():
            organisations[slug], _ = Organisation.objects.update_or_create(slug=slug, defaults={"name": name})
            for team_name in team_names:
                teams[team_name], _ = Team.objects.get_or_create(organisation=organisations[slug], name=team_name)

        users = {}
        for username, full_name, role, org_slug, team_names in STAFF:
            user = self._user(username, full_name, role, organisations[org_slug])
            user.totp_secret, user.totp_confirmed = demo_secret(username), user.totp_confirmed or timezone.now()
            user.totp_last_step = 0
            user.save()
            user.teams.set([teams[t] for t in team_names])
            users[username] = user

        for display_name, org_slug, username, contacts, about in PERSONS:
            person, created = Person.objects.get_or_create(
                organisation=organisations[org_slug], display_name=display_name, defaults={"about": about}
            )
            if username:
                users[username] = self._user(username, display_name, Role.PERSON, organisations[org_slug])
                person.user = users[username]
                person.save(update_fields=["user"])
            for staff in contacts:
                if not CareRelation.objects.active().filter(person=person, staff=users[staff]).exists():
                    CareRelation.objects.create(person=person, staff=users[staff])
        jonas = Person.objects.get(user=users["jonas"])
        if not Consent.objects.active().filter(person=jonas, team=teams["Arbeidstrening"]).exists():
            Consent.objects.create(
                person=jonas, team=teams["Arbeidstrening"], valid_until=timezone.localdate() + timedelta(days=90)
            )
        if not Goal.objects.filter(person=jonas).exists():
            make_demo_plan(jonas, author=users["jonas"], contact=users["kari"])
        if not Conversation.objects.filter(person=jonas).exists():
            make_demo_conversations(jonas, contact=users["kari"])

        self.stdout.write("\nDemobrukere (fiktive). Passord for alle: " + DEMO_PASSWORD)
        self.stdout.write("Ansatte logger inn med passord og engangskode. Hent koden med:")
        self.stdout.write("  .venv/bin/python manage.py demo_code <brukernavn>")
        self.stdout.write("eller legg nøkkelen inn i en app for engangskoder.\n")
        for username, full_name, role, _org, _teams in STAFF:
            self.stdout.write(f"  {username:<6} {full_name:<14} {Role(role).label:<26} nøkkel {demo_secret(username)}")
        self.stdout.write(f"  {'jonas':<6} {'Jonas Eide':<14} {Role.PERSON.label:<26} (deltaker, uten engangskode)\n")

    def _user(self, username, full_name, role, organisation) -> User:
        user, _ = User.objects.get_or_create(username=username, defaults={"full_name": full_name, "role": role})
        user.full_name, user.role, user.organisation, user.is_active = full_name, role, organisation, True
        user.set_password(DEMO_PASSWORD)
        user.save()
        return user


def make_demo_plan(person, *, author, contact) -> None:
    """Jonas's plan, written together with Kari – fictional."""
    today = timezone.localdate()
    mine = {"person": person, "created_by": author, "updated_by": author}
    ours = {"person": person, "created_by": contact, "updated_by": contact}
    bikes = Goal.objects.create(
        text="Jeg vil fikse sykler på verkstedet to dager i uka",
        chime=["meaning", "empowerment"],
        life_area="arbeid-utdanning",
        supporters="Kari, og Per på verkstedet",
        evaluate_on=today + timedelta(days=5),
        evaluation="Når jeg har vært der to dager i uka i en måned, og det kjennes greit.",
        **mine,
    )
    daughter = Goal.objects.create(
        text="Få kontakt med dattera mi igjen",
        chime=["connectedness", "hope"],
        life_area="relasjoner",
        supporters="Søsteren min",
        **mine,
    )
    sleep = Goal.objects.create(text="Sove bedre, stå opp før ni", life_area="sovn-dognrytme", **ours)
    first_days = SubGoal.objects.create(goal=bikes, text="Prøve én dag i uka først", done=True, **ours)
    done = Step.objects.create(
        goal=bikes,
        subgoal=first_days,
        text="Ringe Per og spørre om jeg kan komme innom",
        done_at=timezone.now() - timedelta(days=9),
        done_by=author,
        **mine,
    )
    Step.objects.create(
        goal=bikes,
        text="Gå dit tirsdag klokka ti",
        due=today + timedelta(days=2),
        helper="Kari blir med første gang",
        **ours,
    )
    Step.objects.create(
        goal=daughter, text="Skrive et kort til bursdagen hennes", due=today + timedelta(days=10), **mine
    )
    Step.objects.create(goal=sleep, text="Legge telefonen i stua om kvelden", **mine)
    Win.objects.create(step=done, text="Ringte Per – han sa jeg er velkommen!", **mine)
    Win.objects.create(text="Gikk tur med hunden tre dager på rad", **mine)
    DayGoal.objects.create(text="Handle mat til helga", for_date=today, **mine)
    # Added over ten weeks, so the growth chart has a story to tell.
    for weeks_ago, category, text in [
        (10, "styrker", "Flink med hendene"),
        (10, "nettverk", "Søsteren min Lise"),
        (7, "interesser", "Sykler og motorer"),
        (5, "mestring", "Gå tur med hunden når det blir mye"),
        (3, "styrker", "Tålmodig med dyr"),
        (1, "interesser", "Ærlighet"),
    ]:
        entry = ResourceEntry.objects.create(category=category, text=text, **mine)
        change = ResourceChange.objects.create(
            person=person, entry=entry, kind="lagt-til", category=category, text=text, by=author
        )
        ResourceChange.objects.filter(pk=change.pk).update(at=timezone.now() - timedelta(weeks=weeks_ago))
    sister = NetworkEntry.objects.create(
        name="Søsteren min Lise",
        ring="naer",
        group="familie-venner",
        note="Ringer henne nesten hver dag",
        contact="900 00 000",
        **mine,
    )
    NetworkEntry.objects.create(name="Rex (hunden)", ring="naer", group="familie-venner", **mine)
    NetworkEntry.objects.create(
        name="Kari på huset", ring="midt", group="hjelpere", contact="Aktivitetshuset, 900 00 000", **ours
    )
    NetworkEntry.objects.create(name="Fastlegen", ring="ytre", group="hjelpere", **mine)
    NetworkEntry.objects.create(name="Sykkelverkstedet", ring="midt", group="fellesskap", note="Per og gjengen", **mine)
    crisis = CrisisPlan.objects.create(**mine)
    for key, text in [
        ("selv", "Gå tur med Rex. Musikk på øret. En lang dusj."),
        ("verdt-a-leve", "Lise og ungene hennes. Rex. Sykkelverkstedet på torsdager."),
        ("utlosere", "Brev fra NAV. Når noen snakker over hodet på meg."),
        ("hjelper-ikke", "Mange spørsmål på en gang. At folk snakker over hodet på meg."),
        ("motes", "Rolig og ærlig. Si det rett ut – jeg liker ikke å bli snakket rundt."),
        ("bra", "Jeg sykler, svarer på telefonen og lager middag."),
    ]:
        CrisisPlanPart.objects.create(plan=crisis, key=key, text=text, **mine)
    WarningSign.objects.create(
        plan=crisis, sign="Jeg slutter å svare på telefonen", what_to_do="Lise kan komme innom med kaffe", **mine
    )
    WarningSign.objects.create(
        plan=crisis, sign="Jeg sover nesten ikke", what_to_do="Ringe Kari eller fastlegen", **ours
    )
    CrisisContact.objects.create(
        plan=crisis,
        network_entry=sister,
        name=sister.name,
        how_to_reach=sister.contact,
        can_help_with="Være sammen med meg",
        **mine,
    )
    CrisisContact.objects.create(plan=crisis, group="fagfolk", name="Legevakten", how_to_reach="116 117", **ours)
    CrisisContact.objects.create(
        plan=crisis, group="avledning", name="Sykkelverkstedet", how_to_reach="Torsdager 12–16", **mine
    )
    for weekday, part, text, goal in [
        (1, 1, "Sykkelverkstedet", bikes),
        (0, 0, "Tur med Rex", None),
        (3, 2, "Ringe Lise", daughter),
        (5, 0, "Tur med Rex", None),
    ]:
        WeekActivity.objects.create(weekday=weekday, part=part, text=text, goal=goal, **mine)


def make_demo_conversations(person, *, contact) -> None:
    """Three walks with Kari over the last month, and what both thought afterwards – fictional."""
    today = timezone.localdate()
    ours = {"person": person, "created_by": contact, "updated_by": contact}
    talks = [
        (
            28,
            "innledende",
            "",
            "utforsking",
            "Gikk tur rundt vannet. Jonas fortalte om sykkelverkstedet han hadde som ung.",
            (3, ["meaning"], "At det jeg kunne før, fortsatt teller."),
            (4, 3, 4, ["meaning", "identity"], "Spørre Per om verkstedet."),
        ),
        (
            14,
            "midtfase",
            "empowerment",
            "forankring",
            "Snakket om hva en god dag er. «Når jeg har fått til noe med hendene.»",
            (4, ["empowerment", "hope"], "Jeg kan prøve én dag først."),
            (4, 4, 4, ["empowerment"], "Følge opp første dag på verkstedet."),
        ),
        (
            3,
            "oppfolging",
            "connectedness",
            "handling",
            "Første dag på verkstedet gikk bra. Vil tenke på å skrive til dattera.",
            (5, ["connectedness", "hope"], "At det er lov å ta det i små steg."),
            (5, 4, 5, ["connectedness", "hope"], "Snakke om brevet til dattera."),
        ),
    ]
    for days_ago, phase, focus, stage, notes, (heard, elements, takeaway), (
        listening,
        resources,
        strengths,
        chosen,
        follow_up,
    ) in talks:
        conversation = Conversation.objects.create(
            held_on=today - timedelta(days=days_ago),
            phase=phase,
            focus=focus,
            stage=stage,
            notes=notes,
            used_questions=["M1.1", "E1.1"] if days_ago > 20 else ["C1.1", "H1.1"],
            ended=timezone.now() - timedelta(days=days_ago),
            follow_up_on=today + timedelta(days=4) if days_ago == 3 else None,
            **ours,
        )
        PersonEvaluation.objects.create(
            conversation=conversation,
            heard=heard,
            elements=elements,
            takeaway=takeaway,
            person=person,
            created_by=person.user,
            updated_by=person.user,
        )
        StaffEvaluation.objects.create(
            conversation=conversation,
            listening=listening,
            resources=resources,
            strengths_based=strengths,
            elements=chosen,
            follow_up=follow_up,
            **ours,
        )
