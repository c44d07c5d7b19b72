"""Browser harness: Playwright (Python) driving Debian's chromium, with axe-core.

Every later feature reuses this: `page` is a fresh browser tab on the live server
at phone (375 px) or desktop width; `sign_in(page, user)` signs a user in;
`check_accessibility(page, name)` runs axe and saves a screenshot.
Screenshots go to test-artifacts/screenshots/ (not committed).
"""

import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
VIEWPORTS = {
    "phone": {"width": 375, "height": 740},
    "desktop": {"width": 1280, "height": 900},
    "narrow": {"width": 320, "height": 640},  # an old, small phone: the page walk (test_walk.py) also runs here
}
EVERY_TEST_AT = ["phone", "desktop"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Playwright's sync API runs an event loop in the test thread; the Django ORM calls
# made by the tests themselves are still synchronous, so allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(
        reason=f"Nettlesertestene hoppes over: fant ikke Chromium på {CHROMIUM}. "
        "Installer Debian-pakken 'chromium' (det gjør .ci/run), eller sett CHROMIUM_PATH."
    )
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
JAVA = shutil.which("java")


def html_checker_missing() -> str:
    """Why the W3C Nu HTML Checker cannot run here, or "" when it can."""
    if not JAVA:
        return "Java mangler (Debian-pakken default-jre-headless)"
    if not VNU_JAR.exists():
        return "vnu-jar mangler (make test-tools, eller npm ci)"
    return ""


@pytest.fixture(scope="session")
def html_checker():
    """The Nu HTML Checker as a small web service on loopback, one per test process, so every
    page of the walk is checked without starting Java each time. None where it cannot run."""
    if html_checker_missing():
        yield None
        return
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(  # noqa: S603 – our own fixed command line
        [
            JAVA,
            "-XX:+UseSerialGC",  # one small service beside the tests: no parallel GC threads competing with them
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "-cp",
            str(VNU_JAR),
            "nu.validator.servlet.Main",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/?out=json"
    deadline = time.monotonic() + 60
    while server.poll() is None and time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()  # noqa: S310 – loopback
            break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("W3C Nu HTML Checker (vnu) startet ikke innen 60 sekunder")
    yield url
    server.terminate()
    server.wait(timeout=10)


def html_errors(checker_url: str, html: str) -> list[str]:
    request = urllib.request.Request(  # noqa: S310 – loopback
        checker_url, data=html.encode(), headers={"Content-Type": "text/html; charset=utf-8"}
    )
    with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
        messages = json.loads(answer.read())["messages"]
    return [
        f"l. {m.get('lastLine')}: {m['message']} – {m.get('extract', '')!r}" for m in messages if m["type"] == "error"
    ]


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture(params=EVERY_TEST_AT)
def viewport(request):
    return request.param


@pytest.fixture
def page(browser, viewport, live_server):
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="nb-NO", base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.console_errors = []

    def keep_our_errors(message):
        # Pages of a sign-in provider (its favicon, its fonts) are not ours to answer for.
        if message.type == "error" and message.location.get("url", "").startswith(live_server.url):
            tab.console_errors.append(f"{message.text} [{message.location}]")

    tab.on("console", keep_our_errors)
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    tab.viewport_name = viewport
    yield tab
    context.close()


@pytest.fixture
def sign_in(live_server):
    """Give the browser a signed-in session for `user` without going through the form."""
    from django.test import Client

    def _sign_in(page, user):
        from conftest import sign_in as sign_in_client

        client = sign_in_client(Client(), user, two_factor=user.needs_two_factor)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )

    return _sign_in


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^a-z0-9_-]+', '-', name.lower())}-{page.viewport_name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


PHONE_LAYOUT_JS = (Path(__file__).resolve().parent / "phone_layout.js").read_text()
TITLE_WITHIN_PX = 200


