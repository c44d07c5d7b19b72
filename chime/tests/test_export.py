"""The CHIME section of the printed plan and the PDF: the radar and the timelines as inline SVG,
the numbers as tables, the person's own words – and it really comes out of WeasyPrint."""

import re
import shutil
import subprocess  # nosec B404 - runs poppler's pdftotext on our own PDF
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template import Context, Template

from chime.export import export_context
from chime.testing import plant_ratings
from chime.tests.common import rating

pytestmark = pytest.mark.django_db
DOCUMENT = Template(
    '{% include "exports/_document_head.html" with title="Planen min" %}<body class="document"><main>'
    '{% include "chime/_export_section.html" %}</main></body></html>'
)


def section(person, **extra) -> str:
    return DOCUMENT.render(Context({**export_context(person), "person": person, "for_pdf": True, **extra}))


def test_the_section_has_the_charts_inline_and_the_numbers_as_tables(charlie_person):
    rating(charlie_person, 1, 2, 3, 4, 5, days_ago=20)
    rating(charlie_person, 6, 7, 8, 9, 10, hope_comment="Mer lys nå", note="Fin høst")
    html = section(charlie_person)
    assert "<h2>Slik har jeg hatt det</h2>" in html and "tallene er ikke en karakter" in html
    assert html.count('role="img"') == 6 and "<title id=" in html and "<desc id=" in html
    assert "<caption>Tallene i diagrammet</caption>" in html and "<caption>Alle vurderingene</caption>" in html
    assert 'Håp (7):</strong> <span class="text">Mer lys nå' in html and "Fin høst" in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "ids in the document are unique"


def test_an_empty_section_says_so(charlie_person):
    assert "Ingen vurderinger ennå." in section(charlie_person)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext mangler (Debian-pakken poppler-utils)")
def test_the_section_comes_out_of_weasyprint(charlie_person, tmp_path):
    from weasyprint import CSS, HTML

    from medvandrer.documents import DOCUMENT_CSS, _refuse_fetch

    plant_ratings(charlie_person, "Kanari-i-PDF")
    rating(charlie_person, 3, 3, 3, 3, 3, days_ago=30)
    css = CSS(string=Path(finders.find(DOCUMENT_CSS)).read_text(encoding="utf-8"))
    pdf = tmp_path / "chime.pdf"
    pdf.write_bytes(HTML(string=section(charlie_person), url_fetcher=_refuse_fetch).write_pdf(stylesheets=[css]))
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout  # noqa: S603,S607
    assert "Slik har jeg hatt det" in text and "Tilhørighet" in text and "Å bestemme selv" in text
    assert "Kanari-i-PDF" in text
