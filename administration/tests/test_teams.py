"""Teams are made and renamed in the app, and each team page shows its members."""

import pytest

from audit.models import AuditEvent
from people.models import Team

pytestmark = pytest.mark.django_db


def test_the_team_page_shows_its_members(lise_client, alice, bob, team, other_team):
    page = lise_client.get("/organisasjon/team/").content.decode()
    aktivitet = page[page.index(">Aktivitet") : page.index(">Arbeid")]
    assert "Alice Aas" in aktivitet and "Bob Berg" not in aktivitet
    assert "Bob Berg" in page[page.index(">Arbeid") :]
    assert "Alice Aas" in lise_client.get(f"/organisasjon/team/{team.pk}/").content.decode()


def test_a_team_is_made_and_renamed(lise_client, organisation):
    assert lise_client.post("/organisasjon/team/", {"name": "Kafégruppa"}).status_code == 302
    made = Team.objects.get(name="Kafégruppa", organisation=organisation)
    assert lise_client.post(f"/organisasjon/team/{made.pk}/", {"name": "Kafeen"}).status_code == 302
    made.refresh_from_db()
    assert made.name == "Kafeen"
    assert AuditEvent.objects.filter(object_type="team", object_id=str(made.pk)).count() == 2


def test_two_teams_cannot_share_a_name(lise_client, team):
    page = lise_client.post("/organisasjon/team/", {"name": "aktivitet"}).content.decode()
    assert "Det finnes allerede et team med det navnet" in page and 'value="aktivitet"' in page


def test_another_organisations_team_does_not_exist_here(lise_client):
    from people.models import Organisation

    elsewhere = Team.objects.create(organisation=Organisation.objects.create(name="Annet", slug="annet"), name="X")
    assert lise_client.get(f"/organisasjon/team/{elsewhere.pk}/").status_code == 404
    assert lise_client.post(f"/organisasjon/team/{elsewhere.pk}/", {"name": "Y"}).status_code == 404
