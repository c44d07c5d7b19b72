"""A person lets a team see their plan, until a date, and can take it back at once."""

from datetime import timedelta

import pytest
from django.utils import formats, timezone

from conftest import sign_in
from people.models import Consent

pytestmark = pytest.mark.django_db


def give(charlie_client, person, team, days=30):
    until = timezone.localdate() + timedelta(days=days)
    return charlie_client.post(
        f"/personer/{person.pk}/samtykke/", {"give": "1", "team": team.pk, "valid_until": until.isoformat()}
    )


def test_giving_and_withdrawing_consent_takes_effect_on_the_next_request(
    charlie_client, charlie_person, bob, other_team, client
):
    from django.test import Client

    bobs = sign_in(Client(), bob)
    assert bobs.get(f"/personer/{charlie_person.pk}/").status_code == 404
    give(charlie_client, charlie_person, other_team)
    page = bobs.get(f"/personer/{charlie_person.pk}/")
    assert page.status_code == 200 and "du kan lese, ikke endre" in page.content.decode()

    consent = Consent.objects.get(person=charlie_person)
    response = charlie_client.post(f"/personer/{charlie_person.pk}/samtykke/", {"withdraw": consent.pk}, follow=True)
    assert "Samtykket til Arbeid er trukket tilbake. Det gjelder fra nå." in response.content.decode()
    assert bobs.get(f"/personer/{charlie_person.pk}/").status_code == 404


def test_consent_is_read_only(charlie_client, charlie_person, bob, other_team):
    from django.test import Client

    give(charlie_client, charlie_person, other_team)
    bobs = sign_in(Client(), bob)
    assert bobs.get(f"/personer/{charlie_person.pk}/om-meg/").status_code == 404
    assert bobs.post(f"/personer/{charlie_person.pk}/om-meg/", {"about": "x", "version": 0}).status_code == 404


def test_consent_ends_after_its_date(charlie_client, charlie_person, bob, other_team):
    from django.test import Client

    Consent.objects.create(person=charlie_person, team=other_team, valid_until=timezone.localdate() - timedelta(days=1))
    assert sign_in(Client(), bob).get(f"/personer/{charlie_person.pk}/").status_code == 404


@pytest.mark.parametrize(
    "valid_until, message",
    [
        ("2001-01-01", "kan ikke være tilbake i tid"),
        ((timezone.localdate() + timedelta(days=4 * 365)).isoformat(), "høyst tre år"),
        ("i morgen", "Skriv datoen som dd.mm.åååå"),
    ],
)
def test_bad_dates_are_explained(charlie_client, charlie_person, other_team, valid_until, message):
    response = charlie_client.post(
        f"/personer/{charlie_person.pk}/samtykke/", {"give": "1", "team": other_team.pk, "valid_until": valid_until}
    )
    assert message in response.content.decode()
    assert not Consent.objects.exists()


def test_a_team_of_another_organisation_cannot_be_chosen(charlie_client, charlie_person):
    from people.models import Organisation, Team

    elsewhere = Team.objects.create(organisation=Organisation.objects.create(name="B", slug="b"), name="Fremmed")
    response = give(charlie_client, charlie_person, elsewhere)
    assert "Velg et team fra listen" in response.content.decode()


def test_only_the_person_manages_consent(alice_client, charlie_person):
    assert alice_client.get(f"/personer/{charlie_person.pk}/samtykke/").status_code == 404


def test_withdrawing_someone_elses_consent_is_refused_and_audited(
    charlie_client, charlie_person, organisation, other_team
):
    from audit.models import AuditEvent
    from people.models import Person

    other = Person.objects.create(organisation=organisation, display_name="Annen Person")
    theirs = Consent.objects.create(person=other, team=other_team, valid_until=timezone.localdate() + timedelta(days=5))
    response = charlie_client.post(f"/personer/{charlie_person.pk}/samtykke/", {"withdraw": theirs.pk})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.withdrawn is None
    assert AuditEvent.objects.filter(action="denied", object_type="consent", object_id=str(theirs.pk)).exists()


def test_the_confirmation_writes_the_date_as_the_page_does(charlie_client, charlie_person, other_team):
    response = give(charlie_client, charlie_person, other_team, days=30)
    page = charlie_client.get(response["Location"]).content.decode()
    until = timezone.localdate() + timedelta(days=30)
    assert f"Arbeid kan nå se planen din til og med {formats.date_format(until, 'j. F Y')}." in page
    assert until.strftime("%d.%m.%Y") not in page
