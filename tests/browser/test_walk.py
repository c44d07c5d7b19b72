"""The page walk: every page of a person with everything filled in, as their practitioner and
as the person themselves, at 320 px (an old, small phone), 375 px and on a desktop. Each page is
checked by axe, by the W3C HTML checker, and on phones for the layout: nothing wider than the
screen, every tap target a thumb wide, the title near the top; at 375 px also chart text large enough."""

import pytest
from playwright.sync_api import expect

from demo.walk import fill_in, leader_pages, person_pages, staff_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALL_WIDTHS = pytest.mark.parametrize("viewport", ["narrow", "phone", "desktop"], indirect=True)


def walk(page, pages, check_accessibility):
    for name, path in pages.items():
        response = page.goto(path)
        assert response.ok, f"{name} ({path}) svarte {response.status}"
        expect(page.locator("main h1").first).to_be_visible()
        assert page.title() and "<" not in page.title(), f"{name}: tittelen er «{page.title()}»"  # plain text
        check_accessibility(page, f"tur-{name}")


@ALL_WIDTHS
def test_the_practitioners_pages(page, alice, charlie_person, sign_in, check_accessibility):
    ids = fill_in(charlie_person, alice)
    sign_in(page, alice)
    walk(page, staff_pages(charlie_person.pk, ids), check_accessibility)


@ALL_WIDTHS
def test_the_persons_own_pages(page, alice, charlie, charlie_person, sign_in, check_accessibility):
    ids = fill_in(charlie_person, alice)
    sign_in(page, charlie)
    walk(page, person_pages(charlie_person.pk, ids), check_accessibility)


@ALL_WIDTHS
def test_the_team_leaders_pages(page, alice, lise, charlie_person, team, sign_in, check_accessibility):
    fill_in(charlie_person, alice)
    sign_in(page, lise)
    walk(page, leader_pages(charlie_person.pk, alice.pk, team.pk), check_accessibility)


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_the_save_button_of_a_long_form_stays_on_the_screen(page, alice, charlie_person, sign_in):
    sign_in(page, alice)
    page.goto(f"/personer/{charlie_person.pk}/chime/ny/")
    save = page.get_by_role("button", name="Lagre vurderingen")
    box = save.bounding_box()
    assert box["y"] + box["height"] <= 740.5, "lagreknappen er ikke på skjermen øverst i skjemaet"
    page.get_by_role("group", name="Håp").get_by_label("6", exact=True).check()
    box = save.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 740.5, "lagreknappen forsvant mens skjemaet fylles ut"
