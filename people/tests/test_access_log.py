"""«Hvem har sett mine opplysninger»: every read, change and export, with who, role, when, what and why."""

import pytest

from conftest import sign_in

pytestmark = pytest.mark.django_db


def test_the_person_sees_who_read_their_data_and_on_what_basis(charlie_client, charlie_person, alice):
    from django.test import Client

    sign_in(Client(), alice).get(f"/personer/{charlie_person.pk}/")
    body = charlie_client.get(f"/personer/{charlie_person.pk}/innsyn/").content.decode()
    assert "<strong>Alice Aas</strong> (fagperson / miljøarbeider) så oversikten din i dag kl." in body
    assert "Grunnlag: fast kontakt." in body


def test_changes_and_stopped_attempts_are_listed(charlie_client, charlie_person, alice, bob):
    from django.test import Client

    sign_in(Client(), alice).post(f"/personer/{charlie_person.pk}/om-meg/", {"about": "Ny tekst", "version": 0})
    sign_in(Client(), bob).get(f"/personer/{charlie_person.pk}/")
    body = charlie_client.get(f"/personer/{charlie_person.pk}/innsyn/").content.decode()
    assert "endret «Om meg»" in body
    assert "Bob Berg (erfaringskonsulent) ble stoppet fra å åpne oversikten din i dag kl." in body


def test_the_persons_own_actions_are_hidden_unless_asked_for(charlie_client, charlie_person):
    charlie_client.get(f"/personer/{charlie_person.pk}/")
    assert (
        "Ingen andre har sett opplysningene dine ennå."
        in charlie_client.get(f"/personer/{charlie_person.pk}/innsyn/").content.decode()
    )
    shown = charlie_client.get(f"/personer/{charlie_person.pk}/innsyn/?egne=1").content.decode()
    assert "<strong>Du</strong> så oversikten din i dag kl." in shown
    assert "(deltaker)" not in shown and "Grunnlag: personen selv" not in shown  # nothing you did not know


def test_attempts_from_another_organisation_do_not_name_our_person(charlie_person):
    from django.test import Client

    from audit.models import AuditEvent
    from conftest import make_user
    from people.models import Organisation

    zoe = make_user("zoe", "fagperson", Organisation.objects.create(name="B", slug="b"))
    response = sign_in(Client(), zoe).get(f"/personer/{charlie_person.pk}/")
    assert response.status_code == 404
    attempt = AuditEvent.objects.get(actor_id=zoe.pk)
    assert attempt.action == "denied" and attempt.person_id is None and attempt.object_id == str(charlie_person.pk)
