"""Create fictional demo users so a newcomer can sign in right after `make run`.

Idempotent: running it again resets the demo passwords and changes nothing else.
Refuses to run when DEBUG is off, so it cannot create known logins in production.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Role, User

DEMO_PASSWORD = "medvandrer-demo-2026"  # noqa: S105 - fictional demo logins, refused when DEBUG is off
DEMO_USERS = [
    ("kari", "Kari Nordmann", Role.PRACTITIONER),
    ("ola", "Ola Hansen", Role.PEER_WORKER),
    ("lise", "Lise Berg", Role.TEAM_LEADER),
    ("jonas", "Jonas Eide", Role.PERSON),
]


class Command(BaseCommand):
    help = "Lag fiktive demobrukere (bare når DEBUG er på)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demodata lages bare i utviklingsmodus (DEBUG=1).")
        for username, full_name, role in DEMO_USERS:
            user, _ = User.objects.get_or_create(username=username, defaults={"full_name": full_name, "role": role})
            user.full_name, user.role = full_name, role
            user.set_password(DEMO_PASSWORD)
            user.save()
        self.stdout.write("Demobrukere (fiktive) – passord for alle: " + DEMO_PASSWORD)
        for username, full_name, role in DEMO_USERS:
            self.stdout.write(f"  {username:<8} {full_name:<16} {Role(role).label}")
