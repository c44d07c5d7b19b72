"""In the browser, through a real OpenID Connect provider on loopback (node-oidc-provider): a
person follows their invitation with an ID-porten-like sign-in and lands on their own page; a
staff member signs in with their organisation's provider, is not asked for our code after the
provider's multi-factor sign-in, and signing out ends the session at the provider too."""

import pytest
from playwright.sync_api import expect

from accounts.models import Invite
from oidc.models import ExternalLogin
from people.models import CareRelation, Person
from tests.browser.conftest import main_menu

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in_at_provider(page, subject: str, pid: str = "", level: str = "", methods: str = ""):
    expect(page.get_by_role("heading", name="Testinnlogging")).to_be_visible()
    page.get_by_label("Subjekt").fill(subject)
    if pid:
        page.get_by_label("Fødselsnummer").fill(pid)
    if level:
        page.get_by_label("Nivå").select_option(level)
    page.get_by_label("Metoder").fill(methods)
    page.get_by_role("button", name="Logg inn").click()


def test_a_person_and_a_staff_member_sign_in_through_their_providers(
    page, oidc_env, organisation, alice, check_accessibility
):
    oidc_env(OIDC_PROVIDERS="idporten,helse")  # one ID-porten, as an installation has
    dina = Person.objects.create(organisation=organisation, display_name="Dina Dahl")
    CareRelation.objects.create(staff=alice, person=dina)
    _invite, token = Invite.create_for(dina, alice)

    page.goto(f"/invitasjon/{token}/")
    check_accessibility(page, "invitasjon-med-id-porten")
    page.get_by_role("button", name="Fortsett med ID-porten").click()
    sign_in_at_provider(page, "dina-sub", pid="12345678901", level="idporten-loa-high")
    expect(page.get_by_role("heading", name="Hei, Dina Dahl")).to_be_visible()
    assert ExternalLogin.objects.get(provider="idporten").user.person.pk == dina.pk

    page.goto("/konto/")
    expect(page.get_by_text("Kontoen din er koblet til ID-porten")).to_be_visible()
    expect(page.get_by_role("link", name="Bytt passord")).to_have_count(0)  # no password of our own
    main_menu(page)
    page.locator("button:visible", has_text="Logg ut").first.click()
    # The provider asks whether to sign out there too, and sends the browser back to «Logg inn».
    page.get_by_role("button", name="Yes, sign me out").click()
    expect(page.get_by_role("heading", name="Logg inn")).to_be_visible()

    # A lower level than ID-porten's highest is refused, in Norwegian, with help in reach.
    page.get_by_role("button", name="Logg inn med ID-porten").click()
    sign_in_at_provider(page, "dina-sub", pid="12345678901", level="idporten-loa-substantial")
    expect(page.get_by_role("alert")).to_contain_text("lavere sikkerhetsnivå")
    check_accessibility(page, "innlogging-stoppet")

    # Staff: the organisation has chosen its provider, and alice's account is linked to it.
    organisation.signin_provider = "helse"
    organisation.save()
    ExternalLogin.objects.create(user=alice, provider="helse", subject="alice-at-helseid")
    page.goto("/logg-inn/")
    check_accessibility(page, "logg-inn-med-tilbydere")
    page.get_by_role("button", name="Ansatt: logg inn med HelseID").click()
    sign_in_at_provider(page, "alice-at-helseid", methods="pwd,otp")
    expect(page.get_by_role("heading", name="Hei, Alice Aas")).to_be_visible()  # «I dag», no code asked
