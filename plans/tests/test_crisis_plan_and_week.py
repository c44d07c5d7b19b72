"""The crisis plan made in calm, and the simple visual week."""

import pytest

from plans.models import CrisisContact, Goal, NetworkEntry, WeekActivity

pytestmark = pytest.mark.django_db


def test_signs_what_helps_and_contacts_from_the_network(charlie_client, charlie_person):
    base = f"/personer/{charlie_person.pk}/plan/"
    charlie_client.post(
        base + "varseltegn/ny/", {"sign": "Sover dårlig flere netter", "what_to_do": "Ringe søsteren min"}
    )
    for key, text in [("selv", "Musikk og en tur"), ("hjelper-ikke", "Mange spørsmål"), ("motes", "Rolig")]:
        assert charlie_client.post(base + f"kriseplan/del/{key}/", {"text": text}).status_code == 302
    mamma = NetworkEntry.objects.create(
        person=charlie_person, name="Mamma", ring="naer", group="familie-venner", contact="900 00 000"
    )
    charlie_client.post(base + "kontakt/ny/", {"network_entry": mamma.pk, "can_help_with": "Å være sammen"})
    contact = CrisisContact.objects.get()
    assert (contact.name, contact.how_to_reach) == ("Mamma", "900 00 000")  # filled in from the network map
    page = charlie_client.get(base + "kriseplan/").content.decode()
    for text in [
        "Sover dårlig flere netter",
        "Ringe søsteren min",
        "Musikk og en tur",
        "Mange spørsmål",
        "Mamma",
        "900 00 000",
        'href="tel:+4790000000"',  # tap to call
        "Rolig",
    ]:
        assert text in page
    assert "WRAP" not in page
    mamma.delete()
    contact.refresh_from_db()
    assert contact.name == "Mamma" and contact.network_entry is None  # the contact survives the map change


def test_a_contact_needs_a_name_or_a_network_entry(charlie_client, charlie_person):
    response = charlie_client.post(f"/personer/{charlie_person.pk}/plan/kontakt/ny/", {"how_to_reach": "123"})
    assert "Skriv hvem, eller velg fra nettverkskartet." in response.content.decode()


def test_the_week_shows_activities_by_day_and_time(charlie_client, charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Bli sterkere")
    base = f"/personer/{charlie_person.pk}/plan/"
    charlie_client.post(
        base + "uke/ny/", {"weekday": 2, "part": 0, "text": "Trening", "kind": "rutine", "goal": goal.pk}
    )
    page = charlie_client.get(base + "uke/").content.decode()
    wednesday = page.split('id="dag-2"')[1].split('id="dag-3"')[0]
    assert "Trening" in wednesday and "mål: Bli sterkere" in wednesday
    assert "Ingenting lagt inn." not in wednesday and "week-slot is-empty" in wednesday  # the empty evening hides
    thursday = page.split('id="dag-3"')[1].split('id="dag-4"')[0]
    assert "Ingenting lagt inn." in thursday
    goal.delete()
    assert WeekActivity.objects.get().goal is None


def test_a_deleted_goal_cannot_be_chosen(charlie_client, charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Borte snart")
    goal_pk = goal.pk
    goal.delete()
    response = charlie_client.post(
        f"/personer/{charlie_person.pk}/plan/uke/ny/",
        {"weekday": 1, "part": 1, "text": "Tur", "kind": "aktivitet", "goal": goal_pk},
    )
    body = response.content.decode()
    assert "Målet finnes ikke lenger" in body and 'value="Tur"' in body


def test_the_plan_overview_counts_signs_and_contacts_right(charlie_client, charlie_person):
    base = f"/personer/{charlie_person.pk}/plan/"
    for sign in ["Sover dårlig", "Trekker meg unna"]:
        charlie_client.post(base + "varseltegn/ny/", {"sign": sign, "what_to_do": "Ringe søsteren min"})
    for name in ["Mamma", "Søsteren min", "Fastlegen"]:
        charlie_client.post(base + "kontakt/ny/", {"name": name, "how_to_reach": "900 00 000"})
    assert "2 varseltegn og 3 kontakter." in charlie_client.get(base).content.decode()
