"""Load benchmark on scaled data: gunicorn on loopback, 20 concurrent connections, every main page
side by side with a bare Django view as the ceiling (issue: ready for a region).

    # once: a PostgreSQL database filled with fictional data
    createdb -h 127.0.0.1 -U postgres medvandrer_scale_1
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medvandrer_scale_1 .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/medvandrer_scale_1 .venv/bin/python manage.py scale_data --factor 1
    # the benchmark (one database, or two for "1× vs 10×"); needs wrk (apt-get install wrk)
    .venv/bin/python benchmarks/load.py postgres://postgres@127.0.0.1:5432/medvandrer_scale_1
    .venv/bin/python benchmarks/load.py postgres://…/medvandrer_scale_1 postgres://…/medvandrer_scale_10

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
"""

import argparse
import http.client
import json
import math
import os
import random
import re
import resource
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import tomllib
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LUA = ROOT / "benchmarks" / "load" / "rotate.lua"
CORES = os.cpu_count() or 1
sys.path.insert(0, str(ROOT))
from benchmarks.words import SEARCH_WORDS  # noqa: E402

# name, what, p95 goal (ms) or None, throughput ratio goal or None
PAGES = [
    ("bare", "bare Django view (ceiling)", None, None),
    ("home", "staff home «I dag» /", 150, 0.3),
    ("plan", "plan overview /personer/<id>/plan/", 150, 0.5),
    ("conversation", "conversation mode …/samtaler/<id>/", 150, 0.3),
    ("search", "question bank search /sporsmal/?q=", 150, 0.3),
    ("suggest", "suggestions page /sporsmal/forslag/?situation=", 150, 0.3),
    ("suggest_api", "suggestions API POST /api/v1/suggestions", 150, 0.3),
    ("access_log", "person's access log …/innsyn/", 150, 0.3),
    ("signin", "sign-in (form, password, code)", 150, 0.3),
    ("pdf", "plan PDF …/plan/plan.pdf", None, None),
    ("bare_end", "bare Django view, again at the end", None, None),
]


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# -- measuring helpers ----------------------------------------------------------------------
def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    tick = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + fields[4]
    return (sum(fields) - idle) / tick, sum(fields) / tick


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def busy_share(seconds: float = 3.0) -> float:
    busy0, total0 = machine_busy()
    time.sleep(seconds)
    busy1, total1 = machine_busy()
    return (busy1 - busy0) / max(1e-9, total1 - total0)


def wait_for_quiet(limit: float) -> float:
    """The machine's CPU use before the run (others' work skews every number); waits up to `limit` s for < 15 %."""
    deadline = time.monotonic() + limit
    share = busy_share()
    while share > 0.15 and time.monotonic() < deadline:
        log(f"  the machine is {share:.0%} busy with other work; waiting …")
        time.sleep(10)
        share = busy_share()
    return share


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))  # nearest rank
    return ordered[k]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- one database ---------------------------------------------------------------------------
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

    from demo.management.commands.scale_data import MARKER

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
        port = free_port()
        env = dict(os.environ, BIND=f"127.0.0.1:{port}")
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "medvandrer.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(workdir / "gunicorn.log", "w"),  # noqa: SIM115 - closed with the process
            start_new_session=True,
        )
        wait_until_up(port)
        result["workers"] = env.get("WEB_CONCURRENCY") or f"{CORES * 2 + 1} (gunicorn.conf.py default)"
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
            drain(port)
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        cleanup(sample)
    if not args.no_explain:
        log("  EXPLAIN of the overview pages' queries …")
        result["explain"] = explain_pages(sample, args)
    shutil.rmtree(workdir, ignore_errors=True)
    return result


def table_sizes(connection) -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples::bigint FROM pg_class WHERE relkind = 'r' AND relnamespace = "
            "'public'::regnamespace AND reltuples > 0 ORDER BY reltuples DESC"
        )
        return dict(cursor.fetchall())


