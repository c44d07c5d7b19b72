"""The person rates how CHIME feels now on a phone and on a laptop, sees the radar and the
timelines, compares with an earlier rating – and every page passes axe."""

import pytest
from playwright.sync_api import expect

from chime.models import ChimeRating
from chime.tests.common import rating
from tests.browser.conftest import fits

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_person_rates_how_it_feels_now_and_sees_it_over_time(
    page, charlie, charlie_person, sign_in, check_accessibility
):
    rating(charlie_person, 3, 4, 2, 5, 3, days_ago=40, author=charlie, hope_comment="Tungt i vinter")
    sign_in(page, charlie)
    page.goto(f"/personer/{charlie_person.pk}/chime/")
    check_accessibility(page, "chime-en-vurdering")
    page.get_by_role("link", name="Hvordan har du det nå?").click()
    expect(page.get_by_role("heading", name="Hvordan har du det nå?")).to_be_visible()
    assert fits(page)
    check_accessibility(page, "chime-skjema")

    # Half filled: a plain message, and what was chosen and written is still there.
    page.get_by_role("group", name="Håp").get_by_label("7", exact=True).check()
    page.get_by_label("Vil du si noe mer om håp? (valgfritt)").fill("Våren kommer")
    page.get_by_role("button", name="Lagre vurderingen").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Velg et tall for tilhørighet, identitet, mening og å bestemme selv"
    )
    expect(page.get_by_role("group", name="Håp").get_by_label("7", exact=True)).to_be_checked()
    expect(page.get_by_label("Vil du si noe mer om håp? (valgfritt)")).to_have_value("Våren kommer")
    check_accessibility(page, "chime-skjema-mangler")

    for name, value in [
        ("Tilhørighet", "6"),
        ("Identitet", "5"),
        ("Mening", "8"),
        ("Å bestemme selv", "10 – veldig mye"),
    ]:
        page.get_by_role("group", name=name).get_by_label(value, exact=True).check()
    page.get_by_role("button", name="Lagre vurderingen").click()
    expect(page.get_by_role("status")).to_contain_text("Takk! Vurderingen er lagret.")
    assert [r.hope for r in ChimeRating.objects.all()] == [7, 4]

    expect(page.get_by_role("img", name="Håp over tid")).to_be_visible()
    radar = page.locator("figure.radar svg[role=img]")
    expect(radar).to_be_visible()
    expect(page.get_by_role("table", name="Tallene i diagrammet")).to_contain_text("Å bestemme selv")
    assert fits(page)
    check_accessibility(page, "chime-oversikt")

    page.get_by_label("Sammenlign med").select_option(label="Ingen – vis bare nå")
    page.get_by_role("button", name="Vis").click()
    expect(page.locator("figure.radar polygon[stroke-dasharray]")).to_have_count(0)
    check_accessibility(page, "chime-bare-naa")

    # The print view of the whole plan carries every rating; its table scrolls, the page does not.
    page.goto(f"/personer/{charlie_person.pk}/plan/utskrift/")
    expect(page.get_by_role("table", name="Alle vurderingene")).to_be_visible()
    assert fits(page), "the print view is wider than the screen"
