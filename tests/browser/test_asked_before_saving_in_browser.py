"""«Vil du lagre likevel?» on a phone: the question is answered only by the button. Pressing
Enter in a field after being asked sends the form as an ordinary save – checked again – never
as «Lagre likevel»."""

import pytest
from playwright.sync_api import expect

from plans.models import Goal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_enter_in_a_field_does_not_answer_lagre_likevel(page, alice, charlie_person, sign_in, check_accessibility):
    sign_in(page, alice)
    page.goto(f"/personer/{charlie_person.pk}/plan/mal/ny/")
    page.get_by_label("Målet, med dine egne ord").fill("Han må bare ta seg sammen og møte opp")
    page.get_by_role("button", name="Lagre", exact=True).click()
    expect(page.get_by_text("Vil du lagre likevel?")).to_be_visible()
    check_accessibility(page, "spor-for-lagring")

    supporters = page.get_by_label("Hvem støtter deg i dette? (valgfritt)")
    supporters.fill("Søsteren")
    supporters.press("Enter")
    expect(page.get_by_text("Vil du lagre likevel?")).to_be_visible()
    expect(supporters).to_have_value("Søsteren")
    assert not Goal.objects.exists()

    page.get_by_role("button", name="Lagre likevel").click()
    expect(page.get_by_text("Vil du lagre likevel?")).to_have_count(0)
    assert Goal.objects.get().supporters == "Søsteren"