def make_session(user) -> str:
    """A signed-in session as accounts.sessions.complete_sign_in leaves it."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone

    from accounts.models import UserSession
    from accounts.sessions import LAST_SEEN, SIGNED_IN_AT, TWO_FACTOR_DONE

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    now = timezone.now()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[SIGNED_IN_AT] = now.isoformat()
    store[TWO_FACTOR_DONE] = True
    store[LAST_SEEN] = int(now.timestamp())
    store.create()
    UserSession.objects.create(user=user, session_key=store.session_key)
    return store.session_key


def prepare(rng, workdir: Path, args) -> dict:
    """Sessions for a sample of staff and persons, and one request file per page."""
    from django.db.models import OuterRef, Subquery
    from django.utils import timezone

    from accounts.models import Role, User
    from conversations.models import Conversation
    from demo.management.commands.scale_data import MARKER
    from people.models import Block, CareRelation

    started = timezone.now()
    workers = list(
        User.objects.filter(
            username__startswith=MARKER,
            is_active=True,
            role__in=[Role.PRACTITIONER, Role.PEER_WORKER],
            care_relations__ended=None,
        )
        .distinct()
        .values_list("pk", flat=True)
    )
    rng.shuffle(workers)
    session_staff = workers[: args.users]
    signin_pool = workers[args.users : args.users + args.signin_users]
    latest = Conversation.objects.filter(person=OuterRef("person_id")).order_by("-held_on").values("pk")[:1]
    pairs = list(
        CareRelation.objects.active()
        .filter(staff_id__in=session_staff)
        .annotate(conversation=Subquery(latest))
        .values_list("staff_id", "person_id", "conversation")
    )
    blocked = set(Block.objects.values_list("staff_id", "person_id"))
    pairs = [p for p in pairs if (p[0], p[1]) not in blocked]
    rng.shuffle(pairs)
    users = {u.pk: u for u in User.objects.filter(pk__in=session_staff)}
    keys = {pk: make_session(user) for pk, user in users.items()}
    person_users = list(
        User.objects.filter(username__startswith=MARKER, role=Role.PERSON, is_active=True, person__isnull=False)
        .select_related("person")
        .order_by("?")[: args.users]
    )
    person_keys = [(make_session(u), u.person.pk) for u in person_users]
    situations = []
    for name in ("dev", "test"):
        with open(ROOT / "benchmarks" / "suggestions" / f"{name}.toml", "rb") as f:
            situations += [c["situation"] for c in tomllib.load(f)["cases"]]
    staff_keys = list(keys.values())
    q = urllib.parse.quote

    def write(name, lines):
        (workdir / f"{name}.tsv").write_text("".join("\t".join(line) + "\n" for line in lines))

    form = "application/x-www-form-urlencoded"

    write("bare", [("/bare/", "")])
    write("home", [("/", k) for k in staff_keys])
    write("plan", [(f"/personer/{p}/plan/", keys[s]) for s, p, _c in pairs])
    write("conversation", [(f"/personer/{p}/samtaler/{c}/", keys[s]) for s, p, c in pairs if c])
    # Typed words go in POST bodies (issue 11), as the pages and the API now send them.
    write("search", [("/sporsmal/", rng.choice(staff_keys), f"q={q(w)}", form) for w in SEARCH_WORDS * 20])
    write(
        "suggest",
        [("/sporsmal/forslag/", rng.choice(staff_keys), f"situation={q(s)}", form) for s in situations * 3],
    )
    write(
        "suggest_api",
        [
            ("/api/v1/suggestions", rng.choice(staff_keys), json.dumps({"situation": s}), "application/json")
            for s in situations * 3
        ],
    )
    write("access_log", [(f"/personer/{p}/innsyn/", k) for k, p in person_keys])
    write("pdf", [(f"/personer/{p}/plan/plan.pdf", keys[s]) for s, p, _c in pairs])
    mixed = []
    for name in ("home", "plan", "conversation", "search", "suggest", "suggest_api", "access_log"):
        mixed += (workdir / f"{name}.tsv").read_text().splitlines(keepends=True)[:200]
    rng.shuffle(mixed)
    (workdir / "warm.tsv").write_text("".join(mixed))
    leader = User.objects.filter(username__startswith=MARKER, role=Role.TEAM_LEADER, is_active=True).first()
    return {
        "started": started,
        "keys": keys,
        "pairs": pairs,
        "person_keys": person_keys,
        "leader_key": make_session(leader) if leader else None,
        "situations": situations,
        "signin_users": list(User.objects.filter(pk__in=signin_pool).values_list("username", "totp_secret")),
        "staff_count": len(keys),
        "pair_count": len(pairs),
        "person_count": len(person_keys),
        "signin_pool_count": len(signin_pool),
        "session_users": list(keys) + [u.pk for u in person_users] + ([leader.pk] if leader else []),
    }


def cleanup(sample: dict) -> None:
    """End every session this run made or caused (sign-ins included)."""
    from django.contrib.sessions.models import Session

    from accounts.models import UserSession

    made = UserSession.objects.filter(created__gte=sample["started"])
    Session.objects.filter(session_key__in=made.values("session_key")).delete()
    made.delete()


def wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/bare/")
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("gunicorn did not start (see its log)")


def wrk(port: int, file: Path, duration: float, limit: int, connections: int, timeout: int = 60) -> dict:
    env = dict(os.environ, MV_REQUESTS=str(file), MV_MAX=str(limit), MV_THREADS="1")
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{int(duration)}s",
        f"--timeout={timeout}s",
        "-s",
        str(LUA),
        f"http://127.0.0.1:{port}",
    ]
    output = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
    line = next((x for x in output.splitlines() if x.startswith("MVRESULT ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result:\n{output}")
    return json.loads(line.removeprefix("MVRESULT "))


def drain(port: int) -> None:
    """Wait until requests left over from the last phase (wrk stops without waiting for them) are done."""
    deadline, quick = time.monotonic() + 90, 0
    while time.monotonic() < deadline and quick < 3:
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=90)
            conn.request("GET", "/bare/")
            conn.getresponse().read()
            conn.close()
        except OSError:
            pass
        quick = quick + 1 if time.perf_counter() - start < 0.05 else 0
        time.sleep(0.2)


def warm_up(port: int, workdir: Path, args) -> None:
    """Every worker builds its caches (question catalogue, suggestion index, fonts) before measuring."""
    log("  warming up …")
    wrk(port, workdir / "warm.tsv", args.warmup, 2000, 10)
    wrk(port, workdir / "pdf.tsv", 30, 10, 5)
    drain(port)


def measure_wrk(port: int, file: Path, duration: float, limit: int, args) -> dict:
    cpu0, (busy0, total0) = children_cpu(), machine_busy()
    raw = wrk(port, file, duration, limit, args.connections)
    cpu1, (busy1, total1) = children_cpu(), machine_busy()
    seconds = raw["duration_us"] / 1e6
    errors = raw["not_200"] + raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "requests": raw["requests"],
        "seconds": seconds,
        "rps": raw["requests"] / seconds,
        "p50": raw["p50"] / 1000,
        "p95": raw["p95"] / 1000,
        "p99": raw["p99"] / 1000,
        "max": raw["max"] / 1000,
        "errors": errors,
        "codes": raw["codes"],
        "generator_cpu": (cpu1 - cpu0) / (seconds * CORES),
        "machine_cpu": (busy1 - busy0) / max(1e-9, total1 - total0),
    }


def sign_in_once(port: int, username: str, secret: str) -> tuple[bool, float, float, str]:
    """The real sign-in: the form, the password, the one-time code. Returns (ok, whole s, password s, why)."""
    import pyotp

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    cookies = {}

    def send(method, path, body=None):
        headers = {"Host": "127.0.0.1", "Accept-Language": "nb"}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            body = urllib.parse.urlencode(body)
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), data

    start = time.perf_counter()
    status, _, page = send("GET", "/logg-inn/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or not token:
        return False, 0, 0, f"form {status}"
    t0 = time.perf_counter()
    form = {"csrfmiddlewaretoken": token.group(1), "username": username, "password": SCALE_PASSWORD()}
    status, location, _ = send("POST", "/logg-inn/", form)
    password_seconds = time.perf_counter() - t0
    if status != 302 or "/logg-inn/kode/" not in location:
        return False, 0, password_seconds, f"password {status} {location}"
    code = pyotp.TOTP(secret).now()
    status, location, _ = send("POST", "/logg-inn/kode/", {"csrfmiddlewaretoken": token.group(1), "code": code})
    whole = time.perf_counter() - start
    conn.close()
    if status != 302 or location not in ("/", "http://127.0.0.1/"):
        return False, whole, password_seconds, f"code {status} {location}"
    return True, whole, password_seconds, ""


def SCALE_PASSWORD() -> str:  # noqa: N802 - the constant, read lazily after django.setup()
    from demo.management.commands.scale_data import SCALE_PASSWORD as password

    return password


def measure_signin(port: int, users: list, args) -> dict:
    """Sign-ins by `connections` threads, each with its own staff member, bounded in time and count."""
    queue = list(users)
    lock = threading.Lock()
    whole, password, failures = [], [], []
    deadline = time.monotonic() + args.signin_duration

    def worker():
        while time.monotonic() < deadline:
            with lock:
                if not queue:
                    return
                username, secret = queue.pop()
            ok, seconds, password_seconds, why = sign_in_once(port, username, secret)
            with lock:
                if ok:
                    whole.append(seconds)
                    password.append(password_seconds)
                else:
                    failures.append(why)

    cpu0, (busy0, total0), t0 = self_cpu(), machine_busy(), time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - t0
    cpu1, (busy1, total1) = self_cpu(), machine_busy()
    done = len(whole) + len(failures)
    return {
        "requests": done,
        "seconds": seconds,
        "rps": done / seconds,
        "p50": percentile(whole, 50) * 1000,
        "p95": percentile(whole, 95) * 1000,
        "p99": percentile(whole, 99) * 1000,
        "max": max(whole, default=0) * 1000,
        "password_p50": percentile(password, 50) * 1000,
        "password_p95": percentile(password, 95) * 1000,
        "errors": len(failures),
        "codes": dict(Counter(failures).most_common(5)),
        "generator_cpu": (cpu1 - cpu0) / (seconds * CORES),
        "machine_cpu": (busy1 - busy0) / max(1e-9, total1 - total0),
    }


# -- EXPLAIN ------------------------------------------------------------------------------
LARGE = 10_000  # rows: a sequential scan on a table this big is reported


def explain_pages(sample: dict, args) -> dict:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    sizes = table_sizes(connection)
    pairs = [p for p in sample["pairs"] if p[2]][:3]
    persons = sample["person_keys"][:3]
    # Re-create sessions (the load run's were removed).
    from accounts.models import User

    fresh = {pk: make_session(User.objects.get(pk=pk)) for pk in {s for s, _p, _c in pairs}}
    person_fresh = [(make_session(User.objects.get(person__pk=p)), p) for _k, p in persons]
    leader = User.objects.filter(pk__in=sample["session_users"], role="teamleder").first()
    pages = []
    for s, p, c in pairs:
        key = fresh[s]
        pages += [
            ("home", "/", key),
            ("persons", "/personer/", key),
            ("plan", f"/personer/{p}/plan/", key),
            ("conversations", f"/personer/{p}/samtaler/", key),
            ("conversation", f"/personer/{p}/samtaler/{c}/", key),
            ("search", f"/sporsmal/?q={urllib.parse.quote(random.choice(SEARCH_WORDS))}", key),
            ("suggest", f"/sporsmal/forslag/?situation={urllib.parse.quote(sample['situations'][0])}", key),
        ]
    pages += [("access_log", f"/personer/{p}/innsyn/", k) for k, p in person_fresh]
    if leader:
        pages.append(("organisation_log", "/organisasjon/logg/", make_session(leader)))
    if pairs and not args.no_pdf_explain:
        pages.append(("pdf", f"/personer/{pairs[0][1]}/plan/plan.pdf", fresh[pairs[0][0]]))
    report = {}
    try:
        for name, path, key in pages:
            client = Client()
            client.cookies[settings.SESSION_COOKIE_NAME] = key
            client.get(path)  # once first: per-process caches (the question catalogue) fill on first use
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path)
            entry = report.setdefault(name, {"queries": [], "status": set(), "seq_scans": [], "slowest": []})
            entry["status"].add(response.status_code)
            entry["queries"].append(len(captured.captured_queries))
            for query in captured.captured_queries:
                sql = query["sql"]
                if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
                    continue
                with connection.cursor() as cursor:
                    cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)
                    plan = cursor.fetchone()[0]
                plan = plan[0] if isinstance(plan, list) else json.loads(plan)[0]
                entry["slowest"].append((plan["Execution Time"], sql[:300]))
                for node in walk(plan["Plan"]):
                    if node.get("Node Type") == "Seq Scan":
                        table = node.get("Relation Name")
                        if sizes.get(table, 0) >= LARGE:
                            entry["seq_scans"].append(
                                {
                                    "table": table,
                                    "rows_in_table": sizes[table],
                                    "filter": node.get("Filter", ""),
                                    "ms": round(node.get("Actual Total Time", 0), 2),
                                    "sql": sql[:600],
                                }
                            )
    finally:
        from django.contrib.sessions.models import Session

        from accounts.models import UserSession

        made = UserSession.objects.filter(created__gte=sample["started"])
        Session.objects.filter(session_key__in=made.values("session_key")).delete()
        made.delete()
    for entry in report.values():
        entry["status"] = sorted(entry["status"])
        entry["slowest"] = sorted(entry["slowest"], reverse=True)[:3]
        unique = {}
        for scan in entry["seq_scans"]:
            unique.setdefault((scan["table"], re.sub(r"\d+", "N", scan["filter"])), scan)
        entry["seq_scans"] = list(unique.values())
    return report


def walk(node):
    yield node
    for child in node.get("Plans", []):
        yield from walk(child)


# -- printing ---------------------------------------------------------------------------------
def print_report(result: dict) -> None:
    pages = result["pages"]
    bare = max((pages[n]["rps"] for n in ("bare", "bare_end") if n in pages), default=float("nan"))
    sizes = result["sizes"]
    print(f"\n## {result['database']}: {result['persons']:,} persons")
    big = ", ".join(
        f"{t} {n:,}"
        for t, n in sizes.items()
        if t in ("audit_auditevent", "conversations_conversation", "plans_step", "plans_networkentry")
    )
    print(f"rows (pg_class estimate): {big}; plan items and audit rows as generated by scale_data")
    print(
        f"sessions: {result['sample']['staff_count']} staff over {result['sample']['pair_count']} care relations, "
        f"{result['sample']['person_count']} persons; gunicorn workers: {result.get('workers')}; "
        f"machine busy with other work before the run: {result['busy_before']:.0%}\n"
    )
    print("| page | requests | p50 ms | p95 ms | p99 ms | req/s | errors | × bare | goal | wrk CPU | machine CPU |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name, what, goal_ms, goal_ratio in PAGES:
        if name not in pages:
            continue
        r = pages[name]
        ratio = r["rps"] / bare if bare else float("nan")
        error_rate = r["errors"] / r["requests"] if r["requests"] else 0
        if goal_ms is None:
            verdict = "–"
        else:
            misses = []
            if r["p95"] > goal_ms:
                misses.append(f"p95>{goal_ms}")
            if ratio < goal_ratio:
                misses.append(f"×bare<{goal_ratio}")
            if r["errors"]:
                misses.append("errors")
            verdict = "met" if not misses else "missed: " + ", ".join(misses)
        print(
            f"| {what} | {r['requests']:,} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | {r['rps']:.1f} | "
            f"{r['errors']} ({error_rate:.1%}) | {ratio:.3f} | {verdict} | {r['generator_cpu']:.0%} | "
            f"{r['machine_cpu']:.0%} |"
        )
        if r["errors"]:
            print(f"|   answers other than 200: {r['codes']} | | | | | | | | | | |")
    if "signin" in pages:
        s = pages["signin"]
        print(f"\nsign-in: the password step alone p50 {s['password_p50']:.0f} ms, p95 {s['password_p95']:.0f} ms")
    explain = result.get("explain")
    if explain:
        print("\nEXPLAIN (ANALYZE) of every SELECT the pages run (3 samples each):\n")
        print("| page | status | queries | slowest query ms | seq scans on tables ≥ 10,000 rows |")
        print("|---|---|---|---|---|")
        for name, entry in explain.items():
            scans = "; ".join(f"{s['table']} ({s['filter'] or 'no filter'})" for s in entry["seq_scans"]) or "none"
            slowest = entry["slowest"][0][0] if entry["slowest"] else 0
            print(
                f"| {name} | {','.join(map(str, entry['status']))} | {min(entry['queries'])}–{max(entry['queries'])} "
                f"| {slowest:.1f} | {scans} |"
            )
        for name, entry in explain.items():
            for scan in entry["seq_scans"]:
                print(f"\n[{name}] Seq Scan on {scan['table']} ({scan['rows_in_table']:,} rows), {scan['ms']} ms")
                print(f"  filter: {scan['filter']}\n  query:  {scan['sql']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
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
        child = [sys.executable, __file__, url, "--one", *child_args(args)]
        output = subprocess.run(child, capture_output=False, stdout=subprocess.PIPE, text=True, check=True).stdout
        results.append(json.loads(output.strip().splitlines()[-1]))
        print_report(results[-1])
    if len(results) > 1:
        print("\n## p95 as data grows\n")
        header = " | ".join(f"p95 ms, {r['persons']:,} persons" for r in results)
        print(f"| page | {header} | last / first |")
        print("|---" * (len(results) + 2) + "|")
        for name, what, _g, _r in PAGES:
            if all(name in r["pages"] for r in results):
                values = [r["pages"][name]["p95"] for r in results]
                print(f"| {what} | " + " | ".join(f"{v:.0f}" for v in values) + f" | {values[-1] / values[0]:.2f} |")
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


if __name__ == "__main__":
    main()
