"""Every URL that takes a person id gets the person through people.access – never around it.

For each such URL, as someone who may use it and as someone who may not, the access
decision must have been made for exactly that person, on GET and on POST.
"""

import pytest

from conftest import sign_in
from people import access
from tests.test_authorization_matrix import concrete_path, url_patterns
from tests.world import build_world

PERSON_KWARGS = ("person_id",)  # URL parameters that name a person (objects of a person come with issue 4)


def person_urls():
    return [(key, route) for key, route in url_patterns() if any(f"<int:{kw}>" in route for kw in PERSON_KWARGS)]


def test_there_are_person_urls_to_check():
    assert len(person_urls()) >= 7


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["self", "with_relation", "without_relation"])
def test_each_person_url_asks_the_access_layer(client, monkeypatch, role):
    world = build_world()
    target = world.persons["P"]
    decided = []
    real_decide = access.decide

    real_decide_administration = access.decide_administration

    def spy(user, person):
        decided.append(person.pk)
        return real_decide(user, person)

    def spy_administration(user, person):
        decided.append(person.pk)
        return real_decide_administration(user, person)

    monkeypatch.setattr(access, "decide", spy)
    # The organisation's own pages (names and care relations, never content) decide on their own basis.
    monkeypatch.setattr(access, "decide_administration", spy_administration)
    sign_in(client, world.users[role], two_factor=world.users[role].needs_two_factor)
    for key, route in person_urls():
        for method in ("get", "post"):
            decided.clear()
            response = getattr(client, method)(concrete_path(route, world))
            if response.status_code == 405:
                continue  # a POST-only view refusing a GET serves nothing
            assert decided == [target.pk], f"{method.upper()} {key} as {role} did not go through people.access"
