"""Addresses in log lines, without what makes them secret.

A one-time link's address holds its token (/invitasjon/<token>/, /evaluering/<token>/,
/ny-innlogging/<token>/, /logg-inn/ny/<uidb64>/<token>/). An opened but unfinished link stays
valid for days, so a log line with it would be a key for whoever reads the log. Every URL
parameter named in SECRET_PARAMETERS is replaced by «…», found through Django's own URL
resolver, so a new link address is covered by naming its parameter `token`. Query strings are
dropped as well: an address can hold what someone typed."""

import logging

from django.urls import Resolver404, resolve

SECRET_PARAMETERS = ("token", "uidb64")
HIDDEN = "…"


def masked(path: str) -> str:
    path = (path or "").partition("?")[0]
    try:
        match = resolve(path)
    except (Resolver404, ValueError):
        return path
    for name in SECRET_PARAMETERS:
        value = match.kwargs.get(name)
        if value:
            path = path.replace(str(value), HIDDEN)
    return path


def masked_request_line(line: str) -> str:
    """«GET /invitasjon/abc/?x=1 HTTP/1.1» → «GET /invitasjon/…/ HTTP/1.1» (runserver's lines)."""
    parts = line.split(" ")
    if len(parts) == 3 and parts[1].startswith("/"):
        parts[1] = masked(parts[1])
    return " ".join(parts)


class MaskSecretPaths(logging.Filter):
    """For Django's own log lines: «Not Found: /invitasjon/<token>/» and runserver's request lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(_masked_argument(arg) for arg in record.args)
        return True


def _masked_argument(arg):
    if not isinstance(arg, str):
        return arg
    if arg.startswith("/"):
        return masked(arg)
    return masked_request_line(arg) if " /" in arg else arg


try:  # gunicorn is there in production and in the tests; this module must import without it too
    from gunicorn.glogging import Logger
except ImportError:  # pragma: no cover
    Logger = None

if Logger is not None:

    class AccessLogger(Logger):
        """gunicorn's logger, writing addresses without tokens or query strings."""

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            atoms["U"] = masked(atoms.get("U", ""))
            atoms["r"] = masked_request_line(atoms.get("r", ""))
            atoms["q"] = ""
            atoms["f"] = "-"
            return atoms
