"""Latency of «Hvem har sett mine opplysninger» for a person with a long trail.

    .venv/bin/python benchmarks/bench_access_log.py                   # SQLite (var/bench.sqlite3)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medvandrer_bench .venv/bin/python benchmarks/bench_access_log.py

Gives one fictional person 100,000 audit rows (TRAIL_ROWS) over two years (ten staff members, reads and
changes, a few refusals), then requests the page through Django as the person: the first
page, each filter («Hvem», «Hva», both), and a page far back. Prints p50/p95/max in
milliseconds and the number of queries per request. Results: docs/PERFORMANCE.md.
"""

import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medvandrer.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("SQLITE_PATH", str(ROOT / "var" / "bench.sqlite3"))

from benchmarks.bench_search import percentiles  # noqa: E402

ROWS = int(os.getenv("TRAIL_ROWS", "100000"))  # TRAIL_ROWS=5000 for a more ordinary trail
ROUNDS = 20
MARKER = f"bench-innsyn-{ROWS}"


def trail(person, staff, rng, now, n):
    from audit.models import Action, AuditEvent

    actions = [Action.READ] * 8 + [Action.UPDATE, Action.CREATE, Action.PRINT, Action.DENIED]
    kinds = ["person", "plan", "goal", "crisis_plan", "conversation", "network"]
    rows = []
    for _ in range(n):
        actor = rng.choice(staff)
        rows.append(
            AuditEvent(
                at=now - timedelta(seconds=rng.randrange(2 * 365 * 86400)),
                actor_id=actor.pk,
                actor_name=actor.display_name,
                actor_role=actor.role,
                organisation_id=person.organisation_id,
                person_id=person.pk,
                object_type=rng.choice(kinds),
                object_id=str(person.pk),
                action=rng.choice(actions),
                basis="relation",
            )
        )
    AuditEvent.objects.bulk_create(rows, batch_size=5000)


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from accounts.models import Role, User
    from audit.models import AuditEvent
    from conftest import sign_in
    from people.access_log import who_key
    from people.models import Organisation, Person

    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["*"]
    organisation, _ = Organisation.objects.get_or_create(slug=MARKER, defaults={"name": "Benchmark innsyn"})
    user, _ = User.objects.get_or_create(
        username=f"{MARKER}-person", defaults={"role": Role.PERSON, "organisation": organisation}
    )
    person, _ = Person.objects.get_or_create(user=user, defaults={"organisation": organisation, "display_name": "Bo"})
    staff = [
        User.objects.get_or_create(
            username=f"{MARKER}-staff-{i}",
            defaults={"role": Role.PRACTITIONER, "organisation": organisation, "full_name": f"Ansatt {i}"},
        )[0]
        for i in range(10)
    ]
    missing = ROWS - AuditEvent.objects.filter(person_id=person.pk).count()  # the trail is append-only
    if missing > 0:
        trail(person, staff, random.Random(11), timezone.now(), missing)
    client = sign_in(Client(), user, two_factor=False)
    url = f"/personer/{person.pk}/innsyn/"
    one = who_key(staff[3].display_name, staff[3].role, you=False)
    cases = [
        ("first page", {}),
        ("«Hva»: endret", {"hva": "endret"}),
        ("«Hvem»: one staff member", {"hvem": one}),
        ("both filters", {"hvem": one, "hva": "sett"}),
        ("page 20 (far back)", {"side": 20}),
    ]
    print(
        f"Database: {connection.vendor}; {AuditEvent.objects.filter(person_id=person.pk).count():,} rows in the trail"
    )
    for name, params in cases:
        assert client.get(url, params).status_code == 200  # warm
        samples = []
        for _ in range(ROUNDS):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url, params)
                samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
        print(f"{name:28} {percentiles(samples)}  queries {len(queries)}")


if __name__ == "__main__":
    main()
