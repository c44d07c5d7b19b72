"""The resource map keeps every change; the network map is a circle diagram with a text version."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from conftest import sign_in
from plans.models import NetworkEntry, ResourceChange, ResourceEntry

pytestmark = pytest.mark.django_db


def test_every_change_to_the_resource_map_is_kept(charlie_client, charlie_person):
    base = f"/personer/{charlie_person.pk}/plan/"
    charlie_client.post(base + "ressurs/ny/", {"category": "styrker", "text": "Tålmodig"})
    entry = ResourceEntry.objects.get()
    charlie_client.post(
        base + f"ressurs/{entry.pk}/endre/", {"category": "styrker", "text": "Tålmodig med folk", "version": 0}
    )
    charlie_client.post(base + "ressurs/ny/", {"category": "mestring", "text": "Musikk på øret"})
    charlie_client.post(base + f"ressurs/{entry.pk}/slett/")
    assert [c.kind for c in ResourceChange.objects.order_by("at", "id")] == [
        "lagt-til",
        "endret",
        "lagt-til",
        "tatt-bort",
    ]
    page = charlie_client.get(base + "ressurser/").content.decode()
    the_map = page.split("<h1>Ressurskartet</h1>")[1].split("Slik har kartet vokst")[0]
    assert "Musikk på øret" in the_map and "Tålmodig med folk" not in the_map
    assert "Ressurser på kartet nå" in page
    assert "<polyline" not in page and "Når du legger til eller tar bort noe senere" in page  # all made today
    history = charlie_client.get(base + "ressurser/historikk/").content.decode()
    assert "«Tålmodig» ble lagt til" in history and "«Tålmodig med folk» ble tatt bort" in history
    assert "«Tålmodig med folk» ble endret" in history and "(før: «Tålmodig»)" in history


def test_the_network_map_draws_rings_groups_and_a_text_alternative(charlie_client, charlie_person):
    base = f"/personer/{charlie_person.pk}/plan/"
    for name, ring, group in [
        ("Mamma", "naer", "familie-venner"),
        ("Fastlegen", "ytre", "hjelpere"),
        ("Turgruppa", "midt", "fellesskap"),
    ]:
        charlie_client.post(base + "nettverk/ny/", {"name": name, "ring": ring, "group": group})
    page = charlie_client.get(base + "nettverk/").content.decode()
    svg = page.split("<svg", 1)[1].split("</svg>")[0]
    assert 'role="img"' in page and "<title" in svg and "<desc" in svg
    assert svg.count("<circle") == 3 + 1 + 3  # three rings, the centre, three people and places
    assert 'cx="180.0"' in svg  # coordinates are never localised ("180,0" would be broken SVG)
    text_version = page.split("Alle på kartet")[1]
    assert "Mamma" in text_version and "Lenger unna" in text_version and "Profesjonelle hjelpere" in text_version
    assert NetworkEntry.objects.count() == 3


def test_the_growth_chart_shows_each_category_even_when_counts_are_equal(alice_client, charlie_person):
    base = f"/personer/{charlie_person.pk}/plan/"
    for category, text in [("styrker", "Tålmodig"), ("interesser", "Sykler"), ("mestring", "Musikk")]:
        alice_client.post(base + "ressurs/ny/", {"category": category, "text": text})
    ResourceChange.objects.update(at=timezone.now() - timedelta(weeks=6))
    page = alice_client.get(base + "ressurser/").content.decode()
    svg = page.split("Slik har ressurskartet vokst")[1].split("</svg>")[0]
    lines = [part.split('"')[1] for part in svg.split("<polyline points=")[1:]]
    assert len(lines) == 4 and len(set(lines)) == 4  # three lines at 1 and one at 0, none hidden behind another
    assert "Når dere legger til" not in page


def test_the_middle_of_the_network_map_is_me_for_the_person(charlie_client, alice, charlie_person):
    base = f"/personer/{charlie_person.pk}/plan/nettverk/"
    charlie_client.post(
        f"/personer/{charlie_person.pk}/plan/nettverk/ny/", {"name": "Mamma", "ring": "naer", "group": "familie-venner"}
    )

    def centre(client):
        svg = client.get(base).content.decode().split("<svg", 1)[1]
        return svg.split('font-weight="700">', 1)[1].split("<", 1)[0]

    assert centre(charlie_client) == "Meg"
    assert centre(sign_in(Client(), alice)) == charlie_person.display_name[:5] + "…"


def test_names_on_the_network_map_wrap_before_they_are_shortened():
    from plans.charts import wrap_name

    assert wrap_name("Sykkelverkstedet", 17, 2, measure=len) == ["Sykkelverkstedet"]
    assert wrap_name("Søsteren min Kari", 12, 2, measure=len) == ["Søsteren min", "Kari"]
    assert wrap_name("Fastlegen på Torshov legesenter", 12, 2, measure=len) == ["Fastlegen på", "Torshov leg…"]
    assert wrap_name("Fastlegen på Torshov", 12, 1, measure=len) == ["Fastlegen p…"]
    assert wrap_name("Sykkelverkstedet", 12, 2, measure=len) == ["Sykkelverks-", "tedet"]
    assert wrap_name("Distriktspsykiatrisk senter", 10, 2, measure=len) == ["Distrikts-", "psykiatri…"]


def test_the_plan_document_shows_the_full_names_of_the_network(charlie_client, charlie_person):
    long = "Fastlegen på Torshov legesenter og apoteket ved siden av, i bydel Sagene"
    charlie_client.post(
        f"/personer/{charlie_person.pk}/plan/nettverk/ny/", {"name": long, "ring": "ytre", "group": "hjelpere"}
    )
    document = charlie_client.get(f"/personer/{charlie_person.pk}/plan/utskrift/").content.decode()
    svg = document.split("<svg", 1)[1].split("</svg>")[0]
    assert f"<title>{long}</title>" in svg  # the map's shortened label keeps the whole name
    assert long in document.split("</svg>", 1)[1]  # and the list under the map has it too
