"""«Jeg har det vanskelig nå»: one tap from every page of the person's tool, their own steps
in their own order, whom to call with tap-to-call, and the national numbers – for anyone."""

import pytest
from django.test import Client

from audit.models import AuditEvent
from crisis.kept import still_theirs
from plans.models import CrisisContact, CrisisPlan, CrisisPlanPart

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(charlie_person, charlie):
    plan = CrisisPlan.objects.create(person=charlie_person, created_by=charlie)
    for key, text in [("selv", "Dusje og høre på musikk"), ("verdt-a-leve", "Hunden min Rex"), ("motes", "Rolig")]:
        CrisisPlanPart.objects.create(person=charlie_person, plan=plan, key=key, text=text)
    CrisisContact.objects.create(
        person=charlie_person, plan=plan, name="Lise", how_to_reach="912 34 567", group="hjelp"
    )
    return plan


def test_the_person_sees_their_own_steps_in_their_own_order_and_can_tap_to_call(charlie_client, plan):
    page = charlie_client.get("/vanskelig/").content.decode()
    # The safety plan's own order until the person chooses another: what I can do, whom to ask, reasons for living.
    assert page.index("Dusje og høre på musikk") < page.index("Lise") < page.index("Hunden min Rex")
    assert '<a class="tel" href="tel:+4791234567">912 34 567</a>' in page
    assert "Rolig" not in page  # «Slik vil jeg bli møtt» is for others to read, not for the moment
    for dialled in ("tel:113", "tel:116117", "tel:116123", "tel:+4722400040"):
        assert f'href="{dialled}"' in page
    plan.part_order = ["verdt-a-leve", "selv"]
    plan.save()
    page = charlie_client.get("/vanskelig/").content.decode()
    assert page.index("Hunden min Rex") < page.index("Dusje og høre på musikk")


def test_opening_it_is_in_the_persons_access_log_and_never_cached(charlie_client, charlie_person, plan):
    response = charlie_client.get("/vanskelig/")
    assert response["Cache-Control"].startswith("no-store") or "no-cache" in response["Cache-Control"]
    assert still_theirs(response["X-Medvandrer-Personal"])  # the owner tag: see test_kept_page_is_forgotten.py
    assert AuditEvent.objects.filter(person_id=charlie_person.pk, object_type="hard_now", action="read").exists()


def test_signed_out_or_staff_it_shows_the_numbers_and_nothing_personal(alice_client, plan):
    for client in (Client(), alice_client):
        response = client.get("/vanskelig/")
        page = response.content.decode()
        assert response.status_code == 200 and 'href="tel:113"' in page
        assert "Dusje" not in page and "X-Medvandrer-Personal" not in response


def test_the_button_is_on_every_page_of_the_persons_tool(charlie_client, charlie_person):
    for path in ["/min-side/", f"/personer/{charlie_person.pk}/plan/", f"/personer/{charlie_person.pk}/", "/konto/"]:
        page = charlie_client.get(path).content.decode()
        assert page.count('href="/vanskelig/"') >= 1 and "Jeg har det vanskelig nå" in page, path


def test_a_person_without_a_plan_still_gets_the_numbers(charlie_client):
    page = charlie_client.get("/vanskelig/").content.decode()
    assert "Du har ikke skrevet noe i planen for vanskelige dager ennå" in page and 'href="tel:116123"' in page


def test_the_offline_page_says_plainly_what_is_stored_on_the_phone(charlie_client, plan):
    page = charlie_client.get("/vanskelig/").content.decode()
    assert "denne ene siden" in page and "Den slettes når du logger ut" in page
    assert "oppdatert hver gang du åpner den mens du er logget inn" in page
    assert "på 90 dager, slettes den av seg selv" in page
    assert "«Logg ut på alle enheter»" in page and "neste gang den er på nett" in page
    worker = charlie_client.get("/vanskelig/sw.js")
    assert worker["Content-Type"].startswith("application/javascript")
    assert "medvandrer-vanskelig-v2" in worker.content.decode()
    assert f"MAX_AGE_MS = {90 * 24 * 3600 * 1000};" in worker.content.decode()


def test_signing_out_clears_what_was_kept_on_the_device(charlie_client):
    response = charlie_client.post("/logg-ut/")
    assert response["Clear-Site-Data"] == '"cache", "storage"'
