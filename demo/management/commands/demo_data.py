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
from people.models import CareRelation, Consent, Organisation, Person, Team

DEMO_PASSWORD = "medvandrer-demo-2026"  # noqa: S105 - fictional demo logins, refused when DEBUG is off

ORGANISATIONS = {
    "fontenehuset-nordby": ("Fontenehuset Nordby", ["Aktivitetshuset", "Arbeidstrening"]),
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
