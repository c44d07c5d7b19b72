"""The server under load: gunicorn with gunicorn.conf.py on a free loopback port."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.load import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(port: int, workdir: Path, env: dict | None = None) -> subprocess.Popen:
    """gunicorn with gunicorn.conf.py (the production settings) on 127.0.0.1:`port`, its log in `workdir`;
    the URLs are production's plus the bare ceiling view (benchmarks/urls_bare.py). `env`: the
    environment to start it in (this process's by default)."""
    env = dict(os.environ if env is None else env, BIND=f"127.0.0.1:{port}", MEDVANDRER_URLCONF="benchmarks.urls_bare")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "medvandrer.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(workdir / "gunicorn.log", "w"),  # noqa: SIM115 - closed with the process
        start_new_session=True,
    )
    return server


def stop(server: subprocess.Popen) -> None:
    server.send_signal(signal.SIGTERM)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()


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
