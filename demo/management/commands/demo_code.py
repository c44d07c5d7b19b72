"""Print the current two-factor code of a demo user (development only)."""

import pyotp
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.management.commands.demo_data import demo_secret


class Command(BaseCommand):
    help = "Vis gjeldende engangskode for en demobruker (bare når DEBUG er på)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("Engangskoder vises bare i utviklingsmodus (DEBUG=1).")
        self.stdout.write(pyotp.TOTP(demo_secret(username)).now())
