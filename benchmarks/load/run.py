"""The command line: `python -m benchmarks.load DATABASE_URL [DATABASE_URL …]`. Each database is
measured in a child process of its own (`--one`), which prints its results as JSON."""

import argparse
import json
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import benchmarks.load as package
from benchmarks.load import CORES, ROOT, log
from benchmarks.load import server as gunicorn
from benchmarks.load.explain import explain_pages, table_sizes
from benchmarks.load.measure import measure_wrk, wait_for_quiet, warm_up
from benchmarks.load.report import print_growth, print_report
from benchmarks.load.scenarios import PAGES, cleanup, prepare
from benchmarks.load.signin import measure_signin
from demo.scale import MARKER


def run_one(args) -> dict:
    os.environ.update(
        {
            "DATABASE_URL": args.database[0],
            "DEBUG": "0",
            "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "0",
            "DJANGO_SETTINGS_MODULE": "medvandrer.settings",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("The load benchmark is for PostgreSQL (DATABASE_URL=postgres://…).")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from people.models import Person

    persons = Person.objects.count()
    if not Person.objects.filter(organisation__slug__startswith=MARKER).exists():
        raise SystemExit("No scale data here: run `manage.py scale_data --factor 1` on this database first.")
    sizes = table_sizes(connection)
    busy_before = wait_for_quiet(args.wait_quiet)
    rng = random.Random(args.seed)
    workdir = Path(tempfile.mkdtemp(prefix="medvandrer-load-"))
    sample = prepare(rng, workdir, args)
    result = {
        "database": settings.DATABASES["default"]["NAME"],
        "persons": persons,
        "sizes": sizes,
        "sample": {k: v for k, v in sample.items() if k.endswith("_count")},
        "busy_before": busy_before,
        "pages": {},
    }
    server = None
    try:
        port = gunicorn.free_port()
        server = gunicorn.start(port, workdir)
        gunicorn.wait_until_up(port)
        result["workers"] = os.environ.get("WEB_CONCURRENCY") or f"{CORES * 2 + 1} (gunicorn.conf.py default)"
        warm_up(port, workdir, args)
        for name, _what, _goal, _ratio in PAGES:
            if args.pages and name not in args.pages and not name.startswith("bare"):
                continue
            log(f"  measuring {name} …")
            if name == "signin":
                result["pages"][name] = measure_signin(port, sample["signin_users"], args)
            else:
                file = workdir / f"{name.removesuffix('_end')}.tsv"
                duration = args.pdf_duration if name == "pdf" else args.duration
                limit = args.pdf_max if name == "pdf" else args.max_requests
                result["pages"][name] = measure_wrk(port, file, duration, limit, args)
            gunicorn.drain(port)
    finally:
        if server is not None:
            gunicorn.stop(server)
        cleanup(sample)
    if not args.no_explain:
        log("  EXPLAIN of the overview pages' queries …")
        result["explain"] = explain_pages(sample, args)
    shutil.rmtree(workdir, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load",
        description=package.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("database", nargs="+", help="DATABASE_URL of a database filled by scale_data")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--duration", type=float, default=15, help="seconds per page")
    parser.add_argument("--max-requests", type=int, default=60_000, help="per page")
    parser.add_argument("--pdf-duration", type=float, default=30)
    parser.add_argument("--pdf-max", type=int, default=200)
    parser.add_argument("--signin-duration", type=float, default=20)
    parser.add_argument("--signin-users", type=int, default=400, help="staff used once each for sign-in")
    parser.add_argument("--users", type=int, default=300, help="signed-in staff (and persons) to rotate over")
    parser.add_argument("--warmup", type=float, default=8)
    parser.add_argument("--pages", nargs="*", help="only these pages (the bare view is always measured)")
    parser.add_argument("--no-explain", action="store_true")
    parser.add_argument("--no-pdf-explain", action="store_true")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--wait-quiet", type=float, default=600, help="seconds to wait for an idle machine")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    if args.one:  # a child run for one database: results as JSON on stdout
        print(json.dumps(run_one(args), default=str))
        return
    results = []
    for url in args.database:
        log(f"{url.rsplit('/', 1)[-1]}:")
        child = [sys.executable, "-m", "benchmarks.load", url, "--one", *child_args(args)]
        output = subprocess.run(
            child, cwd=ROOT, capture_output=False, stdout=subprocess.PIPE, text=True, check=True
        ).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
        print_report(results[-1])
    if len(results) > 1:
        print_growth(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))


def child_args(args) -> list[str]:
    out = [
        f"--connections={args.connections}",
        f"--duration={args.duration}",
        f"--max-requests={args.max_requests}",
        f"--pdf-duration={args.pdf_duration}",
        f"--pdf-max={args.pdf_max}",
        f"--signin-duration={args.signin_duration}",
        f"--signin-users={args.signin_users}",
        f"--users={args.users}",
        f"--warmup={args.warmup}",
        f"--seed={args.seed}",
        f"--wait-quiet={args.wait_quiet}",
    ]
    if args.pages:
        out += ["--pages", *args.pages]
    if args.no_explain:
        out.append("--no-explain")
    if args.no_pdf_explain:
        out.append("--no-pdf-explain")
    return out
