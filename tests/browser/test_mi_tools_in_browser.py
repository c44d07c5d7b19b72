"""A person and their care contact explore a change with the ambivalence cross and the rulers, on a
phone and on a laptop; a conflict keeps both texts; every page passes axe."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from conftest import sign_in as sign_in_client
from mitools.models import AmbivalenceCross, RulerReading
from mitools.tests.common import reading
from plans.models import Goal
from tests.browser.conftest import fits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_exploring_a_change_with_the_cross_and_the_rulers(
    page, charlie, charlie_person, alice, sign_in, check_accessibility
):
    Goal.objects.create(person=charlie_person, text="Bli røykfri til sommeren")
    base = f"/personer/{charlie_person.pk}/mi/"
    sign_in(page, charlie)
    page.goto(base)
    check_accessibility(page, "mi-tom")

    page.get_by_role("link", name="Skriv ned for og imot").click()
    page.get_by_label("Hva handler det om?").fill("Røyken")
    page.get_by_label("Hører til målet (valgfritt)").select_option(label="Bli røykfri til sommeren")
    page.get_by_label("Fordeler med «saken»").fill("Roer meg ned")
    page.get_by_label("Ulemper med forandring").fill("Savner pausene med de andre")
    assert fits(page)
    check_accessibility(page, "mi-kors-skjema")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("status")).to_contain_text("Korset er lagret.")
    check_accessibility(page, "mi-kors")

    # The care contact saves a change while the person is still writing: both texts are shown.
    page.get_by_role("link", name="Endre").click()
    expect(page.get_by_label("Fordeler med «saken»")).to_have_value("Roer meg ned")  # the form holds version 0
    cross = AmbivalenceCross.objects.get()
    sign_in_client(Client(), alice).post(
        f"{base}kors/{cross.pk}/endre/", {"topic": "Røyken", "pros_now": "Roer meg ned etter jobb", "version": 0}
    )
    page.get_by_label("Fordeler med «saken»").fill("Roer meg, og det er sosialt")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("heading", name="Noen andre lagret samtidig")).to_be_visible()
    expect(page.get_by_text("Roer meg ned etter jobb").first).to_be_visible()
    expect(page.get_by_label("Fordeler med «saken»")).to_have_value("Roer meg, og det er sosialt")
    check_accessibility(page, "mi-konflikt")
    page.get_by_role("button", name="Lagre det som står i skjemaet").click()
    expect(page.get_by_role("heading", name="Tidligere utgaver")).to_be_visible()
    page.get_by_text("Utgave 2").click()
    expect(page.get_by_text("Roer meg ned etter jobb")).to_be_visible()
    check_accessibility(page, "mi-kors-historikk")

    # Rulers, twice, so the topic gets its timeline.
    reading(charlie_person, "Røyken", 5, 2, days_ago=14, author=charlie)
    page.get_by_role("link", name="Ny måling om dette").click()
    expect(page.get_by_label("Hva handler det om?")).to_have_value("Røyken")
    page.get_by_role("group", name="Hvor viktig er det for deg?").get_by_label("8", exact=True).check()
    page.get_by_role("group", name="Hvor sikker er du på at du får det til").get_by_label("4", exact=True).check()
    page.get_by_role("textbox", name="Hvorfor ikke lavere? Hva gjør at det er så viktig").fill("Helsa og pengene")
    page.get_by_role("textbox", name="Hva skal til for å komme ett hakk opp?").last.fill("En å gå tur med")
    assert fits(page)
    check_accessibility(page, "mi-linjal-skjema")
    page.get_by_role("button", name="Lagre målingen").click()
    expect(page.get_by_text("Helsa og pengene")).to_be_visible()
    expect(page.get_by_role("img", name="Hvor viktig og hvor sikker over tid: Røyken")).to_be_visible()
    check_accessibility(page, "mi-linjal")
    page.goto(base)
    expect(page.get_by_role("heading", name="Røyken", level=2)).to_be_visible()
    assert fits(page)
    check_accessibility(page, "mi-oversikt")
    assert RulerReading.objects.count() == 2 and AmbivalenceCross.objects.get().revisions.count() == 3
