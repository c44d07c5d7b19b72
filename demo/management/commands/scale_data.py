"""Fill a database with a region's worth of fictional data, in bulk, for the scale benchmark.

    manage.py scale_data --factor 1        # 20 organisations, 2,000 staff, 20,000 persons,
                                           # 200,000 conversations, ~1.2 million plan items,
                                           # ~1 million audit rows (a few minutes on PostgreSQL)
    manage.py scale_data --factor 0.01     # a quick one

Everything is made up (demo/scale/texts.py; the generator is the package demo/scale/). Organisations get the slug
prefix `fiktiv-skala`, users the username prefix `fiktiv-skala<run>-`: that is the marker the
refusals below look for. All users share one password (SCALE_PASSWORD, hashed once) and
staff have a two-factor secret derived from their username (`scale_secret`), so the
benchmark can sign in through the real form.

Refused unless DEBUG is on or `--yes-fictional-data` is given (known logins must never land
in production by accident), and refused on a database that already holds persons or users
without the marker unless `--append`.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.scale.build import Generator, next_run, refusal, summary


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
        message = refusal(append=options["append"])
        if message:
            raise CommandError(message)
        run = next_run()
        started = time.perf_counter()
        generator = Generator(factor=factor, seed=options["seed"], run=run, batch=options["batch"], out=self.stdout)
        with transaction.atomic():
            generator.generate()
        generated = time.perf_counter() - started
        generator.loader.analyze()
        total = time.perf_counter() - started
        for line in summary(generator, run=run, factor=factor, generated=generated, total=total):
            self.stdout.write(line)
