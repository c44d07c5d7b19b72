from django.core.management.base import BaseCommand, CommandError

from content.loader import ContentError, load_content


class Command(BaseCommand):
    help = "Last spørsmålsbanken og veiledningen fra content/data/ inn i databasen (skjer også ved migrate)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Last inn selv om filene ikke er endret.")

    def handle(self, *args, force=False, **options):
        try:
            changed = load_content(force=force)
        except ContentError as error:
            raise CommandError(f"Innholdsfilene har en feil: {error}") from error
        self.stdout.write("Innholdet er lastet inn." if changed else "Innholdet var allerede oppdatert.")
