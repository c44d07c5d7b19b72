"""The network map on a phone: the names can be read – drawn at 12 px or more, wrapped over two
lines rather than cut, and shortened only when they must, with the full name in the map's
<title> and in the list under it."""

import pytest
from playwright.sync_api import expect

from plans.models import NetworkEntry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NAMES = [
    ("Sykkelverkstedet", "midt", "fellesskap"),
    ("Mamma", "naer", "familie-venner"),
    ("Søsteren min Kari", "naer", "familie-venner"),
    ("Fastlegen på Torshov legesenter og apoteket ved siden av, i bydel Sagene", "ytre", "hjelpere"),
    ("NAV-veilederen", "midt", "hjelpere"),
]


@pytest.mark.parametrize("viewport", ["phone"], indirect=True)
def test_the_names_on_the_map_can_be_read_on_a_phone(page, charlie, charlie_person, sign_in, check_accessibility):
    for name, ring, group in NAMES:
        NetworkEntry.objects.create(
            person=charlie_person, created_by=charlie, updated_by=charlie, name=name, ring=ring, group=group
        )
    sign_in(page, charlie)
    page.goto(f"/personer/{charlie_person.pk}/plan/nettverk/")
    drawn = page.evaluate(
        """() => [...document.querySelectorAll("svg text.network-name")].map((t) => ({
          text: [...t.querySelectorAll("tspan")].map((s) => s.textContent).join(" "),
          px: parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a,
          title: t.parentNode.querySelector("title")?.textContent || "",
        }))"""
    )
    by_text = {d["text"]: d for d in drawn}
    whole = {d["text"].replace("- ", "") for d in drawn}  # a long word may be divided with a hyphen
    assert "Sykkelverkstedet" in whole, f"«Sykkelverkstedet» er kuttet: {list(by_text)}"
    assert "Søsteren min Kari" in by_text  # whole, not cut
    assert all(d["px"] >= 12.5 for d in drawn), [(d["text"], round(d["px"], 1)) for d in drawn]
    long = next(d for d in drawn if d["text"].startswith("Fastlegen"))
    assert (
        long["text"].endswith("…")
        and long["title"] == "Fastlegen på Torshov legesenter og apoteket ved siden av, i bydel Sagene"
    )
    expect(page.locator("section", has_text="Alle på kartet")).to_contain_text(
        "Fastlegen på Torshov legesenter og apoteket ved siden av, i bydel Sagene"
    )
    check_accessibility(page, "nettverk-navn")
