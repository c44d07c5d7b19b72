"""The one-page crisis card for the wallet or the fridge: print view and PDF, audited."""

import shutil
import subprocess  # nosec B404 - runs poppler's pdfinfo/pdftotext on our own PDF

import pytest

from audit.models import AuditEvent
from plans.models import CrisisContact, CrisisPlan, CrisisPlanPart, WarningSign

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(
    shutil.which("pdfinfo") is None, reason="pdfinfo mangler: installer Debian-pakken poppler-utils (det gjør .ci/run)"
)


@pytest.fixture
def full_plan(charlie_person):
    plan = CrisisPlan.objects.create(person=charlie_person)
    for sign in ["Sover dårlig", "Slutter å svare på telefonen", "Blir irritabel", "Drikker mer", "Går ikke ut"]:
        WarningSign.objects.create(person=charlie_person, plan=plan, sign=sign, what_to_do="Ringe Lise " * 8)
    for key in ["selv", "verdt-a-leve", "tryggere", "etter", "bra", "motes"]:
        CrisisPlanPart.objects.create(person=charlie_person, plan=plan, key=key, text=f"Tekst for {key}. " * 40)
    for n in range(6):
        CrisisContact.objects.create(
            person=charlie_person, plan=plan, name=f"Kontakt {n}", how_to_reach=f"91{n} 00 000", group="hjelp"
        )
    return plan


def test_the_print_view_has_the_steps_and_numbers(alice_client, charlie_person, full_plan):
    page = alice_client.get(f"/personer/{charlie_person.pk}/plan/kriseplan/kort/").content.decode()
    assert "Når det er vanskelig" in page and "Sover dårlig" in page and 'href="tel:+4791000000"' in page
    assert "Kontakt 4" not in page  # a card holds the first few, not everything
    assert AuditEvent.objects.filter(person_id=charlie_person.pk, object_type="crisis_card", action="print").exists()


@needs_poppler
def test_the_pdf_is_one_page_even_for_a_full_plan(charlie_client, charlie_person, full_plan, tmp_path):
    response = charlie_client.get(f"/personer/{charlie_person.pk}/plan/kriseplan/kort.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "kort.pdf"
    pdf.write_bytes(response.content)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout  # noqa: S603,S607
    assert "Pages:           1" in info
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout  # noqa: S603,S607
    for expected in ["Når det er vanskelig", "113", "116 123", "22 40 00 40", "Kontakt 0"]:
        assert expected in text
    assert AuditEvent.objects.filter(person_id=charlie_person.pk, object_type="crisis_card", action="export").exists()
