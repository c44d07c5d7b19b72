"""When a session ends: a warning two minutes before with «Fortsett», and a form that meets an
ended session keeps what was typed on the device and offers it back after signing in again."""

import pytest
from playwright.sync_api import expect

from accounts.sessions import end_sessions
from plans.models import Goal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_quiet_page_warns_before_the_session_ends_and_fortsett_keeps_it(
    page, charlie, charlie_person, sign_in, settings, check_accessibility
):
    settings.SESSION_COOKIE_AGE = 124  # the warning comes two minutes before: after four seconds here
    sign_in(page, charlie)
    page.goto("/min-side/")
    warning = page.get_by_role("alertdialog")
    expect(warning).to_contain_text("Du blir logget ut om to minutter", timeout=10_000)
    check_accessibility(page, "varsel-utlogging")
    with page.expect_response("**/konto/fortsett/") as kept:
        warning.get_by_role("button", name="Fortsett").click()
    assert kept.value.status == 204
    expect(page.get_by_role("alertdialog")).to_have_count(0)


def test_text_typed_when_the_session_ended_is_offered_back_after_signing_in(
    page, charlie, charlie_person, sign_in, check_accessibility
):
    sign_in(page, charlie)
    url = f"/personer/{charlie_person.pk}/plan/mal/ny/"
    page.goto(url)
    page.get_by_label("Målet, med dine egne ord").fill("Jeg vil gå på konsert i vår")
    end_sessions(charlie)  # the session ends on the server while the person writes
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("heading", name="Logg inn")).to_be_visible()
    assert not Goal.objects.exists()
    sign_in(page, charlie)
    page.goto(url)
    page.get_by_role("button", name="Hent tilbake det du skrev").click()
    expect(page.get_by_label("Målet, med dine egne ord")).to_have_value("Jeg vil gå på konsert i vår")
    check_accessibility(page, "kladd-tilbake")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("status").first).to_contain_text("Målet er lagt til")
    assert Goal.objects.get().text == "Jeg vil gå på konsert i vår"
    page.goto(url)  # saved: nothing is offered any more
    expect(page.get_by_role("button", name="Hent tilbake det du skrev")).to_have_count(0)


def test_the_next_person_on_a_shared_phone_never_gets_the_last_ones_unsaved_text(
    page, charlie, charlie_person, alice, sign_in
):
    sign_in(page, charlie)
    url = f"/personer/{charlie_person.pk}/plan/mal/ny/"
    page.goto(url)
    page.get_by_label("Målet, med dine egne ord").fill("Jeg vil slutte å drikke før jul")
    end_sessions(charlie)  # the session ends (time ran out): no sign-out form was sent
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_role("heading", name="Logg inn")).to_be_visible()
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('medvandrer-form:'))")
    assert kept  # still on the phone for Charlie, who may sign in again
    sign_in(page, alice)  # someone else signs in on the same phone
    page.goto("/")
    left = page.evaluate("Object.values(localStorage).join(' ')")
    assert "slutte å drikke" not in left
