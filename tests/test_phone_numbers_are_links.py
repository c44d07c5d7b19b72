"""Every phone number a page shows – the national ones, the organisation's, the person's own
contacts – is a tap-to-call link (crisis.phones)."""

import re

import pytest

from conftest import sign_in
from crisis.models import OrganisationContact
from crisis.phones import NUMBER
from plans.models import CrisisContact, CrisisPlan, NetworkEntry
from tests.world import build_world

pytestmark = pytest.mark.django_db
TEL_LINK = re.compile(r'<a [^>]*href="tel:[^"]+"[^>]*>.*?</a>', re.S)
NOT_SHOWN = re.compile(r"<(script|style|textarea|title)\b.*?</\1>|<[^>]+>", re.S)


def numbers_not_linked(html: str) -> list[str]:
    text = NOT_SHOWN.sub(" ", TEL_LINK.sub(" ", html))
    return [m.group() for m in NUMBER.finditer(text)]


def test_no_page_shows_a_phone_number_that_cannot_be_tapped(client):
    world = build_world()
    person = world.persons["P"]
    NetworkEntry.objects.create(
        person=person, name="Søsteren", ring="naer", group="familie-venner", contact="Ring 900 00 000"
    )
    plan = CrisisPlan.objects.get(person=person)
    CrisisContact.objects.create(
        person=person, plan=plan, name="Lise", how_to_reach="912 34 567 etter kl. 16", group="hjelp"
    )
    OrganisationContact.objects.create(organisation=person.organisation, name="Kriseteamet", number="22 33 44 55")
    base = f"/personer/{person.pk}/plan/"
    pages = [
        "/vanskelig/",
        "/min-side/",
        base,
        base + "nettverk/",
        base + "kriseplan/",
        base + "utskrift/",
        base + "kriseplan/kort/",
    ]
    sign_in(client, world.users["self"], two_factor=False)
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        assert numbers_not_linked(html) == [], path
    assert "tel:+4790000000" in client.get(base + "nettverk/").content.decode()
    leader = sign_in(type(client)(), world.users["team_leader"])
    assert numbers_not_linked(leader.get("/organisasjon/krisenumre/").content.decode()) == []
