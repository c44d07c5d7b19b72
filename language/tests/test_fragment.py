"""The editor's live check: an htmx fragment listing the remarks, a reusable include for any
textarea, and the same remarks after saving without JavaScript."""

import json
import re
from html import unescape as html_unescape
from pathlib import Path

import pytest
from django import forms
from django.template import Context, RequestContext, Template
from django.template.loader import get_template
from django.test import Client, RequestFactory
from django.urls import reverse

from conftest import sign_in
from language.checking import findings_for_fields

pytestmark = pytest.mark.django_db
URL = "/sprak/sjekk/"


def test_url_name():
    assert reverse("language_check") == URL


def test_fragment_lists_phrase_explanation_and_suggestion(alice_client):
    response = alice_client.post(URL, {"text": "Han er en alkoholiker. Du burde ringe."}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "«er en alkoholiker»" in html
    assert "«Du burde»" in html
    assert "Forslag:" in html
    assert "person først" in html.lower()
    assert "2 formuleringer" in html


def test_fragment_reads_the_field_named_in_field(alice_client):
    response = alice_client.post(URL, {"field": "notes", "notes": "Pasienten nekter å spise."})
    assert "«Pasienten nekter»" in response.content.decode()


def test_clean_text_is_quiet(alice_client):
    html = alice_client.post(URL, {"text": "Vi gikk tur og snakket om fiske."}).content.decode()
    assert "Ingen merknader" in html
    assert "<li>" not in html


def test_empty_text_says_nothing(alice_client):
    response = alice_client.post(URL, {"text": "   "})
    assert response.status_code == 200
    assert response.content.decode().strip() == ""
    assert alice_client.post(URL, {}).content.decode().strip() == ""


def test_hostile_text_is_escaped(alice_client):
    html = alice_client.post(URL, {"text": "<script>alert(1)</script> rusmisbrukeren"}).content.decode()
    assert "<script>" not in html
    assert "«rusmisbrukeren»" in html


def test_too_long_text_gets_a_plain_message(alice_client):
    response = alice_client.post(URL, {"text": "a " * 10_001})
    assert response.status_code == 200
    assert "for lang til å sjekkes" in response.content.decode()


def test_long_heavy_text_gets_the_readability_hint(alice_client):
    text = (
        "Gjennomføringen av tverrfaglige samarbeidsmøter forutsetter kontinuerlig informasjonsutveksling "
        "mellom tjenesteyterne og spesialisthelsetjenestens representanter. "
    ) * 5
    html = alice_client.post(URL, {"text": text}).content.decode()
    assert "Teksten er ganske tung å lese (LIX" in html


def test_persons_and_anonymous_users_are_turned_away(client, charlie_client):
    assert charlie_client.post(URL, {"text": "Jeg er narkoman."}).status_code == 403
    anonymous = Client()
    assert anonymous.post(URL, {"text": "hei"}).status_code == 302


def test_get_is_not_allowed(alice_client):
    assert alice_client.get(URL).status_code == 405


def test_fragment_needs_the_csrf_token(alice):
    client = Client(enforce_csrf_checks=True)
    sign_in(client, alice)
    assert client.post(URL, {"text": "hei"}).status_code == 403
    client.get("/")
    token = client.cookies["csrftoken"].value
    assert client.post(URL, {"text": "hei"}, HTTP_X_CSRFTOKEN=token).status_code == 200


class NotesForm(forms.Form):
    notes = forms.CharField(label="Notater", widget=forms.Textarea)


APP_TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "language" / "_live_check.html"


def render_include(user):
    """Render the app's include template as a form template would use it."""
    request = RequestFactory().get("/")
    request.user = user
    template = Template(APP_TEMPLATE.read_text(encoding="utf-8"))
    return template.render(RequestContext(request, {"field": NotesForm(prefix="samtale")["notes"], "user": user}))


def test_forms_get_the_apps_include_and_not_a_stub():
    origin = get_template("language/_live_check.html").origin.name
    assert Path(origin) == APP_TEMPLATE, (
        f"{origin} shadows the language app's live-check include; delete it so forms get the real one."
    )


def test_include_renders_a_live_region_wired_to_the_textarea(alice):
    html = render_include(alice)
    assert 'aria-live="polite"' in html
    assert f'hx-post="{URL}"' in html
    assert 'hx-trigger="keyup changed delay:1s from:#id_samtale-notes, change from:#id_samtale-notes"' in html
    assert 'hx-include="#id_samtale-notes"' in html
    assert json.loads(html_unescape(re.search(r"hx-vals='([^']+)'", html).group(1))) == {"field": "samtale-notes"}
    assert 'hx-target="this"' in html
    token = re.search(r'"X-CSRFToken": "([^"]+)"', html)
    assert token and len(token.group(1)) > 20


def test_include_renders_nothing_for_persons(charlie):
    assert render_include(charlie).strip() == ""


def test_on_save_findings_per_field(alice):
    results = findings_for_fields(
        alice,
        {"Notater": "Rusmisbrukeren kom.", "Neste steg": "Ringe NAV sammen.", "Tom": "", "Rart": None},
    )
    assert list(results) == ["Notater"]
    [item] = results["Notater"].remarks
    assert item["phrase"] == "Rusmisbrukeren"
    assert item["category"] == "labeling"
    html = Template('{% include "language/_saved_findings.html" with results=results %}').render(
        Context({"results": results})
    )
    assert "Notater" in html and "«Rusmisbrukeren»" in html
    assert (
        Template('{% include "language/_saved_findings.html" with results=r %}').render(Context({"r": {}})).strip()
        == ""
    )
