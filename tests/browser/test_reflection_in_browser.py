"""A practitioner keeps her week in the journal on a phone and on a laptop: writes, picks a
method, checks herself honestly, saves, reads it back and deletes it – every page passes axe
and fits the screen."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_week_in_the_journal(page, alice, sign_in, check_accessibility):
    from django.test import Client
    from playwright.sync_api import expect

    from reflection.models import JournalEntry
    from tests.browser.conftest import fits

    sign_in(page, alice)
    page.goto("/refleksjon/")
    expect(page.get_by_role("heading", name="Denne uka")).to_be_visible()
    check_accessibility(page, "refleksjon-tom")
    assert fits(page)

    page.get_by_role("link", name="Skriv for denne uka").click()
    expect(page.get_by_role("heading", name="Denne uka", level=1)).to_be_visible()
    check_accessibility(page, "refleksjon-uke-tom")
    assert fits(page)
    page.get_by_label("Hvordan har jeg bidratt til økt håp denne uka?").fill("Kari fikk lede turen i dag.")
    page.get_by_label("Om Makt").fill("Agendaen var mest min. Neste gang spør jeg først.")
    page.locator("li.method-option", has_text="Bygg Relasjonen før du Bygger Planen").locator("summary").click()
    expect(page.get_by_text("Lytt for å forstå, ikke for å svare.")).to_be_visible()
    page.get_by_label("Bygg Relasjonen før du Bygger Planen").check()
    page.get_by_label("Slik vil jeg prøve den denne uka").fill("Ti minutter prat uten skjema hver morgen.")
    page.get_by_role("group", name="Overstyring").get_by_label("Litt").check()
    page.get_by_label("Hva vil jeg gjøre i stedet? (Overstyring)").fill("Spørre hva hun tenker først.")
    page.get_by_role("button", name="Lagre uka").click()

    expect(page.get_by_role("status")).to_contain_text("Lagret.")
    expect(page.get_by_role("heading", name="Denne uka: Bygg Relasjonen før du Bygger Planen")).to_be_visible()
    check_accessibility(page, "refleksjon-uke-lagret")
    assert fits(page)
    entry = JournalEntry.objects.get()
    assert entry.method_key == "metode-3" and entry.self_check["overstyring"]["choice"] == "litt"

    # Meanwhile she adds a line from her other device; this page is now out of date.
    from conftest import sign_in as sign_in_client

    other_device = sign_in_client(Client(), alice)
    other_device.post(f"/refleksjon/uke/?uke={entry.week_of}", {"notes": "Fra mobilen", "version": "0"})
    page.get_by_label("Notater til meg selv").fill("Fra laptopen")
    page.get_by_role("button", name="Lagre uka").click()
    expect(page.get_by_role("heading", name="Uka ble lagret et annet sted mens du skrev")).to_be_visible()
    expect(page.get_by_label("Notater til meg selv")).to_have_value("Fra laptopen")
    check_accessibility(page, "refleksjon-konflikt")
    assert fits(page)
    page.get_by_role("button", name="Lagre uka").click()
    expect(page.get_by_role("status")).to_contain_text("Lagret.")
    entry.refresh_from_db()
    assert entry.notes == "Fra laptopen"

    page.goto("/refleksjon/")
    page.get_by_role("link", name="Les det du har skrevet").click()
    expect(page.get_by_text("Kari fikk lede turen i dag.")).to_be_visible()
    check_accessibility(page, "refleksjon-lese")
    assert fits(page)

    page.get_by_role("link", name="Slett uka").click()
    check_accessibility(page, "refleksjon-slette")
    page.get_by_role("button", name="Slett uka").click()
    expect(page.get_by_text("Her samler ukene dine seg etter hvert.")).to_be_visible()
    assert not JournalEntry.objects.exists()
