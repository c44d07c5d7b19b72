"""A whole conversation in the browser, on a phone and on a laptop: start, questions, notes
saved as they are typed, the motivation circle, next steps into the plan, both evaluations
(the person's by link on their own phone), a CHIME self-rating with its chart – axe clean."""

import pytest
from django.db.models import F
from playwright.sync_api import expect

from conversations.models import Conversation, PersonEvaluation, StaffEvaluation
from plans.models import Step
from tests.browser.conftest import fits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_whole_conversation(page, browser, charlie, charlie_person, alice, sign_in, check_accessibility):
    sign_in(page, alice)
    page.goto("/")
    expect(page.get_by_role("heading", name="Hei, Alice Aas")).to_be_visible()
    check_accessibility(page, "i-dag")
    page.get_by_role("link", name="Start samtale med Charlie Dahl").click()

    page.get_by_label("Fase i samtalen").select_option(label="Innledende fase")
    page.get_by_label("Tilhørighet").check()
    page.get_by_label("Det vi vil snakke om (valgfritt)").fill("han har ikke snakket med noen på flere uker")
    check_accessibility(page, "samtale-start")
    page.get_by_role("button", name="Start samtalen").click()

    expect(page.get_by_role("heading", name="Spørsmål som kan passe")).to_be_visible()
    first = page.locator(".question").first
    first.get_by_role("button", name="Merk som brukt").click()
    expect(page.locator(".question").first.get_by_role("button")).to_contain_text("Brukt")
    first_text = page.locator(".question .question-text").first.inner_text()
    expect(page.locator("#brukte-sporsmal")).to_contain_text(first_text)
    notes = page.get_by_label("Notater dere skriver sammen")
    notes.press_sequentially("Rusmisbrukeren kom for sent. Du må bare ta deg sammen.")
    remarks = page.locator("#id_notes-sprak")
    expect(remarks).to_contain_text("«Rusmisbrukeren»", timeout=10_000)
    expect(remarks).to_contain_text("Forslag:")
    check_accessibility(page, "samtale-sprakssjekk")
    notes.fill("Vi gikk langs elva. Han savner søsteren sin.")
    notes.press("End")  # a key press, as typing would, so the live check looks again
    expect(remarks).not_to_contain_text("Rusmisbrukeren")
    expect(page.locator("#lagret-status")).to_contain_text("Lagret", timeout=10_000)
    page.get_by_label("Hvor i motivasjonssirkelen er personen nå?").select_option(label="Utforsking")
    expect(page.locator("#lagret-status")).to_contain_text("Lagret")
    assert fits(page), "conversation mode is wider than the screen"
    check_accessibility(page, "samtale")
    conversation = Conversation.objects.get()
    assert conversation.notes == "Vi gikk langs elva. Han savner søsteren sin."
    assert conversation.stage == "utforsking" and len(conversation.used_questions) == 1

    # Someone else saves the notes meanwhile: the next autosave shows both, loses nothing.
    Conversation.objects.filter(pk=conversation.pk).update(notes="Charlie la til: fint vær.", version=F("version") + 1)
    notes.press_sequentially(" Vi snakket om jobb.")
    expect(page.locator("#lagret-status")).to_contain_text("lagret notatene mens du skrev", timeout=10_000)
    expect(page.locator("#notatkonflikt")).to_contain_text("Ingenting er tapt")
    expect(page.locator("#notatkonflikt")).to_contain_text("Charlie la til: fint vær.")
    expect(notes).to_have_value("Vi gikk langs elva. Han savner søsteren sin. Vi snakket om jobb.")
    check_accessibility(page, "samtale-konflikt")
    notes.fill("Vi gikk langs elva. Han savner søsteren sin. Charlie la til: fint vær.")
    notes.press("End")
    expect(page.locator("#lagret-status")).to_contain_text("Lagret", timeout=10_000)
    conversation.refresh_from_db()
    assert conversation.notes.endswith("Charlie la til: fint vær.")

    # The conversation turns: one tap, and the safety card is beside the notes.
    page.get_by_role("button", name="Det har blitt en krise").click()
    expect(page.locator("#krisekort-tittel")).to_be_visible()
    expect(page.locator('#krisekort a.call-button[href="tel:113"]')).to_be_visible()
    expect(notes).to_have_value("Vi gikk langs elva. Han savner søsteren sin. Charlie la til: fint vær.")
    assert fits(page), "conversation mode in crisis is wider than the screen"
    check_accessibility(page, "samtale-krise")

    page.get_by_role("link", name="Avslutt med neste steg").click()
    page.get_by_label("Hva er et lite, realistisk første steg?").fill("Sende en melding til søsteren")
    page.get_by_label("Nytt mål, med personens egne ord").fill("Ha mer kontakt med søsteren min")
    check_accessibility(page, "samtale-avslutt")
    page.get_by_role("button", name="Avslutt samtalen").click()
    expect(page.get_by_role("status").first).to_contain_text("1 steg er lagt inn i planen")
    assert Step.objects.get().text == "Sende en melding til søsteren"

    page.get_by_role("link", name="Fyll ut ditt skjema").click()
    page.get_by_label("4", exact=True).first.check()
    page.get_by_label("Hvilke oppfølgingstiltak er mest hensiktsmessige?").fill("Gå tur igjen om en uke")
    check_accessibility(page, "fagpersonens-evaluering")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("status").first).to_contain_text("Takk! Evalueringen er lagret.")
    assert StaffEvaluation.objects.get().listening == 4
    page.get_by_role("button", name="Lag en lenke personen kan svare på").click()
    link = page.get_by_label("Lenke til evalueringen").input_value()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Kopier lenken").click()
    expect(page.get_by_role("button", name="Kopiert!")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == link

    # The person answers on their own phone, without signing in.
    phone = browser.new_context(viewport=page.viewport_size)
    phone_page = phone.new_page()
    phone_page.goto(link)
    expect(phone_page.get_by_role("heading", name="Hvordan var samtalen")).to_be_visible()
    phone_page.get_by_label("2", exact=True).check()
    phone_page.get_by_label("Tilhørighet").check()
    phone_page.get_by_label("Hva tar du med deg fra samtalen?").fill("At søsteren min kanskje venter på meg")
    phone_page.get_by_role("button", name="Send svarene").click()
    expect(phone_page.get_by_role("heading", name="Takk for svarene!")).to_be_visible()
    phone.close()
    assert PersonEvaluation.objects.get().heard == 2

    page.reload()
    expect(page.get_by_text("Dere svarte ulikt")).to_be_visible()
    assert fits(page)
    check_accessibility(page, "evalueringer-side-om-side")

    # Later the person, signed in on their phone, rates how things feel now and sees the chart.
    person = browser.new_context(viewport=page.viewport_size, base_url=page.url.split("/personer")[0])
    person_page = person.new_page()
    person_page.viewport_name = page.viewport_name
    person_page.console_errors = []
    sign_in(person_page, charlie)
    person_page.goto(f"/personer/{charlie_person.pk}/samtaler/")
    expect(person_page.get_by_role("link", name="Evaluering")).to_be_visible()
    person_page.goto(f"/personer/{charlie_person.pk}/chime/ny/")
    for name, value in [
        ("Tilhørighet", "4"),
        ("Håp", "6"),
        ("Identitet", "5"),
        ("Mening", "7"),
        ("Å bestemme selv", "5"),
    ]:
        person_page.get_by_role("group", name=name).get_by_label(value, exact=True).check()
    person_page.get_by_role("button", name="Lagre vurderingen").click()
    expect(person_page.get_by_role("img", name="Tilhørighet over tid")).to_be_visible()
    expect(person_page.get_by_role("table", name="Tallene i diagrammet")).to_contain_text("Tilhørighet")
    check_accessibility(person_page, "samtale-chime")
    person.close()
