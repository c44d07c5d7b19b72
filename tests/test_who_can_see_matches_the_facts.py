"""«Hvem kan se planen din» is never a story: in the authorization matrix's world, for every
person, it names exactly the staff the access decision lets in by care relation, and exactly
the teams through which it lets staff in by consent."""

import pytest

from audit.models import Basis
from people import access
from people.models import Person
from tests.world import build_world

pytestmark = pytest.mark.django_db


def test_who_can_see_agrees_with_the_access_decision_for_every_person_of_the_world():
    world = build_world()
    staff = [user for user in world.users.values() if user.is_staff_role]
    for key, person in world.persons.items():
        person = Person.objects.get(pk=person.pk)
        shown = access.who_can_see(person)
        decisions = {user: access.decide(user, person) for user in staff}
        by_relation = {user.display_name for user, d in decisions.items() if d and d.basis == Basis.RELATION}
        assert set(shown.staff) == by_relation, key
        teams = {name for name, _until in shown.teams}
        for user, decision in decisions.items():
            in_listed_team = bool({t.name for t in user.teams.all()} & teams)
            if decision and decision.basis == Basis.CONSENT:
                assert in_listed_team, (key, user.username)
            elif decision is None and user.organisation_id == person.organisation_id and in_listed_team:
                assert user.pk in {b.staff_id for b in person.blocks.all()} or not user.is_active, (key, user.username)
    p = access.who_can_see(world.persons["P"])
    assert "Erin Eide" not in p.staff  # blocked by P, though she has a care relation
    assert [name for name, _ in p.teams] == ["Arbeid", "Kafé"]  # Verksted's consent was extended, then withdrawn
