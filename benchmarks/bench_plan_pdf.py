"""Time the plan PDF for a large plan: 50 goals, 300 steps, 100 people and places, three years of history.

    .venv/bin/python benchmarks/bench_plan_pdf.py            # SQLite (var/bench.sqlite3)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medvandrer_bench .venv/bin/python benchmarks/bench_plan_pdf.py

Prints the time to gather the plan (queries), to render the PDF (WeasyPrint), the whole
request, the page count and the size. Goal: ≤ 1.5 s for the whole request. See docs/PERFORMANCE.md.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medvandrer.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("SQLITE_PATH", str(ROOT / "var" / "bench.sqlite3"))

ROUNDS = 15


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    return f"p50 {statistics.median(ordered):.3f} s  max {ordered[-1]:.3f} s  (n={len(ordered)})"


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from accounts.models import Role, User
    from conftest import sign_in
    from exports.documents import plan_content
    from medvandrer.documents import render_pdf
    from people.models import Organisation, Person
    from plans.sample import make_plan

    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["*"]
    organisation, _ = Organisation.objects.get_or_create(slug="benchmark", defaults={"name": "Benchmark"})
    user, _ = User.objects.get_or_create(
        username="pdf-benchmark", defaults={"role": Role.PERSON, "organisation": organisation}
    )
    person, created = Person.objects.get_or_create(
        user=user, defaults={"organisation": organisation, "display_name": "Stor Plan"}
    )
    if created:
        make_plan(person, goals=50, steps=300, network=100, years=3, author=user)

    render_pdf("exports/plan_document.html", plan_content(person))  # warm up fonts and templates
    gather, render, whole = [], [], []
    client = sign_in(Client(), user, two_factor=False)
    for _ in range(ROUNDS):
        start = time.perf_counter()
        content = plan_content(person)
        gathered = time.perf_counter()
        pdf = render_pdf("exports/plan_document.html", content)
        rendered = time.perf_counter()
        gather.append(gathered - start)
        render.append(rendered - gathered)
        start = time.perf_counter()
        response = client.get(f"/personer/{person.pk}/plan/plan.pdf")
        whole.append(time.perf_counter() - start)
        assert response.status_code == 200
    from django.contrib.staticfiles import finders
    from django.template.loader import render_to_string
    from weasyprint import CSS, HTML

    stylesheet = CSS(filename=finders.find("css/document.css"))
    pages = len(
        HTML(string=render_to_string("exports/plan_document.html", {**content, "for_pdf": True}))
        .render(stylesheets=[stylesheet])
        .pages
    )
    print(f"Database: {connection.vendor}. Plan: 50 goals, 300 steps, 100 people and places, 3 years of history.")
    print(f"gather plan        {summary(gather)}")
    print(f"render PDF         {summary(render)}")
    print(f"GET plan.pdf       {summary(whole)}")
    print(f"PDF: {pages} pages, {len(pdf) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
