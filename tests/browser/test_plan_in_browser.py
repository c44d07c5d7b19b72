"""A person and their care contact build a whole plan together in the browser – on a phone and on a
laptop – and every page passes axe."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from plans.models import CrisisContact, Goal, NetworkEntry, ResourceEntry, Step, WeekActivity, Win
from tests.browser.conftest import fits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_and_their_contact_build_a_plan_together(
    page, browser, charlie, charlie_person, alice, sign_in, check_accessibility
):
    base = f"/personer/{charlie_person.pk}/plan/"

    # The person starts, on their own phone or laptop.
    sign_in(page, charlie)
    page.goto("/min-side/")
    expect(page.get_by_role("heading", name="Hei, Charlie Dahl")).to_be_visible()
    check_accessibility(page, "min-side-tom")
    page.get_by_role("link", name="Skriv ditt første mål").click()
    page.get_by_label("Målet, med dine egne ord").fill("Jeg vil gå en tur uten å bli redd")
    page.get_by_label("Håp – at ting kan bli bedre").check()
    page.get_by_role("button", name="Lagre").click()
    # The new goal opens on the goal, with a small step ready to be written.
    expect(page.get_by_role("status")).to_contain_text("Målet er lagt til")
    expect(page.get_by_role("heading", name="Jeg vil gå en tur uten å bli redd")).to_be_visible()
    page.get_by_label("Et lite, realistisk steg").fill("Gå til postkassen og tilbake")
    page.get_by_role("button", name="Legg til steget").click()
    expect(page.get_by_role("status")).to_contain_text("Steget er lagt til")
    check_accessibility(page, "mal")
    page.goto(base)
    check_accessibility(page, "plan-oversikt")

    # The care contact adds to the same plan; both are shown as authors.
    contact = browser.new_context(viewport=page.viewport_size, base_url=page.url.split("/personer")[0])
    contact_page = contact.new_page()
    contact_page.viewport_name = page.viewport_name
    contact_page.console_errors = []
    sign_in(contact_page, alice)
    goal = Goal.objects.get()
    contact_page.goto(f"{base}mal/{goal.pk}/")
    contact_page.get_by_role("link", name="Legg til delmål").click()
    contact_page.get_by_label("Delmål").fill("Gå rundt kvartalet sammen med Alice")
    contact_page.get_by_role("button", name="Lagre").click()
    expect(contact_page.locator("#subgoals-heading ~ ul")).to_contain_text("Gå rundt kvartalet sammen med Alice")
    contact.close()

    # Done and celebrated.
    page.goto(f"{base}mal/{goal.pk}/")
    expect(page.locator("#subgoals-heading ~ ul")).to_contain_text("Gå rundt kvartalet sammen med Alice")
    # Ticked and celebrated in place, one tap each: no page in between (htmx swaps the row).
    page.get_by_role("button", name="Merk som gjort: Gå til postkassen og tilbake").click()
    expect(page.get_by_role("status").first).to_contain_text("Steget er gjort. Vil du feire det?")
    expect(page.get_by_role("button", name="Gjort – merk som ikke gjort: Gå til postkassen og tilbake")).to_be_focused()
    check_accessibility(page, "feire")
    page.get_by_role("button", name="Feire «Gå til postkassen og tilbake»").click()
    expect(page.get_by_role("status").first).to_contain_text("Feiret! Det står nå blant seirene dine.")
    expect(page.locator(f"#steg-{Step.objects.get().pk}")).to_contain_text("feiret ★")
    assert page.url.endswith(f"mal/{goal.pk}/")  # the same page all along
    assert Win.objects.filter(step__goal=goal).exists() and Step.objects.get().done_at is not None

    # The maps, the crisis plan and the week – all forms, no JavaScript needed.
    page.goto(f"{base}ressurser/")
    page.get_by_label("Hva slags ressurs").select_option(label="Mestringsstrategier")
    page.get_by_label("Ressurs", exact=True).fill("Musikk på øret")
    page.get_by_role("button", name="Legg til").click()
    check_accessibility(page, "ressurser")
    page.goto(f"{base}nettverk/")
    page.get_by_label("Hvem eller hva").fill("Søsteren min")
    page.get_by_label("Hvor nær").select_option(label="Nær")
    page.get_by_label("Slik når du dem (valgfritt)").fill("900 00 000")
    page.get_by_role("button", name="Legg til").click()
    expect(page.locator("svg[role=img] circle").nth(4)).to_be_visible()
    check_accessibility(page, "nettverk")
    page.goto(f"{base}kriseplan/")
    page.get_by_role("link", name="Legg til et tegn").click()
    page.get_by_role("textbox", name="Tegn på at det begynner å bli vanskelig").fill("Jeg slutter å svare på telefonen")
    page.get_by_role("button", name="Lagre").click()
    page.get_by_role("link", name="Legg til – Hvem jeg kan spørre om hjelp").click()
    page.get_by_label("Fra nettverkskartet (valgfritt)").select_option(label="Søsteren min")
    page.get_by_role("button", name="Lagre").click()
    page.get_by_role("link", name="Skriv – Det jeg kan gjøre selv").click()
    page.get_by_label("Det jeg kan gjøre selv").fill("Musikk og en rolig tur")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("status")).to_contain_text("«Det jeg kan gjøre selv» er lagret")
    check_accessibility(page, "kriseplan")
    page.goto(f"{base}uke/")
    page.get_by_label("Dag", exact=True).select_option(label="Onsdag")
    page.get_by_label("Tid på dagen").select_option(label="Kveld")
    page.get_by_label("Hva", exact=True).fill("Turgruppa")
    page.get_by_role("button", name="Legg til").click()
    check_accessibility(page, "uke")
    assert fits(page)

    page.goto(f"{base}24-timer/")
    page.get_by_label("Hva er viktig de neste 24 timene?").fill("Ringe søsteren min")
    page.get_by_role("button", name="Legg til").click()
    check_accessibility(page, "24-timer")
    page.goto("/min-side/")
    # Today's goal is ticked off on «Min side» itself, in one tap.
    page.get_by_role("button", name="Merk som gjort: Ringe søsteren min").click()
    expect(page.get_by_role("status").first).to_contain_text("Gjort!")
    expect(page.get_by_role("button", name="Gjort – merk som ikke gjort: Ringe søsteren min")).to_be_focused()
    assert page.url.endswith("/min-side/")
    check_accessibility(page, "min-side")
    page.goto(f"{base}utskrift/")
    expect(page.get_by_role("heading", name="Planen til Charlie Dahl")).to_be_visible()
    check_accessibility(page, "utskrift")
    page.goto(f"{base}ip/")
    check_accessibility(page, "ip")

    assert ResourceEntry.objects.count() == 1 and NetworkEntry.objects.count() == 1
    assert CrisisContact.objects.get().name == "Søsteren min" and WeekActivity.objects.get().weekday == 2


def test_a_conflict_shows_both_versions_in_the_browser(
    page, charlie, charlie_person, alice, sign_in, check_accessibility
):
    goal = Goal.objects.create(
        person=charlie_person, text="Sove bedre", target_date=timezone.localdate() + timedelta(days=30)
    )
    sign_in(page, charlie)
    page.goto(f"/personer/{charlie_person.pk}/plan/mal/{goal.pk}/endre/")
    from django.test import Client

    from conftest import sign_in as sign_in_client

    sign_in_client(Client(), alice).post(
        f"/personer/{charlie_person.pk}/plan/mal/{goal.pk}/endre/",
        {"text": "Sove bedre, legge meg før midnatt", "status": "underveis", "version": 0},
    )
    page.get_by_label("Målet, med dine egne ord").fill("Sove bedre og stå opp før ni")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("heading", name="Noen andre lagret samtidig")).to_be_visible()
    expect(page.get_by_text("Sove bedre, legge meg før midnatt").first).to_be_visible()
    expect(page.get_by_label("Målet, med dine egne ord")).to_have_value("Sove bedre og stå opp før ni")
    check_accessibility(page, "konflikt")
