"""A region's worth of fictional data, written in bulk, for the scale benchmark.

`manage.py scale_data` (demo/management/commands/scale_data.py) is the command; the parts:

    demo/scale/texts.py     the word lists (everything is made up)
    demo/scale/loader.py    bulk writing: rows as tuples, ids chosen here, COPY on PostgreSQL
    demo/scale/build.py     the generator: tables, the region, organisations and staff
    demo/scale/person.py    one person and everything that belongs to them

This module holds what the benchmarks and tests need to know about the generated users.
Organisations get the slug prefix `fiktiv-skala`, users the username prefix
`fiktiv-skala<run>-`: that is the marker the command's refusals look for. All users share
one password (SCALE_PASSWORD, hashed once) and staff have a two-factor secret derived from
their username (`scale_secret`), so the benchmark can sign in through the real form.
"""

import base64
import hashlib

MARKER = "fiktiv-skala"
FICTIONAL_NUMBER = "900 00 000"  # the placeholder plans/sample.py uses too
SCALE_PASSWORD = "fiktiv-skala-passord-2026"  # noqa: S105 - fictional benchmark logins, refused in production
STAFF_PER_ORG = 100
PERSONS_PER_ORG = 1000


def scale_secret(username: str) -> str:
    """The two-factor secret of a generated user: the benchmark computes it from the username."""
    return base64.b32encode(hashlib.sha256(f"medvandrer-scale-{username}".encode()).digest()[:20]).decode()


def staff_username(run: int, number: int) -> str:
    return f"{MARKER}{run}-ansatt-{number:05d}"


def person_username(run: int, number: int) -> str:
    return f"{MARKER}{run}-person-{number:05d}"
