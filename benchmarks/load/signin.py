"""Sign-in under load: the real form (password, then the one-time code), by Python threads."""

import http.client
import re
import threading
import time
import urllib.parse
from collections import Counter

from benchmarks.load import CORES
from benchmarks.load.measure import machine_busy, percentile, self_cpu
from demo.scale import SCALE_PASSWORD


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
    form = {"csrfmiddlewaretoken": token.group(1), "username": username, "password": SCALE_PASSWORD}
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