def check_phone_layout(page, name: str):
    """On a phone: nothing reaches past the right edge of the screen, every tap target is at
    least 44 × 44 px (links inside a sentence excepted), and the page title starts within the
    first 200 px (not counting a message just said). At 375 × 740 the text in charts is drawn
    at 12 px or more, inside the chart."""
    found = page.evaluate(PHONE_LAYOUT_JS)
    top = found["titleTop"]
    assert fits(page) and not found["outside"], f"{name} er bredere enn skjermen: {found['outside']}"
    assert top is None or top <= TITLE_WITHIN_PX, (
        f"Overskriften på {name} starter {top:.0f} px ned (mål: ≤ {TITLE_WITHIN_PX})"
    )
    assert not found["small"], f"For små trykkflater på {name}: {found['small'][:8]}"
    if page.viewport_name == "phone":
        assert not found["chartText"], f"Diagramtekst som er for liten eller kuttet på {name}: {found['chartText'][:8]}"


# A hint or label a screen reader never finds: an aria-* reference to an id that is not there.
NAMED_IDS_JS = """() => {
  const missing = [];
  for (const attr of ["aria-describedby", "aria-labelledby", "aria-controls"]) {
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
        if (!document.getElementById(id)) missing.push(`${el.tagName.toLowerCase()} ${attr}=${id}`);
      }
    }
  }
  return missing;
}"""
DECIDABLE_RULES = {
    "aria-valid-attr-value",  # e.g. aria-describedby naming an id that is not on the page
    "aria-valid-attr",
    "aria-allowed-attr",
    "aria-required-children",
    "aria-required-parent",
    "duplicate-id-aria",
    "label",
    "list",
    "listitem",
}


@pytest.fixture
def check_accessibility(html_checker):
    """Run axe-core on the page; fail on any violation, and on undecided results of rules the
    markup decides. At phone width, also the layout check. Saves a screenshot."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def _check(page, name: str):
        screenshot(page, name)
        results = axe.run(
            page,
            options={
                "resultTypes": ["violations", "incomplete"],
                "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
            },
        )
        if page.viewport_name in ("phone", "narrow"):
            check_phone_layout(page, name)
        if html_checker:
            errors = html_errors(html_checker, page.content())
            assert not errors, f"HTML-feil (W3C Nu HTML Checker) på {name}:\n" + "\n".join(errors[:12])
        unknown = page.evaluate(NAMED_IDS_JS)
        assert not unknown, f"{name}: aria-attributter peker på id-er som ikke finnes på siden: {unknown}"
        # Every violation fails, whatever its impact; so does an «incomplete» result of a rule
        # whose answer can be decided from the markup (colour contrast over a picture cannot).
        found = results.response["violations"] + [
            v for v in results.response["incomplete"] if v["id"] in DECIDABLE_RULES
        ]
        report = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:5]}" for v in found
        )
        assert not found, f"axe fant {len(found)} brudd på {name}:\n{report}"
        # Chromium reports a page sent with an error status on purpose (the conflict view's 409, a
        # refused sign-in's 403) as a failed load of that page itself; that is no script error.
        errors = [e for e in page.console_errors if not _the_page_itself_with_its_status(e)]
        assert not errors, f"Feil i nettleserkonsollen på {name}: {errors}"

    return _check


def _the_page_itself_with_its_status(error: str) -> bool:
    return bool(re.search(r"status of (403|409)\b", error)) and "'lineNumber': 0" in error


FITS_JS = "document.documentElement.scrollWidth <= window.innerWidth + 1"


def fits(page) -> bool:
    """Nothing makes the page wider than the screen."""
    return page.evaluate(FITS_JS)


def main_menu(page):
    """The main menu, opened: on a phone it folds behind «Meny»."""
    button = page.locator("summary.menu-button")
    if button.is_visible() and page.locator("details.menu[open]").count() == 0:
        button.click()
    return page.get_by_role("navigation", name="Hovedmeny")


# The real OpenID Connect providers on loopback (tests/oidc/fixtures.py), for signing in through them.
from tests.oidc.fixtures import oidc_env, running_providers  # noqa: E402, F401
