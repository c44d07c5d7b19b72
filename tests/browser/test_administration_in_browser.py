"""In the browser, on a phone: a team leader invites a new colleague and hands a person over to
them; the colleague opens the welcome link, chooses a password and goes on to connect an app."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_invite_a_colleague_and_hand_a_person_over(page, browser, live_server, lise, alice, charlie_person, sign_in,
                                                    check_accessibility):  # fmt: skip
    sign_in(page, lise)
    page.goto("/organisasjon/")
    page.get_by_role("link", name=re.compile("^Ansatte")).click()
    page.get_by_role("link", name="Inviter en ny ansatt").click()
    page.get_by_label("Fullt navn").fill("Mona Berg")
    page.get_by_label("Brukernavn").fill("mona.berg")
    page.get_by_label("Rolle").select_option(label="Fagperson / miljøarbeider")
    page.get_by_label("Aktivitet").check()
    page.get_by_role("button", name="Lag invitasjon").click()
    expect(page.get_by_role("heading", name="Invitasjon til Mona Berg")).to_be_visible()
    check_accessibility(page, "invitasjon-til-ansatt")
    link = page.get_by_label("Invitasjonslenken").input_value()

    # The colleague, on their own phone.
    theirs = browser.new_context(viewport={"width": 375, "height": 740}, locale="nb-NO")
    newcomer = theirs.new_page()
    newcomer.console_errors = []
    newcomer.viewport_name = "phone"
    newcomer.goto(link)
    expect(newcomer.get_by_role("heading", name="Velkommen til Medvandrer, Mona Berg")).to_be_visible()
    check_accessibility(newcomer, "velkommen-ny-ansatt")
    newcomer.get_by_label("Nytt passord", exact=True).fill("Solrik-morgen-ved-elva")
    newcomer.get_by_label("Nytt passord en gang til").fill("Solrik-morgen-ved-elva")
    newcomer.get_by_role("button", name=re.compile("Lagre")).click()
    expect(newcomer.get_by_role("heading", name=re.compile("app", re.I))).to_be_visible()
    theirs.close()
    assert User.objects.get(username="mona.berg").check_password("Solrik-morgen-ved-elva")

    # Charlie goes over from Alice to Mona.
    page.goto(f"/organisasjon/personer/{charlie_person.pk}/")
    page.get_by_label("Hvem tar over").select_option(label="Mona Berg")
    page.get_by_label("Beskjed til personen").fill("Alice slutter, og Mona tar over. Mona ringer deg.")
    page.get_by_role("button", name="Overlever").click()
    expect(page.get_by_role("status")).to_contain_text("Mona Berg tar over fra")
    check_accessibility(page, "kontakter-etter-overgang")
