"""The resource map keeps every change; the network map is a circle diagram with a text version."""

import pytest

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
    assert "<polyline" in page and "Ressurser på kartet nå" in page
    history = charlie_client.get(base + "ressurser/historikk/").content.decode()
    assert "«Tålmodig» ble lagt til" in history and "«Tålmodig med folk» ble tatt bort" in history


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
