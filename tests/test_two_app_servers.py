"""Two app processes (gunicorn, production settings) on different ports serve the same
signed-in session and the same data: nothing lives in a process, so a region can run as
many as it needs behind one proxy. Sign in on one, read and write on the other, sign out
on the first and the second knows."""

import os
import re
import socket
import subprocess  # nosec B404 - starts our own gunicorn on loopback
import sys
import time
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pyotp
import pytest
from django.conf import settings
from django.db import connection

from conftest import make_user
from people.models import CareRelation, Organisation, Person
from plans.models import Goal, Win

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.real_hasher]  # the servers check real hashes
ROOT = Path(settings.BASE_DIR)
PASSWORD = "en-lang-og-trygg-testfrase"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_env() -> dict:
    """Point the servers at the test database this test is using."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return {"SQLITE_PATH": str(db["NAME"])}
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return {"DATABASE_URL": f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"}


class Browser:
    """Just enough of a browser: cookies across servers (as behind one proxy), forms with CSRF."""

    def __init__(self):
        self.cookies = {}

    def request(self, port, method, path, form=None):
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://127.0.0.1:{port}{path}"
        http = HTTPConnection("127.0.0.1", port, timeout=20)
        http.request(method, path, body=body, headers=headers)
        response = http.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        text = response.read().decode(errors="replace")
        return response.status, response.headers.get("Location", ""), text


REDIS_URL = os.getenv("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.3).close()
        return True
    except OSError:
        return False


@pytest.fixture(
    params=[
        "database",
        pytest.param(
            "redis",
            marks=pytest.mark.skipif(not redis_running(), reason="Redis kjører ikke på 127.0.0.1:6379"),
        ),
    ]
)
def two_servers(request, tmp_path):
    """Two gunicorn processes; sessions in the database, or in Redis (REDIS_URL)."""
    env = {
        **os.environ,
        **database_env(),
        "DEBUG": "0",
        "SECRET_KEY": "shared-by-every-app-server-" + "x" * 40,
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "WEB_CONCURRENCY": "1",
    }
    env.pop("TEST_DB_TAG", None)
    if request.param == "redis":
        env["REDIS_URL"] = REDIS_URL
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    ports = [free_port(), free_port()]
    servers = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "medvandrer.wsgi"],
            cwd=ROOT,
            env={**env, "BIND": f"127.0.0.1:{port}"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for port in ports
    ]
    try:
        for port, server in zip(ports, servers, strict=True):
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    assert server.poll() is None, server.stderr.read().decode()
                    time.sleep(0.1)
        yield ports
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


def test_two_processes_share_sessions_and_data(two_servers):
    port_a, port_b = two_servers
    org = Organisation.objects.create(name="Testhuset", slug="testhuset")
    alice = make_user("alice", "fagperson", org, "Alice Aas")
    alice.totp_secret = pyotp.random_base32()
    alice.totp_confirmed = alice.date_joined
    alice.save()
    person = Person.objects.create(organisation=org, display_name="Charlie Dahl")
    CareRelation.objects.create(staff=alice, person=person)
    goal = Goal.objects.create(person=person, text="Gå tur med hunden hver dag")

    browser = Browser()
    browser.request(port_a, "GET", "/logg-inn/")
    status, location, _ = browser.request(port_a, "POST", "/logg-inn/", {"username": "alice", "password": PASSWORD})
    assert status == 302 and "/logg-inn/kode/" in location
    status, location, _ = browser.request(
        port_a, "POST", "/logg-inn/kode/", {"code": pyotp.TOTP(alice.totp_secret).now()}
    )
    assert status == 302, "the one-time code was not accepted"

    # The other process knows the session and shows the same data.
    status, _, page = browser.request(port_b, "GET", f"/personer/{person.pk}/plan/")
    assert status == 200 and goal.text in page

    # A change made through one process is seen through the other.
    status, _, _ = browser.request(port_b, "POST", f"/personer/{person.pk}/plan/seire/", {"text": "Gikk hele runden"})
    assert status == 302
    assert Win.objects.get(person=person).text == "Gikk hele runden"
    status, _, page = browser.request(port_a, "GET", f"/personer/{person.pk}/plan/seire/")
    assert status == 200 and "Gikk hele runden" in page

    # Signing out on one ends the session everywhere.
    assert browser.request(port_a, "POST", "/logg-ut/", {})[0] == 302
    status, location, _ = browser.request(port_b, "GET", f"/personer/{person.pk}/plan/")
    assert status == 302 and "/logg-inn/" in location
    assert re.search(r"[?&]next=", location)
