"""Latency of question search and situation suggestions over the full bank.

    .venv/bin/python benchmarks/bench_search.py                      # SQLite (var/bench.sqlite3)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medvandrer_bench .venv/bin/python benchmarks/bench_search.py

Prints p50/p95/max in milliseconds for:
  search()      the full-text search call (database query + ranking)
  suggest()     the suggestion ranking call
  POST /api/v1/questions        a whole request through Django (session, middleware, JSON body)
  POST /api/v1/suggestions      likewise
  suggest() in crisis           the ranking for every crisis sentence of crisis/data/eval_sentences.toml,
                                the crisis recogniser included (it runs inside suggest())
  suggest() 2,000 chars         the longest situation the form takes, crisis words in the middle
  recognise() 10,000 chars      the recogniser alone on notes as long as a conversation's, crisis words
                                spread through them (the conversation page reads the notes each time)
Queries and situations come from the hand-judged sets in benchmarks/suggestions/.
Results are recorded in docs/PERFORMANCE.md.
"""

import os
import random
import statistics
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.words import SEARCH_WORDS  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medvandrer.settings")
if not os.environ.get("DATABASE_URL"):
    os.environ.setdefault("SQLITE_PATH", str(ROOT / "var" / "bench.sqlite3"))

ROUNDS = 5


def percentiles(samples_ms: list[float]) -> str:
    ordered = sorted(samples_ms)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"p50 {statistics.median(ordered):6.2f}  p95 {p95:6.2f}  max {ordered[-1]:6.2f}  (n={len(ordered)})"


def timed(function, inputs) -> list[float]:
    samples = []
    for _ in range(ROUNDS):
        for value in inputs:
            start = time.perf_counter()
            function(value)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def post(client, url, data):
    import json

    response = client.post(url, json.dumps(data), content_type="application/json")
    assert response.status_code == 200, response.status_code
    return response


def signed_in(client, user):
    """A session as the real sign-in leaves it (two-factor done), or the middleware says 401."""
    from conftest import sign_in

    sign_in(client, user)
    response = client.get("/api/v1/questions", {"element": "hope"})
    assert response.status_code == 200, f"the benchmark is not signed in ({response.status_code})"
    return client


def main() -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from accounts.models import User
    from content.search import search
    from content.suggestions import suggest
    from crisis.recogniser import recognise

    call_command("migrate", verbosity=0)
    settings.ALLOWED_HOSTS = ["*"]
    situations = []
    for name in ("dev", "test", "holdout"):
        with (ROOT / "benchmarks" / "suggestions" / f"{name}.toml").open("rb") as f:
            situations += [(c["situation"], c.get("phase", "")) for c in tomllib.load(f)["cases"]]

    user, _ = User.objects.get_or_create(username="benchmark", defaults={"full_name": "Benchmark"})
    client = signed_in(Client(), user)
    suggest("varm opp", limit=5)  # the index is built once per process; measure the steady state
    search("varm opp")

    print(f"Database: {connection.vendor}  ({ROUNDS} rounds)")
    print(f"search()                       {percentiles(timed(search, SEARCH_WORDS))}")
    print(
        f"suggest()                      {percentiles(timed(lambda s: suggest(s[0], phase=s[1], limit=5), situations))}"
    )
    crisis_data = ROOT / "crisis" / "data"
    with (crisis_data / "eval_sentences.toml").open("rb") as f:
        crisis_sentences = [s["text"] for s in tomllib.load(f)["sentence"] if s["kinds"]]
    with (crisis_data / "train_sentences.toml").open("rb") as f:
        filler = [s["text"] for s in tomllib.load(f)["sentence"]]
    rng = random.Random(10)
    long_situations = [
        (
            " ".join(rng.choice(filler) for _ in range(40))[:900]
            + " "
            + text
            + " "
            + " ".join(rng.choice(filler) for _ in range(40))
        )[:2000]
        for text in crisis_sentences[:40]
    ]
    notes = [" ".join(rng.choice(filler) for _ in range(400))[:10_000] for _ in range(30)]
    print(f"suggest() in crisis            {percentiles(timed(lambda s: suggest(s, limit=5), crisis_sentences))}")
    print(f"suggest() 2,000 chars          {percentiles(timed(lambda s: suggest(s, limit=5), long_situations))}")
    print(f"recognise() 10,000 chars       {percentiles(timed(recognise, notes))}")
    print(
        "POST /api/v1/questions         "
        + percentiles(timed(lambda q: post(client, "/api/v1/questions", {"q": q}), SEARCH_WORDS))
    )
    print(
        "POST /api/v1/suggestions       "
        + percentiles(
            timed(lambda s: post(client, "/api/v1/suggestions", {"situation": s[0], "phase": s[1]}), situations)
        )
    )


if __name__ == "__main__":
    main()
