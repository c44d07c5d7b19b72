"""Conversation mode on a phone, while the person talks: the notes and the next suggested
question are on the screen together, the save status is always in view, the motivation circle
is one compact control, and the phase, focus and topic can be changed as the conversation
turns – each change kept in the conversation's record."""

import pytest
from playwright.sync_api import expect

from conversations.models import Conversation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IN_VIEW_JS = """(selector) => {
  const el = document.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const bar = document.querySelector(".conversation-bar");
  const barTop = bar ? bar.getBoundingClientRect().top : window.innerHeight;
  return { top: r.top, bottom: r.bottom, visibleBottom: Math.min(window.innerHeight, barTop) };
}"""


def in_view(page, selector: str) -> bool:
    box = page.evaluate(IN_VIEW_JS, selector)
    assert box is not None, f"fant ikke {selector}"
    return box["top"] >= 0 and box["bottom"] <= box["visibleBottom"] + 0.5


def on_screen(page, selector: str) -> bool:
    box = page.locator(selector).bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= page.viewport_size["height"] + 0.5


def started(page, alice, charlie_person, sign_in, situation="vil ha mer kontakt med familien"):
    conversation = Conversation.objects.create(
        person=charlie_person, created_by=alice, updated_by=alice, phase="midtfase", focus="hope", situation=situation
    )
    sign_in(page, alice)
    page.goto(f"/personer/{charlie_person.pk}/samtaler/{conversation.pk}/")
    return conversation


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_the_notes_and_the_next_question_are_on_the_screen_together(
    page, alice, charlie_person, sign_in, check_accessibility
):
    started(page, alice, charlie_person, sign_in)
    notes = page.get_by_label("Notater dere skriver sammen")
    notes.focus()
    assert in_view(page, "#id_notes"), "notatfeltet er ikke helt på skjermen"
    assert in_view(page, "#foreslatte-sporsmal .question .question-text"), (
        "det første foreslåtte spørsmålet er ikke på skjermen sammen med notatene"
    )
    assert on_screen(page, "#lagret-status")

    # The whole list is a drawer: it folds away, and opens again with one tap.
    drawer = page.locator("#foreslatte-sporsmal details.drawer")
    drawer.locator("summary").click()
    expect(page.locator("#foreslatte-sporsmal .question").first).to_be_hidden()
    drawer.locator("summary").click()
    expect(page.locator("#foreslatte-sporsmal .question").first).to_be_visible()

    # The status stays on the screen wherever the practitioner scrolls.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert on_screen(page, "#lagret-status")
    notes.press_sequentially("Han vil ringe søsteren.")
    expect(page.locator("#lagret-status")).to_contain_text("Lagret", timeout=10_000)
    page.evaluate("window.scrollTo(0, 0)")
    assert on_screen(page, "#lagret-status"), "statuslinja er ikke på skjermen øverst på siden"
    check_accessibility(page, "samtale-telefon")


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_the_motivation_circle_is_one_compact_control(page, alice, charlie_person, sign_in):
    conversation = started(page, alice, charlie_person, sign_in)
    circle = page.get_by_label("Hvor i motivasjonssirkelen er personen nå?")
    box = circle.bounding_box()
    assert box["height"] <= 60, f"motivasjonssirkelen tar {box['height']:.0f} px i høyden"
    circle.select_option(label="Handling")
    expect(page.locator("#lagret-status")).to_contain_text("Lagret", timeout=10_000)
    conversation.refresh_from_db()
    assert conversation.stage == "handling"


def test_phase_focus_and_topic_change_during_the_conversation(
    page, alice, charlie_person, sign_in, check_accessibility
):
    conversation = started(page, alice, charlie_person, sign_in)
    page.get_by_text("Endre fase, fokus eller tema").click()
    page.get_by_label("Fase", exact=True).select_option(label="Oppfølging")
    page.get_by_label("Fokus", exact=True).select_option(label="Tilhørighet")
    page.get_by_label("Det vi vil snakke om", exact=True).fill("venner å gå tur med")
    check_accessibility(page, "samtale-endre-retning")
    page.get_by_role("button", name="Bruk endringene").click()

    expect(page.get_by_role("status").first).to_contain_text("Spørsmålene er oppdatert")
    conversation.refresh_from_db()
    assert (conversation.phase, conversation.focus, conversation.situation) == (
        "oppfolging",
        "connectedness",
        "venner å gå tur med",
    )
    record = page.locator("#underveis")
    expect(record).to_contain_text("Fase: Oppfølging")
    expect(record).to_contain_text("Fokus: Tilhørighet")
    expect(record).to_contain_text("Det vi vil snakke om ble endret")
    expect(page.get_by_label("Notater dere skriver sammen")).to_be_visible()
    check_accessibility(page, "samtale-underveis")
