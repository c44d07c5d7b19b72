"""Team leaders add their organisation's own crisis numbers in the app; every change is audited,
and the numbers show up wherever the national ones do."""

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from accounts.models import Role
from audit.models import AuditEvent
from conftest import make_user, sign_in
from crisis.models import OrganisationContact
from people.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def lise_client(lise):
    return sign_in(Client(), lise)


def test_a_team_leader_adds_changes_and_removes_a_number_and_each_step_is_audited(lise_client, lise, charlie_client):
    response = lise_client.post(
        "/organisasjon/krisenumre/", {"name": "Kriseteamet", "number": "22 33 44 55", "when": "hele døgnet"}
    )
    assert response.status_code == 302
    number = OrganisationContact.objects.get()
    assert (number.organisation_id, number.tel) == (lise.organisation_id, "+4722334455")
    page = charlie_client.get("/vanskelig/").content.decode()
    assert "Kriseteamet" in page and 'href="tel:+4722334455"' in page and "hele døgnet" in page
    lise_client.post(
        f"/organisasjon/krisenumre/{number.pk}/",
        {"name": "Kriseteamet i bydelen", "number": "22 33 44 56", "version": 0},
    )
    number.refresh_from_db()
    assert (number.name, number.version) == ("Kriseteamet i bydelen", 1)
    lise_client.post(f"/organisasjon/krisenumre/{number.pk}/slett/")
    assert not OrganisationContact.objects.exists()
    actions = list(AuditEvent.objects.filter(object_type="crisis_number").values_list("action", "basis", "actor_name"))
    assert actions == [
        ("delete", "organisation", "Lise Lie"),
        ("update", "organisation", "Lise Lie"),
        ("create", "organisation", "Lise Lie"),
    ]


def test_what_is_not_a_phone_number_gets_a_clear_message_and_keeps_what_was_typed(lise_client):
    page = lise_client.post(
        "/organisasjon/krisenumre/", {"name": "Nattjenesten", "number": "ring oss"}
    ).content.decode()
    assert "Vi kjenner ikke igjen «ring oss» som et telefonnummer" in page and 'value="Nattjenesten"' in page
    assert not OrganisationContact.objects.exists()


def test_a_stale_form_does_not_overwrite_a_newer_number(lise_client, lise):
    number = OrganisationContact.objects.create(
        organisation_id=lise.organisation_id, name="Vakt", number="22334455", version=3
    )
    response = lise_client.post(
        f"/organisasjon/krisenumre/{number.pk}/",
        {"name": "Nattvakta på huset", "number": "22 33 44 66", "when": "kl. 22–08", "version": 1},
    )
    number.refresh_from_db()
    assert number.name == "Vakt"
    # Nothing typed is lost: both versions side by side, and the form holds what was typed.
    page = response.content.decode()
    assert response.status_code == 409 and "Noen andre lagret samtidig" in page
    assert "Vakt" in page and 'value="Nattvakta på huset"' in page and 'value="kl. 22–08"' in page
    again = lise_client.post(
        f"/organisasjon/krisenumre/{number.pk}/",
        {"name": "Nattvakta på huset", "number": "22 33 44 66", "when": "kl. 22–08", "version": 3},
    )
    number.refresh_from_db()
    assert again.status_code == 302 and number.name == "Nattvakta på huset"


def test_practitioners_and_other_organisations_cannot_touch_them(alice_client, lise):
    number = OrganisationContact.objects.create(organisation_id=lise.organisation_id, name="Vakt", number="22334455")
    assert alice_client.get("/organisasjon/krisenumre/").status_code == 404
    other = Organisation.objects.create(name="Annethuset", slug="annet")
    zoe = make_user("zoe", Role.TEAM_LEADER, other, "Zoe Zahl")
    zoe_client = sign_in(Client(), zoe)
    assert zoe_client.post(f"/organisasjon/krisenumre/{number.pk}/slett/").status_code == 404
    assert OrganisationContact.objects.filter(pk=number.pk).exists()
    assert "Vakt" not in zoe_client.get("/organisasjon/krisenumre/").content.decode()


class TestNumberFormBadInput(TestCase):
    @settings(max_examples=40, deadline=None)
    @given(name=st.text(max_size=300), number=st.text(max_size=60), when=st.text(max_size=300))
    def test_any_input_gets_a_page_or_a_save_never_an_error(self, name, number, when):
        organisation = Organisation.objects.get_or_create(name="Testhuset", slug="testhuset")[0]
        leader = make_user(f"leder{OrganisationContact.objects.count()}{len(name)}", Role.TEAM_LEADER, organisation)
        client = sign_in(self.client_class(), leader)
        clean = {k: v.replace("\x00", "") for k, v in {"name": name, "number": number, "when": when}.items()}
        response = client.post("/organisasjon/krisenumre/", clean)
        assert response.status_code in (200, 302)
