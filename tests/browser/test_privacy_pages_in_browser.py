"""The person controls who sees their data, on a phone as well as a laptop: consent, blocks and the
access log, with axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD, make_user
from conftest import sign_in as sign_in_client
from people.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_gives_and_withdraws_consent_and_blocks_someone(
    page, charlie, charlie_person, alice, check_accessibility
):
    Team.objects.create(organisation=charlie.organisation, name="Arbeidstrening")
    page.goto("/logg-inn/")
    page.get_by_label("Brukernavn").fill("charlie")
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("heading", name="Hei, Charlie Dahl")).to_be_visible()
    check_accessibility(page, "min-side")

    page.get_by_role("link", name="Om meg og personvern").first.click()
    expect(page.get_by_role("heading", name="Om meg og personvern")).to_be_visible()
    check_accessibility(page, "om-meg-og-personvern")
    page.get_by_role("link", name="Samtykke: bestem hvilke team som får se planen din").click()
    check_accessibility(page, "samtykke")
    page.get_by_label("Team").select_option(label="Arbeidstrening")
    page.get_by_label("Gjelder til og med").fill((timezone.localdate() + timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Gi samtykke").click()
    expect(page.get_by_role("status")).to_contain_text("Arbeidstrening kan nå se planen din")
    page.get_by_role("button", name="Trekk tilbake").click()
    expect(page.get_by_role("status")).to_contain_text("er trukket tilbake. Det gjelder fra nå.")
    check_accessibility(page, "samtykke-trukket")

    page.goto(f"/personer/{charlie_person.pk}/sperrer/")
    check_accessibility(page, "sperrer")
    page.get_by_label("Hvem vil du sperre?").select_option(label="Alice Aas (fagperson / miljøarbeider)")
    page.get_by_role("button", name="Sperr", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("Alice Aas er sperret")


def test_the_access_log_reads_well_on_a_phone(page, charlie, charlie_person, alice, bob, sign_in, check_accessibility):
    from django.test import Client

    staff = sign_in_client(Client(), alice)
    for _ in range(3):
        staff.get(f"/personer/{charlie_person.pk}/")
    staff.post(f"/personer/{charlie_person.pk}/om-meg/", {"about": "Skrevet sammen på huset", "version": 0})
    sign_in_client(Client(), bob).get(f"/personer/{charlie_person.pk}/")  # stopped: no relation, no consent
    sign_in(page, charlie)
    page.goto(f"/personer/{charlie_person.pk}/innsyn/")
    expect(page.get_by_role("heading", name="Hvem har sett mine opplysninger")).to_be_visible()
    expect(page.get_by_role("heading", name="I dag")).to_be_visible()
    expect(page.get_by_text("endret «Om meg» i dag")).to_be_visible()
    expect(page.get_by_text("ble stoppet fra å åpne oversikten din i dag")).to_be_visible()
    reads = page.locator("summary", has_text="så oversikten din 3 ganger i dag")
    expect(reads).to_be_visible()
    times = page.locator("details", has=reads).locator(".log-times li")
    expect(times.first).to_be_hidden()
    check_accessibility(page, "innsyn")
    reads.click()
    expect(times).to_have_count(3)
    expect(times.first).to_contain_text("så oversikten din (grunnlag: fast kontakt)")
    check_accessibility(page, "innsyn-hver-gang")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")

    page.get_by_label("Hva").select_option(label="Ble stoppet")
    page.get_by_role("button", name="Vis").click()
    expect(page.get_by_text("ble stoppet fra å åpne oversikten din i dag")).to_be_visible()
    expect(page.get_by_text("endret «Om meg» i dag")).to_have_count(0)
    page.get_by_label("Hvem").select_option(label="Alice Aas (fagperson / miljøarbeider)")
    page.get_by_label("Hva").select_option(label="Alt")
    page.get_by_role("button", name="Vis").click()
    expect(page.get_by_text("endret «Om meg» i dag")).to_be_visible()
    expect(page.locator(".log-groups").get_by_text("Bob Berg")).to_have_count(0)
    check_accessibility(page, "innsyn-filter")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_staff_see_the_person_and_write_about_them_together(page, alice, charlie_person, sign_in, check_accessibility):
    sign_in(page, alice)
    page.goto("/personer/")
    check_accessibility(page, "personer")
    page.get_by_role("link", name="Charlie Dahl").click()
    expect(page.get_by_text("Du har tilgang som fast kontakt")).to_be_visible()
    check_accessibility(page, "person-for-ansatt")
    page.get_by_role("link", name="Skriv «Om meg»").click()
    page.get_by_label("Om meg").fill("Liker fotball. Vil bli møtt med humor.")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text("Liker fotball. Vil bli møtt med humor.")).to_be_visible()


def test_account_and_erase_pages(page, charlie, charlie_person, sign_in, check_accessibility):
    sign_in(page, charlie)
    page.goto("/konto/")
    check_accessibility(page, "konto")
    page.goto(f"/personer/{charlie_person.pk}/slett/")
    check_accessibility(page, "slett")
    page.get_by_label("Skriv SLETT for å bekrefte").fill("slett")
    page.get_by_role("button", name="Slett alt om meg").click()
    expect(page.get_by_role("heading", name="Opplysningene dine er slettet")).to_be_visible()
    check_accessibility(page, "slettet")


def test_a_team_leader_reads_the_organisation_log(
    page, organisation, alice, charlie_person, check_accessibility, sign_in
):
    from django.test import Client

    lise = make_user("lise", "teamleder", organisation, "Lise Lie")
    sign_in(page, lise)
    sign_in_client(Client(), alice).get(f"/personer/{charlie_person.pk}/")
    page.goto("/organisasjon/logg/")
    expect(page.get_by_role("cell", name="Alice Aas").first).to_be_visible()
    check_accessibility(page, "organisasjonslogg")
