"""The MI section of the printed plan and the PDF: crosses in the seed's four fields, rulers with the
person's answers, a timeline per topic as inline SVG with its numbers – and it comes out of WeasyPrint."""

import re
import shutil
import subprocess  # nosec B404 - runs poppler's pdftotext on our own PDF
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.template import Context, Template

from mitools.export import export_context
from mitools.testing import plant_mitools
from mitools.tests.common import cross, reading

pytestmark = pytest.mark.django_db
DOCUMENT = Template(
    '{% include "exports/_document_head.html" with title="Planen min" %}<body class="document"><main>'
    '{% include "mitools/_export_section.html" %}</main></body></html>'
)


def section(person) -> str:
    return DOCUMENT.render(Context({**export_context(person), "person": person, "for_pdf": True}))


def test_the_section_shows_crosses_rulers_and_timelines(charlie_person):
    cross(charlie_person, "Røyken", pros_now="Roer meg", cons_change="Savner pausene")
    reading(charlie_person, "Røyken", 4, 2, days_ago=30, importance_one_up="Mer penger")
    reading(charlie_person, "røyken", 7, None, confidence_not_lower="Klarte det før")
    reading(charlie_person, "Trening", 5, 5)
    html = section(charlie_person)
    assert "Tanker om forandring" in html
    assert "Fordeler med «saken»" in html and "Roer meg" in html and "Savner pausene" in html
    assert "Mer penger" in html and "Klarte det før" in html
    assert html.count('role="img"') == 1  # only Røyken has more than one reading
    assert "<title id=" in html and "<desc id=" in html
    ids = re.findall(r' id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_an_empty_section_says_so(charlie_person):
    assert "Ingen kors eller målinger ennå." in section(charlie_person)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext mangler (Debian-pakken poppler-utils)")
def test_the_section_comes_out_of_weasyprint(charlie_person, tmp_path):
    from weasyprint import CSS, HTML

    from medvandrer.documents import DOCUMENT_CSS, _refuse_fetch

    plant_mitools(charlie_person, "Kanari-i-PDF")
    reading(charlie_person, "Tema Kanari-i-PDF", 2, 3, days_ago=20)
    css = CSS(string=Path(finders.find(DOCUMENT_CSS)).read_text(encoding="utf-8"))
    pdf = tmp_path / "mi.pdf"
    pdf.write_bytes(HTML(string=section(charlie_person), url_fetcher=_refuse_fetch).write_pdf(stylesheets=[css]))
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout  # noqa: S603,S607
    assert "Ulemper med forandring" in text and "Kanari-i-PDF" in text and "Hvor sikker" in text
