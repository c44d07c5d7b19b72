from django.core.management.base import BaseCommand

from maintenance.retention import run


class Command(BaseCommand):
    help = (
        "Slett det som har vært lagret lenge nok (kjøres daglig): logg eldre enn AUDIT_RETENTION_DAYS, "
        "loggen etter personer som ble slettet for mer enn ERASED_PERSON_RETENTION_DAYS siden, "
        "brukte eller utløpte invitasjons-, evaluerings- og passordlenker, og tellingen av feil koder."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="bare tell, slett ingenting")

    def handle(self, *args, dry_run, **options):
        report = run(dry_run=dry_run)
        audit = report.audit
        verb = "Ville slettet" if dry_run else "Slettet"
        self.stdout.write(
            f"{verb} {audit.old_rows} loggrader eldre enn {audit.cutoff:%Y-%m-%d %H:%M} (UTC).\n"
            f"{verb} {audit.erased_rows} loggrader etter {audit.erased_persons} personer "
            f"slettet før {audit.erased_cutoff:%Y-%m-%d %H:%M} (UTC).\n"
            f"{verb} {report.invites} invitasjoner, {report.evaluation_links} evalueringslenker og "
            f"{report.reset_links} lenker for nytt passord brukt eller utløpt før "
            f"{report.link_cutoff:%Y-%m-%d %H:%M} (UTC).\n"
            f"{verb} {report.attempts} registrerte forsøk (feil koder, e-post for nytt passord) eldre enn et døgn."
        )
        if dry_run:
            self.stdout.write("Prøvekjøring: ingenting er slettet.")
