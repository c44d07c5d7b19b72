"""A one-time link's token never reaches a log line: gunicorn's access log, Django's «Not Found»
warnings and runserver's request lines all show «…» in its place – for every address in the
project that carries a token, found from the URL patterns themselves."""

import logging
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from medvandrer.log_paths import SECRET_PARAMETERS, MaskSecretPaths, masked, masked_request_line

TOKEN = "Zk3-SECRET_t0ken-9x"


def secret_addresses(resolver=None, prefix=""):
    """A sample path, with the secret parameters filled in by TOKEN, for every URL pattern that has one."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from secret_addresses(entry, route)
        elif isinstance(entry, URLPattern) and any(f":{p}>" in route or f"<{p}>" in route for p in SECRET_PARAMETERS):
            yield "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: TOKEN if m.group(1) in SECRET_PARAMETERS else "7", route)


def test_every_address_with_a_token_is_found():
    found = list(secret_addresses())
    assert len(found) >= 4  # invitation, evaluation link, reset link, e-mail reset
    assert any(a.startswith("/invitasjon/") for a in found)


@pytest.mark.parametrize("address", list(secret_addresses()))
def test_the_token_is_hidden_in_every_kind_of_log_line(address):
    assert TOKEN not in masked(address + "?neste=1") and "…" in masked(address)
    assert TOKEN not in masked_request_line(f"GET {address}?x=1 HTTP/1.1")
    record = logging.LogRecord("django.request", logging.WARNING, __file__, 1, "Not Found: %s", (address,), None)
    MaskSecretPaths().filter(record)
    assert TOKEN not in record.getMessage()


def test_gunicorn_writes_the_path_without_the_token():
    from types import SimpleNamespace

    from gunicorn.config import Config

    from medvandrer.log_paths import AccessLogger

    address = next(secret_addresses())
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": address + "?q=ord",
        "PATH_INFO": address,
        "QUERY_STRING": "q=ord",
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    request = SimpleNamespace(
        method="GET", path=address, query="q=ord", version=(1, 1), uri=address + "?q=ord", headers=[]
    )
    response = SimpleNamespace(status="200 OK", headers=[], response_length=10, sent=10)
    atoms = AccessLogger(Config()).atoms(response, request, environ, __import__("datetime").timedelta(seconds=0.01))
    assert TOKEN not in atoms["U"] and TOKEN not in atoms["r"] and "ord" not in atoms["r"]


def test_an_ordinary_address_is_left_as_it_is():
    assert masked("/personer/12/plan/") == "/personer/12/plan/"
