"""Lists use `persons_visible_to` (subqueries that suit an index), single pages use `decide`
(facts per person): both state the same rules, so here every kind of tie is walked through
both and they must agree."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from conftest import make_user
from people.access import decide, persons_visible_to
from people.models import Block, CareRelation, Consent, Organisation, Person

pytestmark = pytest.mark.django_db


def test_lists_and_single_pages_agree_on_who_may_see_whom(organisation, team, other_team, alice, bob, charlie):
    carol = make_user("carol", Role.PRACTITIONER, organisation, "Carol Carlsen")  # no tie to anyone
    far = Organisation.objects.create(name="Langt unna", slug="langt-unna")
    stranger = make_user("stranger", Role.PRACTITIONER, far, "Per Fremmed")
    stranger.teams.add(other_team)  # a team of another organisation must not open anything
    today = date.today()

    def person(name, **kwargs):
        return Person.objects.create(organisation=organisation, display_name=name, **kwargs)

    related = person("Relasjon")
    CareRelation.objects.create(staff=alice, person=related)
    ended = person("Avsluttet relasjon")
    CareRelation.objects.create(staff=alice, person=ended, ended=timezone.now() - timedelta(days=1))
    consented = person("Samtykke")
    Consent.objects.create(person=consented, team=other_team, valid_until=today + timedelta(days=30))
    expired = person("Utløpt samtykke")
    Consent.objects.create(person=expired, team=other_team, valid_until=today - timedelta(days=1))
    withdrawn = person("Trukket samtykke")
    Consent.objects.create(
        person=withdrawn, team=other_team, valid_until=today + timedelta(days=30), withdrawn=timezone.now()
    )
    blocked = person("Sperret")
    CareRelation.objects.create(staff=alice, person=blocked)
    Consent.objects.create(person=blocked, team=team, valid_until=today + timedelta(days=30))
    Block.objects.create(person=blocked, staff=alice)
    own = person("Charlie selv", user=charlie)

    everyone = [related, ended, consented, expired, withdrawn, blocked, own]
    users = [alice, bob, carol, stranger, charlie]
    for user in users:
        listed = set(persons_visible_to(user).values_list("pk", flat=True))
        for someone in everyone:
            assert (someone.pk in listed) == (decide(user, someone) is not None), (user.username, someone.display_name)
    assert {p.display_name for p in persons_visible_to(alice)} == {"Relasjon"}
    assert {p.display_name for p in persons_visible_to(bob)} == {"Samtykke"}
