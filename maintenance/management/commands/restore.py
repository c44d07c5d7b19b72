from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from maintenance.backup import BackupError, check_restore, restore
from maintenance.management.commands.backup import _size


class Command(BaseCommand):
    help = (
        "Gjenopprett databasen fra en sikkerhetskopi laget med `manage.py backup`. Databasen må være tom "
        "(ny PostgreSQL-database eller ny SQLite-fil). Stopp appen først."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="sikkerhetskopien")
        parser.add_argument(
            "--force",
            action="store_true",
            help="erstatt en database som ikke er tom (SQLite: den gamle filen flyttes til side)",
        )
        parser.add_argument(
            "--no-privileges",
            action="store_true",
            help="PostgreSQL: ta ikke med tilgangene (GRANT) – når rollene heter noe annet på den nye serveren",
        )

    def handle(self, *args, path, force, no_privileges, **options):
        try:
            check_restore(path, connection.settings_dict, force=force)
            if connection.vendor == "sqlite":
                connections.close_all()  # nothing of ours may hold the file that is replaced
            result = restore(path, force=force, privileges=not no_privileges)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if result.moved_aside:
            self.stdout.write(f"Den gamle databasen ligger nå i {result.moved_aside}.")
        self.stdout.write(
            f"Gjenopprettet fra {result.path} ({_size(result.size)}, {result.seconds:.1f} s). "
            "Kjør `manage.py migrate` før appen startes."
        )
