"""Nothing a person or a practitioner writes ends up in an address or a log line.

The production server (gunicorn with gunicorn.conf.py, DEBUG off, logging at INFO) serves a
browser walk through the world of the authorization matrix: a practitioner searches, describes
a situation, writes a goal, a part of the plan for hard days, a conversation with notes; the
person opens their own pages. Afterwards the server's whole log – access log, error log and
Django's logging – is searched for every canary of tests/world.py and for the words typed, and
every address the browser asked for is searched for them too."""

import os
import re
import socket
import subprocess  # nosec B404 - starts our own gunicorn on loopback
import sys
import time
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from accounts.models import ResetLink
from audit.models import Basis
from conftest import sign_in as sign_in_client
from people.actions import create_invite
from tests.test_two_app_servers import ROOT, database_env, free_port
from tests.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
TYPED = "-".join(["SKREVET", "av", "fagpersonen", "4d2"])  # built, so no source line holds it


@pytest.fixture
def production_server(tmp_path):
    env = {
        **os.environ,
        **database_env(),
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,  # the sessions this test makes must be readable there
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESS_LOG": "-",
        "LOG_LEVEL": "INFO",
    }
    env.pop("TEST_DB_TAG", None)
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    port = free_port()
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "medvandrer.wsgi"],
            cwd=ROOT,
            env={**env, "BIND": f"127.0.0.1:{port}"},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    assert server.poll() is None, log.read_text()
                    time.sleep(0.1)
            yield f"http://localhost:{port}", log
        finally:
            server.terminate()
            server.wait(timeout=10)


def tab(browser, base_url, user):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="nb-NO", base_url=base_url)
    client = sign_in_client(Client(), user, two_factor=user.needs_two_factor)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.addresses = []
    page.on("request", lambda request: page.addresses.append(request.url))
    return page


def test_a_whole_walk_leaves_no_person_text_in_addresses_or_logs(browser, production_server):
    base_url, log = production_server
    world = build_world()
    person = world.persons["P"].pk
    staff = tab(browser, base_url, world.users["with_relation"])

    staff.goto("/sporsmal/forslag/")
    staff.get_by_label("Beskriv situasjonen med egne ord").fill(f"{TYPED} han sier han ikke orker mer")
    staff.get_by_role("button", name="Finn spørsmål").click()
    expect(staff.locator(".crisis-card")).to_be_visible()
    staff.goto("/")  # «Hva skjer i samtalen?» on «I dag»
    staff.get_by_label("Beskriv situasjonen med egne ord").fill(f"{TYPED} ensom")
    staff.get_by_role("button", name="Finn spørsmål").click()
    expect(staff.get_by_label("Beskriv situasjonen med egne ord")).to_have_value(f"{TYPED} ensom")
    staff.goto("/sporsmal/")
    staff.get_by_label("Søk").fill(f"ensom {TYPED}")
    staff.get_by_role("button", name="Vis spørsmål").click()
    expect(staff.locator(".result-summary")).to_contain_text(TYPED)
    for path in ["plan/", "plan/ressurser/", "plan/nettverk/", "plan/kriseplan/", "samtaler/", "plan/utskrift/"]:
        staff.goto(f"/personer/{person}/{path}")
    assert world.canaries["P"] in staff.content()  # the person's own words were on the pages the server sent
    staff.goto(f"/personer/{person}/plan/mal/ny/")
    staff.get_by_label("Målet, med dine egne ord").fill(f"Gå tur {TYPED}")
    staff.get_by_role("button", name="Lagre").click()
    staff.goto(f"/personer/{person}/plan/kriseplan/del/selv/")
    staff.get_by_label("Det jeg kan gjøre selv").fill(f"Musikk {TYPED}")
    staff.get_by_role("button", name="Lagre").click()
    staff.goto(f"/personer/{person}/samtaler/ny/")
    staff.get_by_label("Det vi vil snakke om (valgfritt)").fill(f"Jobben {TYPED}")
    staff.get_by_role("button", name="Start samtalen").click()
    staff.get_by_role("textbox", name="Notater dere skriver sammen").fill(f"Notat {TYPED}")
    expect(staff.locator("#lagret-status")).to_contain_text("Lagret", timeout=15_000)
    # An old bookmark with words in its address works once – and the log keeps only the path.
    staff.goto(f"/sporsmal/forslag/?situation={quote(TYPED + ' ensom')}")
    expect(staff.get_by_label("Beskriv situasjonen med egne ord")).to_have_value(f"{TYPED} ensom")
    assert "?" not in staff.url

    # One-time links, opened and left unfinished: valid for days, so their tokens are keys.
    invite_token, _code = create_invite(world.persons["P"], actor=world.users["with_relation"], basis=Basis.RELATION)
    _link, reset_token = ResetLink.create_for(world.users["with_relation"], created_by=world.users["team_leader"])
    stranger = browser.new_context(viewport={"width": 375, "height": 740}, base_url=base_url).new_page()
    for address in [f"/invitasjon/{invite_token}/", f"/ny-innlogging/{reset_token}/"]:
        assert stranger.goto(address).ok
    stranger.context.close()

    me = tab(browser, base_url, world.users["self"])
    for path in ["/min-side/", "/vanskelig/", f"/personer/{person}/innsyn/", f"/personer/{person}/plan/kriseplan/"]:
        me.goto(path)
    assert world.canaries["P"] in me.content()

    time.sleep(0.5)  # let the server write its last lines
    text = log.read_text(errors="replace")
    assert '"GET /personer/' in text and '"POST /personer/' in text, "the walk did not reach the server log"
    assert "/invitasjon/…/" in text and "/ny-innlogging/…/" in text
    for secret in [TYPED, quote(TYPED), invite_token, reset_token, *world.canaries.values()]:
        assert secret not in text
    for path in re.findall(r'"(?:GET|POST|HEAD) (\S+) HTTP', text):
        assert "?" not in path, path
    old_address = [a for a in staff.addresses if "situation=" in a]
    assert len(old_address) == 1  # the one old bookmark, on purpose
    for address in staff.addresses + me.addresses:
        if address in old_address:
            continue
        query = address.partition("?")[2]
        assert TYPED not in query and not re.search(r"(^|&)(q|situation|text|notes)=", query), address
        assert not any(canary in address for canary in world.canaries.values())
