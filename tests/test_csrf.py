"""No form is accepted without its CSRF token: every URL, POSTed without one, is refused."""

import pytest
from django.test import Client

from audit.models import AuditEvent
from conftest import sign_in
from tests.test_authorization_matrix import concrete_path, url_patterns
from tests.world import build_world


@pytest.mark.django_db
def test_posts_without_a_token_are_refused_everywhere(capsys):
    world = build_world()
    accepted, checks = [], 0
    for role in ("anonymous", "self", "with_relation", "admin"):
        client = Client(enforce_csrf_checks=True)
        if role != "anonymous":
            user = world.users[role]
            sign_in(client, user, two_factor=user.needs_two_factor)
        for _key, route in url_patterns():
            path = concrete_path(route, world)
            response = client.post(path, {"about": "forfalsket", "version": "0", "confirm": "SLETT"})
            checks += 1
            if response.status_code != 403:
                accepted.append(f"{path} as {role}: {response.status_code}")
            else:
                assert "Skjemaet ble ikke sendt" in response.content.decode()
    with capsys.disabled():
        print(f"\nCSRF: {checks} POSTs without a token, {len(accepted)} accepted")
    assert accepted == []
    assert AuditEvent.objects.filter(action="csrf_failed").count() == checks
