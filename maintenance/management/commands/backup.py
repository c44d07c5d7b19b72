from django.core.management.base import BaseCommand, CommandError

from maintenance.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Ta sikkerhetskopi av hele databasen til en fil: pg_dump (eget format) for PostgreSQL, "
        "SQLites backup-funksjon for SQLite. Trygt mens appen kjører."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="filen sikkerhetskopien skal skrives til")
        parser.add_argument("--force", action="store_true", help="skriv over en fil som finnes fra før")

    def handle(self, *args, path, force, **options):
        try:
            result = backup(path, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Sikkerhetskopi skrevet til {result.path} ({_size(result.size)}, {result.seconds:.1f} s).")


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} kB"
