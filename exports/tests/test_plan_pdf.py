"""The plan as a PDF the person can take home: it renders, reads well, carries the charts, and is audited."""

import shutil
import subprocess  # nosec B404 - runs poppler's pdftoppm/pdftotext on our own PDF
from pathlib import Path

import pytest
from PIL import Image

from audit.models import AuditEvent
from conversations.testing import plant_conversations
from tests.world import plant_plan

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None,
    reason="pdftoppm mangler: installer Debian-pakken poppler-utils (det gjør .ci/run)",
)


@pytest.fixture
def plan_pdf(charlie_client, charlie_person, tmp_path) -> Path:
    plant_plan(charlie_person, "Turer med hunden")
    plant_conversations(charlie_person, "Turer med hunden")
    response = charlie_client.get(f"/personer/{charlie_person.pk}/plan/plan.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="plan-charlie-dahl.pdf"' in response["Content-Disposition"]
    path = tmp_path / "plan.pdf"
    path.write_bytes(response.content)
    return path


@needs_poppler
def test_the_pdf_pages_render_and_are_not_blank(plan_pdf, tmp_path):
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(plan_pdf), str(tmp_path / "page")], check=True)  # noqa: S603,S607
    pages = sorted(tmp_path.glob("page*.png"))
    assert 1 <= len(pages) <= 6
    for page in pages:
        histogram = Image.open(page).convert("L").histogram()
        dark = sum(histogram[:128])
        enough = 50 if page == pages[-1] else 500  # the last page may hold a single line
        assert dark > enough, f"{page.name} looks blank"


@needs_poppler
def test_the_pdf_says_what_the_plan_says(plan_pdf):
    text = subprocess.run(
        ["pdftotext", "-layout", str(plan_pdf), "-"], check=True, capture_output=True, text=True
    ).stdout  # noqa: S603,S607
    for expected in [
        "Planen til Charlie Dahl",
        "Mål Turer med hunden",
        "Steg Turer med hunden",
        "Nettverket mitt",
        "Min plan for vanskelige dager",
        "Det jeg kan gjøre selv",
        "Del selv Turer med hunden",
        "Det som gjør livet verdt å leve for meg",
        "Del etter Turer med hunden",
        "Uka mi",
        "Samtalene våre",
        "Tar med Turer med hunden",
        "Side 1 av",
    ]:
        assert expected in text, expected


def test_the_person_chooses_what_goes_in_and_the_practitioners_view_only_when_ticked(charlie_client, charlie_person):
    plant_plan(charlie_person, "Turer med hunden")
    plant_conversations(charlie_person, "Turer med hunden")
    url = f"/personer/{charlie_person.pk}/plan/utskrift/"
    default = charlie_client.get(url).content.decode()
    assert "Tar med Turer med hunden" in default  # the person's own look back
    assert "Oppfølging Turer med hunden" not in default and "Fagpersonens blikk:" not in default
    assert 'id="del-fagperson"' in default and 'value="fagperson" id="del-fagperson" checked' not in default
    ticked = charlie_client.get(url, {"valgt": "1", "deler": ["kriseplan", "samtaler", "fagperson"]}).content.decode()
    assert "Oppfølging Turer med hunden" in ticked and "Min plan for vanskelige dager" in ticked
    assert "Mål Turer med hunden" not in ticked and "Ressurskartet" not in ticked.split("</form>")[1]
    assert "plan.pdf?valgt=1&amp;deler=kriseplan&amp;deler=samtaler&amp;deler=fagperson" in ticked


def test_downloading_and_printing_are_audited(charlie_client, charlie_person, alice_client, plan_pdf):
    alice_client.get(f"/personer/{charlie_person.pk}/plan/utskrift/")
    assert AuditEvent.objects.filter(person_id=charlie_person.pk, action="export", object_type="plan_pdf").exists()
    assert AuditEvent.objects.filter(
        person_id=charlie_person.pk, action="print", object_type="plan_print", basis="relation"
    ).exists()


def test_the_print_view_is_the_same_document(charlie_client, charlie_person):
    plant_plan(charlie_person, "Turer med hunden")
    plant_conversations(charlie_person, "Turer med hunden")
    page = charlie_client.get(f"/personer/{charlie_person.pk}/plan/utskrift/").content.decode()
    assert "Planen til Charlie Dahl" in page and "Mål Turer med hunden" in page and "data-print" in page
    assert '<title id="nettverk-tittel">Nettverkskart' in page  # the network map, drawn on the server
