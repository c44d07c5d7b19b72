"""Lighthouse and pa11y on the signed-in pages (`make bench-pages`): what engines other than
the project's own axe check say about Medvandrer, on a phone.

    make bench-pages                      # every page, both tools
    .venv/bin/python -m benchmarks.pages.run --only i-dag,sporsmalsbanken --no-pa11y

It
  1. makes a fresh SQLite database in a temporary folder: the demo data, and one person
     (Jonas Eide) with every part filled in (demo/walk.py), and signed-in sessions for him and
     his practitioner (Kari), as a finished sign-in leaves them;
  2. starts gunicorn with gunicorn.conf.py (DEBUG=0, the production settings, static files by
     whitenoise) on a free loopback port;
  3. runs Lighthouse (mobile emulation and throttling, its defaults) and pa11y (the htmlcs and
     axe runners, WCAG 2 AA) on each page, through Debian's chromium, the session as a cookie;
  4. prints a table (scores, pa11y errors, the page's weight and DOM size) for
     docs/PERFORMANCE.md, and writes every report to the folder given by --out.

The tools come from benchmarks/pages/package-lock.json (`npm ci` there; make bench-pages does
it). Not in CI: the numbers are for the notes, not a gate.
"""

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent
BIN = HERE / "node_modules" / ".bin"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
GOALS = {"accessibility": 100, "best-practices": 100, "performance": 95}

# The pages the issue names, by who sees them (demo/walk.py has the addresses).
STAFF_PAGES = [
    "i-dag", "sporsmalsbanken", "forslag", "plan", "mal", "nettverk", "kriseplan", "uke", "samtale",
    "evalueringer", "chime-ny", "mi",
]  # fmt: skip
PERSON_PAGES = ["min-side", "samtykke", "egen-innsyn", "egen-plan", "vanskelig-naa"]


def server_env(folder: Path) -> dict:
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.update(
        SQLITE_PATH=str(folder / "pages.sqlite3"),
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="0",
        STATIC_ROOT=str(folder / "static"),
        DJANGO_SETTINGS_MODULE="medvandrer.settings",
    )
    return env


def prepare(env: dict) -> dict:
    """The database, the filled-in person and two sessions; returns {page name: (path, cookie)}."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(manage + ["collectstatic", "--no-input", "-v0"], env=env, cwd=ROOT, check=True)  # noqa: S603
    env = dict(env, DEBUG="1")  # the demo data is made in development mode only; the server runs without it
    for command in (["migrate", "-v0"], ["demo_data"]):
        subprocess.run(manage + command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    os.environ.update(env)
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from accounts.models import User
    from conftest import sign_in
    from demo.walk import fill_in, person_pages, staff_pages
    from people.models import Person

    person = Person.objects.get(display_name="Jonas Eide")
    staff = User.objects.get(username="kari")
    ids = fill_in(person, staff)

    def cookie(user):
        client = sign_in(Client(), user, two_factor=user.needs_two_factor)
        return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"

    staff_cookie, person_cookie = cookie(staff), cookie(person.user)
    pages = {name: (path, staff_cookie) for name, path in staff_pages(person.pk, ids).items() if name in STAFF_PAGES}
    pages |= {
        name: (path, person_cookie) for name, path in person_pages(person.pk, ids).items() if name in PERSON_PAGES
    }
    return pages


def lighthouse(url: str, cookie: str, out: Path, tries: int = 3) -> dict:
    """Lighthouse's scores for one page; a run that fails to record its trace is tried again."""
    for attempt in range(tries):
        try:
            return _lighthouse(url, cookie, out)
        except subprocess.CalledProcessError:
            if attempt == tries - 1:
                return {"error": "Lighthouse fikk ikke målt siden"}


def _lighthouse(url: str, cookie: str, out: Path) -> dict:
    subprocess.run(  # noqa: S603 – our own fixed command line
        [
            str(BIN / "lighthouse"),
            url,
            f"--chrome-path={CHROMIUM}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--only-categories=performance,accessibility,best-practices",
            f"--extra-headers={json.dumps({'Cookie': cookie, 'Accept-Language': 'nb'})}",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
        ],
        check=True,
        env=dict(os.environ, CHROME_PATH=CHROMIUM),
    )
    report = json.loads(out.read_text())
    scores = {key: round((report["categories"][key]["score"] or 0) * 100) for key in GOALS}
    audits = report["audits"]
    # the pass/fail audits behind a score under 100, to say what to mend
    checked = {ref["id"] for c in ("accessibility", "best-practices") for ref in report["categories"][c]["auditRefs"]}
    failed = [
        key
        for key in sorted(checked)
        if audits[key].get("scoreDisplayMode") == "binary"
        and audits[key].get("score") is not None
        and audits[key]["score"] < 1
    ]
    return {
        **scores,
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "kib": round(audits["total-byte-weight"]["numericValue"] / 1024),
        "dom": audits["dom-size"].get("numericValue"),
        "failed_audits": failed,
    }


