"""An Individuell plan (IP)-shaped export: goals, resources, measures with who is responsible,
participants, consent and evaluation dates."""

from datetime import date, timedelta

import pytest

from people.models import Consent
from plans.models import Goal, NetworkEntry, ResourceEntry, Step

pytestmark = pytest.mark.django_db


def test_the_ip_has_all_its_parts(alice_client, charlie_person, other_team):
    goal = Goal.objects.create(
        person=charlie_person,
        text="Egen leilighet",
        evaluate_on=date.today() + timedelta(days=30),
        evaluation="Når jeg har nøkkelen",
    )
    Step.objects.create(
        person=charlie_person,
        goal=goal,
        text="Søke kommunal bolig",
        helper="Alice på huset",
        due=date.today() + timedelta(days=7),
    )
    ResourceEntry.objects.create(person=charlie_person, category="styrker", text="Ryddig")
    NetworkEntry.objects.create(person=charlie_person, name="Boligkontoret", ring="ytre", group="hjelpere")
    Consent.objects.create(person=charlie_person, team=other_team, valid_until=date.today() + timedelta(days=60))
    page = alice_client.get(f"/personer/{charlie_person.pk}/plan/ip/").content.decode()
    for part in [
        "1. Personen",
        "2. Mine mål",
        "3. Mine ressurser",
        "4. Det som skal gjøres",
        "5. Hvem deltar",
        "6. Samtykke",
        "7. Evaluering",
    ]:
        assert part in page
    assert "Egen leilighet" in page and "Søke kommunal bolig" in page and "Alice på huset" in page
    assert "Ryddig" in page and "Boligkontoret" in page and "Alice Aas – fast kontakt" in page
    assert "Arbeid – team med samtykke" in page and "Når jeg har nøkkelen" in page


def test_the_ip_as_pdf(alice_client, charlie_person):
    response = alice_client.get(f"/personer/{charlie_person.pk}/plan/ip.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_a_step_without_a_helper_is_not_given_the_goals_supporter(alice_client, charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Mer kontakt med familien", supporters="Søsteren min")
    Step.objects.create(person=charlie_person, goal=goal, text="Ringe Per")
    page = alice_client.get(f"/personer/{charlie_person.pk}/plan/ip/").content.decode()
    row = page.split("<td>Ringe Per</td>")[1].split("</tr>")[0]
    assert "Støtter målet: Søsteren min" in row
