"""A practitioner finds questions in a real browser, on a phone and on a laptop, and every
page passes axe (no serious or critical WCAG 2.1 A/AA violations)."""

import pyotp
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import fits, main_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_signing_in_with_password_and_connecting_a_code_app(page, alice, check_accessibility):
    page.goto("/")
    expect(page).to_have_url("/logg-inn/?next=/")
    check_accessibility(page, "logg-inn")
    page.get_by_label("Brukernavn").fill("alice")
    page.get_by_label("Passord").fill("feil-passord-her")
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_role("alert")).to_contain_text("Brukernavnet eller passordet stemmer ikke")
    page.get_by_label("Passord").fill("en-lang-og-trygg-testfrase")
    page.get_by_role("button", name="Logg inn").click()

    # Staff connect an authenticator app the first time.
    expect(page.get_by_role("heading", name="Koble til app for engangskoder")).to_be_visible()
    check_accessibility(page, "tofaktor-oppsett")
    secret = page.locator("code.secret").inner_text().replace(" ", "")
    page.get_by_label("Engangskode").fill("000000")
    page.get_by_role("button", name="Koble til").click()
    expect(page.get_by_text("Koden stemte ikke")).to_be_visible()
    page.get_by_label("Engangskode").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Koble til").click()
    expect(page.get_by_role("heading", name="Hei, Alice Aas")).to_be_visible()


def test_describing_a_situation_gives_questions_with_reasons(page, alice, sign_in, check_accessibility):
    sign_in(page, alice)
    page.goto("/")
    check_accessibility(page, "forside")
    page.get_by_label("Beskriv situasjonen med egne ord").fill("han har ikke snakket med noen på flere uker")
    page.get_by_label("Fase i samtalen (valgfritt)").select_option(label="Innledende fase")
    page.get_by_role("button", name="Finn spørsmål").first.click()
    expect(page.get_by_text("Det du skriver, ligner på")).to_contain_text("ensomhet og isolasjon")
    expect(page.get_by_text("Hvorfor:").first).to_be_visible()
    expect(page.get_by_role("heading", name="Veiledning for innledende fase")).to_be_visible()
    check_accessibility(page, "forslag")
    assert fits(page)


def test_browsing_filtering_searching_and_keeping_a_favourite(page, alice, sign_in, check_accessibility):
    sign_in(page, alice)
    page.goto("/sporsmal/")
    expect(page.get_by_role("status").first).to_have_text("Viser 112 spørsmål.")
    check_accessibility(page, "sporsmalsbank")

    page.get_by_label("Fase i samtalen").select_option(label="Krise")  # htmx reloads the list
    expect(page.get_by_role("heading", name="Veiledning for krise")).to_be_visible()
    expect(page).to_have_url("/sporsmal/")  # the filters and the search travel in the POST body

    page.get_by_role("link", name="Nullstill").click()
    page.get_by_label("Søk").fill("ensom")  # typing searches as you go
    expect(page.get_by_text("3 spørsmål passer til «ensom»")).to_be_visible()
    check_accessibility(page, "sok-ensom")

    star = page.get_by_role("button", name="Favoritt: Er det perioder eller situasjoner der du føler deg utenfor?")
    expect(star).to_have_attribute("aria-pressed", "false")
    star.click()
    expect(
        page.get_by_role("button", name="Favoritt: Er det perioder eller situasjoner der du føler deg utenfor?")
    ).to_have_attribute("aria-pressed", "true")
    expect(page).to_have_url("/sporsmal/")  # stayed on the page, and «ensom» never went into the address

    main_menu(page).get_by_role("link", name="Favoritter").click()
    expect(page.get_by_role("link", name="Er det perioder eller situasjoner der du føler deg utenfor?")).to_be_visible()
    check_accessibility(page, "favoritter")


@pytest.mark.parametrize(
    "path, heading",
    [
        ("/veiledning/", "Veiledning"),
        ("/veiledning/mi-kjerne/", "Den motiverende samtale"),
        ("/veiledning/ti-metoder/", "10 Praktiske Metoder for Recovery-Orientert Praksis"),
        ("/chime/identity/", "CHIME-element: Identity (Identitet)"),
        ("/sporsmal/C3.3/", "Hva pleide å gi deg kontakt og fellesskap før, som du savner nå?"),
        ("/sporsmal/kort/?theme=H3", "Spørsmålskort"),
    ],
)
def test_guidance_element_question_and_card_pages(page, alice, sign_in, check_accessibility, path, heading):
    sign_in(page, alice)
    page.goto(path)
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    check_accessibility(page, path.strip("/").replace("/", "-").replace("?", "-") or "root")
    assert fits(page), f"{path} scrolls sideways at {page.viewport_size['width']} px"
