"""The page a person keeps on their phone for hard days stays theirs, in a real browser: someone
else signing in on the same phone does not get it (nor is theirs kept without a yes), signing out
everywhere on another device reaches the phone when it is next online, and a copy nobody signed
in has refreshed for 90 days is deleted rather than shown."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from accounts.models import Role
from conftest import make_user
from people.models import Person
from plans.models import CrisisPlan, CrisisPlanPart

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

KEPT_ON_PHONE = "caches.keys().then(keys => keys.filter(k => k.startsWith('medvandrer-')).length)"
WORKERS = "navigator.serviceWorker.getRegistrations().then(r => r.length)"
DAY_MS = 24 * 3600 * 1000


def own_words(person, text):
    plan = CrisisPlan.objects.create(person=person, created_by=person.user)
    CrisisPlanPart.objects.create(person=person, plan=plan, key="selv", text=text)


def keep_the_page(page):
    page.goto("/vanskelig/")
    section = page.locator("[data-offline-keep]")
    section.get_by_role("button", name="Ja, lagre siden på denne telefonen").click()
    expect(section.locator("[data-offline-status]")).to_contain_text("Siden er lagret på denne telefonen")


def nothing_opens_offline(page):
    page.context.set_offline(True)
    with pytest.raises(Exception, match="net::ERR_"):
        page.reload()
    page.context.set_offline(False)
    page.console_errors.clear()  # the failed load above was on purpose


def test_someone_else_signing_in_on_the_phone_neither_gets_the_page_nor_keeps_theirs(
    page, charlie, charlie_person, organisation, sign_in, check_accessibility
):
    own_words(charlie_person, "Charlies egne ord")
    dina = make_user("dina", Role.PERSON, organisation, "Dina Dahl")
    own_words(Person.objects.create(organisation=organisation, display_name="Dina Dahl", user=dina), "Dinas egne ord")
    sign_in(page, charlie)
    keep_the_page(page)

    page.context.clear_cookies()  # Charlie's session ends without signing out
    sign_in(page, dina)
    page.goto("/vanskelig/")
    expect(page.locator(".hard-now-steps")).to_contain_text("Dinas egne ord")
    expect(page.locator("body")).not_to_contain_text("Charlies egne ord")
    section = page.locator("[data-offline-keep]")
    expect(section.locator("[data-offline-status]")).to_contain_text("Siden er ikke lagret på denne telefonen")
    expect(section.get_by_role("button", name="Ja, lagre siden på denne telefonen")).to_be_visible()
    assert page.evaluate(KEPT_ON_PHONE) == 0 and page.evaluate(WORKERS) == 0
    check_accessibility(page, "vanskelig-ny-person")
    nothing_opens_offline(page)

    # Dina says yes herself: now it is hers, on this phone.
    keep_the_page(page)
    page.context.set_offline(True)
    page.reload()
    expect(page.locator(".hard-now-steps")).to_contain_text("Dinas egne ord")
    page.context.set_offline(False)


def test_signing_out_everywhere_on_another_device_deletes_it_from_the_phone_once_online(
    page, browser, live_server, charlie, charlie_person, sign_in
):
    own_words(charlie_person, "Charlies egne ord")
    sign_in(page, charlie)
    keep_the_page(page)
    page.context.set_offline(True)
    page.reload()
    expect(page.locator(".hard-now-steps")).to_contain_text("Charlies egne ord")  # kept, before
    page.context.set_offline(False)

    laptop_context = browser.new_context(locale="nb-NO", base_url=live_server.url)
    try:
        laptop = laptop_context.new_page()
        sign_in(laptop, charlie)
        laptop.goto("/konto/")
        laptop.get_by_role("button", name="Logg ut på alle enheter").click()
        expect(laptop.get_by_role("status")).to_contain_text("Du er logget ut på alle enheter")
    finally:
        laptop_context.close()

    page.reload()  # the phone, online again
    expect(page.get_by_role("heading", name="Jeg har det vanskelig nå")).to_be_visible()
    expect(page.locator('a[href="tel:113"]').first).to_be_visible()
    expect(page.locator("body")).not_to_contain_text("Charlies egne ord")
    assert page.evaluate(KEPT_ON_PHONE) == 0 and page.evaluate(WORKERS) == 0
    nothing_opens_offline(page)


def test_a_copy_not_refreshed_for_90_days_is_deleted_rather_than_shown(page, charlie, charlie_person, sign_in):
    own_words(charlie_person, "Charlies egne ord")
    sign_in(page, charlie)
    keep_the_page(page)
    page.context.clear_cookies()  # nobody signed in on the phone since

    def kept_days_ago(days):
        page.evaluate(
            """async ([name, ms]) => {
                const cache = await caches.open(name);
                const kept = await cache.match('/vanskelig/');
                const headers = new Headers(kept.headers);
                headers.set('X-Medvandrer-Kept-At', String(Date.now() - ms));
                await cache.put('/vanskelig/', new Response(await kept.blob(), { status: 200, headers }));
            }""",
            ["medvandrer-vanskelig-v2", days * DAY_MS],
        )

    kept_days_ago(89)
    page.context.set_offline(True)
    page.reload()
    expect(page.locator(".hard-now-steps")).to_contain_text("Charlies egne ord")  # still there on day 89
    page.context.set_offline(False)

    kept_days_ago(91)
    nothing_opens_offline(page)
    page.goto("/vanskelig/")
    expect(page.locator("body")).not_to_contain_text("Charlies egne ord")
    assert page.evaluate(KEPT_ON_PHONE) == 0 and page.evaluate(WORKERS) == 0


def test_signed_out_and_online_the_phone_still_shows_the_persons_own_copy(page, charlie, charlie_person, sign_in):
    own_words(charlie_person, "Charlies egne ord")
    sign_in(page, charlie)
    keep_the_page(page)
    page.context.clear_cookies()  # the session ended on its own: the page is still theirs
    page.reload()
    expect(page.locator(".hard-now-steps")).to_contain_text("Charlies egne ord")
    assert settings.SESSION_COOKIE_NAME not in {c["name"] for c in page.context.cookies()}