def pa11y(url: str, cookie: str, folder: Path) -> dict:
    config = folder / "pa11y.json"
    config.write_text(
        json.dumps(
            {
                "chromeLaunchConfig": {"executablePath": CHROMIUM, "args": CHROME_FLAGS.split()},
                "headers": {"Cookie": cookie, "Accept-Language": "nb"},
                "standard": "WCAG2AA",
                "runners": ["htmlcs", "axe"],
                # axe's «needs review» (e.g. the contrast of a lone ☆ or ✓, which it cannot
                # measure) is a warning to look at, not an error; they are counted apart
                "levelCapWhenNeedsReview": "warning",
                "includeWarnings": True,
                "timeout": 60000,
            }
        )
    )
    result = subprocess.run(  # noqa: S603 – our own fixed command line
        [str(BIN / "pa11y"), "--config", str(config), "--reporter", "json", url],
        capture_output=True,
        text=True,
        env=dict(os.environ, PUPPETEER_EXECUTABLE_PATH=CHROMIUM),
    )
    issues = json.loads(result.stdout or "[]")
    errors = [i for i in issues if i.get("type") == "error"]
    review = [i for i in issues if i.get("runner") == "axe" and i.get("type") == "warning"]
    by_runner = {runner: [i for i in errors if i.get("runner") == runner] for runner in ("htmlcs", "axe")}
    return {
        "htmlcs": len(by_runner["htmlcs"]),
        "axe": len(by_runner["axe"]),
        "axe_review": len(review),
        "issues": [
            f"{i['runner']} {i['code']}: {i['message'][:100]} ({i.get('selector', '')}) {i.get('context', '')[:160]}"
            for i in errors
        ][:10],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="page names, comma-separated")
    parser.add_argument("--no-pa11y", action="store_true")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--out", default=str(ROOT / "var" / "pages"), help="folder for the reports")
    args = parser.parse_args()
    missing = [tool for tool in ("lighthouse", "pa11y") if not (BIN / tool).exists()]
    if missing or not Path(CHROMIUM).exists():
        raise SystemExit(
            f"Mangler {', '.join(missing) or CHROMIUM}: kjør `npm ci` i benchmarks/pages og installer chromium."
        )
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="medvandrer-pages-"))
    env = server_env(folder)
    from benchmarks.load import server

    try:
        pages = prepare(env)
        if args.only:
            pages = {name: pages[name] for name in args.only.split(",")}
        port = server.free_port()
        gunicorn = server.start(port, folder, env=dict(env, WEB_CONCURRENCY="2"))
        try:
            server.wait_until_up(port)
            rows = []
            for name, (path, cookie) in pages.items():
                url = f"http://127.0.0.1:{port}{path}"
                row = {"page": name, "path": path}
                if not args.no_lighthouse:
                    row |= lighthouse(url, cookie, out / f"lighthouse-{name}.json")
                if not args.no_pa11y:
                    row |= pa11y(url, cookie, folder)
                rows.append(row)
                print(json.dumps(row, ensure_ascii=False), flush=True)
        finally:
            server.stop(gunicorn)
        (out / "pages.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1))
        print()
        print(
            "| page | accessibility | best practices | performance | LCP s | KiB | DOM | pa11y htmlcs | pa11y axe | axe «needs review» |"
        )
        print("|---|---|---|---|---|---|---|---|---|---|")
        columns = (
            "accessibility",
            "best-practices",
            "performance",
            "lcp_s",
            "kib",
            "dom",
            "htmlcs",
            "axe",
            "axe_review",
        )
        for r in rows:
            cells = [r.get(k, r.get("error", "–")) for k in columns]
            print(f"| {r['page']} | " + " | ".join(str(c) for c in cells) + " |")
        below = [
            f"{r['page']}: {key} {r[key]}" for r in rows for key, goal in GOALS.items() if key in r and r[key] < goal
        ] + [f"{r['page']}: pa11y {k} {r[k]}" for r in rows for k in ("htmlcs", "axe") if r.get(k)]
        below += [f"{r['page']}: {', '.join(r['failed_audits'])}" for r in rows if r.get("failed_audits")]
        print("\nUnder målet: " + ("; ".join(below) if below else "ingen"))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
