"""manage.py invite_staff ORGANISATION USERNAME "FULL NAME" [--role teamleder]: a welcome link for
a new staff member, for operations – above all the first team leader of a new organisation, who
has no leader to invite them. The link is printed once (only its hash is kept), lives 7 days,
and works like one made in «Administrasjon»."""

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from accounts.models import STAFF_ROLES, Role, User
from administration import actions
from audit.log import SYSTEM
from people.models import Organisation


class Command(BaseCommand):
    help = "Lag en velkomstlenke til en ny ansatt, for eksempel den første teamlederen i en ny organisasjon."

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="the organisation's short name (slug)")
        parser.add_argument("username")
        parser.add_argument("full_name")
        parser.add_argument("--role", default=Role.TEAM_LEADER, choices=sorted(STAFF_ROLES))
        parser.add_argument("--email", default="")
        parser.add_argument("--base-url", default="https://medvandrer.example", help="where the app answers")

    def handle(self, *args, organisation, username, full_name, role, email, base_url, **options):
        found = Organisation.objects.filter(slug=organisation).first()
        if found is None:
            raise CommandError(f"Fant ingen organisasjon med kortnavnet «{organisation}».")
        if User.objects.filter(username__iexact=username).exists():
            raise CommandError(f"Brukernavnet «{username}» er tatt.")
        user, link, token = actions.invite_staff(
            SYSTEM, full_name=full_name, username=username, email=email, role=role, teams=[],
            organisation_id=found.pk,
        )  # fmt: skip
        self.stdout.write(f"Velkomstlenke til {user.display_name} ({user.get_role_display()}, {found.name}):")
        self.stdout.write(base_url.rstrip("/") + reverse("accept_reset_link", args=[token]))
        self.stdout.write(f"Eller koden {link.short_code} på {base_url.rstrip('/')}{reverse('short_code')}")
        self.stdout.write(f"Lenken virker én gang, til {link.expires:%d.%m.%Y %H:%M}.")
