"""Load benchmark on scaled data (`python -m benchmarks.load`, `make bench-load`): gunicorn on loopback, 20 concurrent connections, every main page
side by side with a bare Django view as the ceiling (issue: ready for a region).

    # once: a PostgreSQL database filled with fictional data
    createdb -h 127.0.0.1 -U postgres medvandrer_scale_1
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medvandrer_scale_1 .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medvandrer_scale_1 .venv/bin/python manage.py scale_data --factor 1
    # the benchmark (one database, or two for "1× vs 10×"); needs wrk (apt-get install wrk)
    .venv/bin/python -m benchmarks.load postgres://postgres@127.0.0.1:5432/medvandrer_scale_1
    .venv/bin/python -m benchmarks.load postgres://…/medvandrer_scale_1 postgres://…/medvandrer_scale_10

For each database it:
  1. picks staff with care relations, their persons and conversations, and persons with a login,
     and gives each a signed-in session directly in the database (as a finished sign-in leaves it);
  2. starts gunicorn with gunicorn.conf.py (DEBUG=0, the production settings) on a free loopback port;
  3. warms every worker up, then runs wrk (benchmarks/load/rotate.lua) against one page at a time,
     rotating over many users and persons, bounded in time and in requests; sign-in is the real
     form (password, then the one-time code) driven by Python threads, one staff member per sign-in;
  4. prints p50/p95/p99, requests/s, errors (any answer but 200) and throughput / bare view,
     and the load generator's own CPU share;
  5. renders each overview page in-process with the test client, captures its SQL, runs
     EXPLAIN (ANALYZE) on every SELECT and reports sequential scans on large tables.
The sessions it made are removed at the end. Audit rows the requests wrote stay (the log is
append-only): each run adds some thousands.

The parts: run.py (the command line, one database per child process), scenarios.py (the
pages, the sessions and request files), server.py (gunicorn on loopback), measure.py (wrk
and CPU shares), signin.py (the real sign-in form), explain.py (EXPLAIN of the pages'
queries), report.py (the tables printed). wrk's script is rotate.lua.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
LUA = ROOT / "benchmarks" / "load" / "rotate.lua"
CORES = os.cpu_count() or 1


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
