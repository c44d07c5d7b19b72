"""Words a user types never go into an address: a form that sends with GET (its fields end up
in the query string, the browser history and any proxy's log) holds only choices – boxes,
lists, dates – never a field for free text. Free text goes in POST forms."""

import re
from pathlib import Path

from django.conf import settings

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
POSTS = re.compile(r'method="post"', re.I)
FREE_TEXT = re.compile(
    r"<textarea\b[^>]*>|<input\b(?![^>]*type=\"(?:hidden|checkbox|radio|date|submit|number)\")[^>]*>"
    r"|{% include \"content/_field.html\"",
    re.I,
)
# A number typed to filter the organisation's log by person: an id, never words.
ALLOWED = {("people/organisation_log.html", 'name="person"')}


def templates():
    root = Path(settings.BASE_DIR)
    for path in sorted(root.glob("*/templates/**/*.html")) + sorted(root.glob("templates/**/*.html")):
        if ".venv" not in path.parts:
            yield path, str(path.relative_to(root)).split("templates/", 1)[1]


def test_forms_that_send_with_get_have_no_field_for_free_text():
    found = []
    for path, name in templates():
        for attributes, body in FORM.findall(path.read_text()):
            if POSTS.search(attributes):
                continue
            for field in FREE_TEXT.findall(body):
                if not any(name == allowed and mark in field for allowed, mark in ALLOWED):
                    found.append(f"{name}: {field}")
    assert not found, "Skjema som sender med GET har felt for fri tekst:\n" + "\n".join(found)


def test_the_check_finds_a_free_text_field_in_a_get_form():
    # The check itself must be able to fail: a GET form like the one «I dag» once had.
    body = FORM.findall('<form method="get">{% include "content/_field.html" with field=f %}</form>')[0][1]
    assert FREE_TEXT.findall(body)
