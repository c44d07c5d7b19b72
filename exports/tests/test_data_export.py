"""The person's complete data as JSON: every model linked to them, nothing left out, nothing secret."""

import json

import pytest

from audit.models import AuditEvent
from content.models import Favourite
from people.linked import person_field, person_linked_models
from tests.world import build_world

pytestmark = pytest.mark.django_db


def export(client, person) -> dict:
    response = client.get(f"/personer/{person.pk}/data.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    return json.loads(response.content)


def test_every_row_of_every_linked_model_is_in_the_export(client):
    from conftest import sign_in

    world = build_world()
    person, user = world.persons["P"], world.users["self"]
    Favourite.objects.create(user=user, question_id="C1.1")
    sign_in(client, world.users["with_relation"]).get(f"/personer/{person.pk}/")  # an access log line
    sign_in(client, user, two_factor=False)
    data = export(client, person)

    missing = []
    for model in person_linked_models():
        expected = set(model._default_manager.filter(**{person_field(model): person}).values_list("pk", flat=True))
        exported = {row["id"] for row in data["records"].get(model._meta.label, [])}
        if expected != exported:
            missing.append(f"{model._meta.label}: {sorted(expected - exported)}")
    assert missing == []
    assert len(data["records"]) >= len(person_linked_models())
    assert [f["question_id"] for f in data["records"]["content.Favourite"]] == ["C1.1"]
    assert data["person"]["about"].endswith(world.canaries["P"])
    assert any(line["who"] == "Alice Aas" for line in data["access_log"])
    assert data["records"]["plans.Goal"][0]["created_by_name"] == "Charlie Dahl"
    assert "token_hash" not in json.dumps(data) and "short_hash" not in json.dumps(data)
    assert world.canaries["D"] not in json.dumps(data)  # nobody else's data


def test_only_the_person_can_download_everything(alice_client, charlie_person):
    assert alice_client.get(f"/personer/{charlie_person.pk}/data.json").status_code == 404


def test_the_download_is_audited(charlie_client, charlie_person):
    export(charlie_client, charlie_person)
    assert AuditEvent.objects.filter(person_id=charlie_person.pk, action="export", object_type="data_export").exists()


def test_a_sign_in_through_id_porten_is_in_the_export_but_not_the_identity_number(charlie_client, charlie_person):
    from oidc.models import ExternalLogin, pid_hash

    ExternalLogin.objects.create(
        user=charlie_person.user, provider="idporten", subject="c-sub", pid_hash=pid_hash("12345678901")
    )
    data = export(charlie_client, charlie_person)
    assert [s["provider"] for s in data["account"]["signs_in_through"]] == ["idporten"]
    assert pid_hash("12345678901") not in json.dumps(data)
