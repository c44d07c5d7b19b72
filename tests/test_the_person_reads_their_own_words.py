"""One vocabulary (language/data/words.toml, docs/WORDS.md): no page the person sees holds a word
from the staff-only list. Every page of the URL map the person may open is read, as the person,
with the authorization matrix's world (a plan, ratings, MI tools, a conversation, evaluations)."""

import html
import re
from pathlib import Path

import pytest
from django.conf import settings

from language.words import staff_only_forms, words
from tests.test_authorization_matrix import concrete_path, rule_for, signed_in_client, url_patterns, world  # noqa: F401

pytestmark = pytest.mark.django_db


def visible_text(body: str) -> str:
    """What the person reads or hears: the page's text without scripts, styles and tags (text
    hidden visually but read out by a screen reader counts)."""
    body = re.sub(r"(?is)<(script|style|template)\b.*?</\1>", " ", body)
    body = re.sub(r"(?s)<!--.*?-->", " ", body)
    titles = " ".join(re.findall(r'(?i)\b(?:aria-label|title|alt)="([^"]*)"', body))
    return html.unescape(re.sub(r"<[^>]+>", " ", body) + " " + titles)


def test_no_page_the_person_sees_holds_a_staff_only_word(world):  # noqa: F811
    client = signed_in_client(world, "self")
    forms = staff_only_forms()
    pattern = re.compile(r"(?i)(?<![\wæøå])(" + "|".join(map(re.escape, forms)) + r")(?![\wæøå])")
    read, found = 0, []
    for key, route in url_patterns():
        if key.startswith(("admin:", "content:")) or 200 not in rule_for(key).expect("self", "get"):
            continue  # content: the question bank and guidance, the seeds' own words (docs/WORDS.md)
        response = client.get(concrete_path(route, world))
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        read += 1
        text = visible_text(response.content.decode())
        for match in pattern.finditer(text):
            around = " ".join(text[max(0, match.start() - 50) : match.end() + 30].split())
            found.append(f"{key}: «{match.group(0)}» (skriv «{forms[match.group(0).lower()]}») … {around} …")
    assert read >= 25, f"only {read} pages read as the person"
    assert not found, "Ord for fagfolk på personens sider:\n" + "\n".join(found)


def test_the_glossary_in_docs_is_the_data_file():
    doc = (Path(settings.BASE_DIR) / "docs" / "WORDS.md").read_text()
    for word in words().values():
        assert f"| {word.staff} | {word.person} |" in doc, f"docs/WORDS.md mangler «{word.staff}»"
