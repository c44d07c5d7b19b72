"""Right to erasure: deleting a person removes everything linked to them; the audit trail
stays, without any of their content."""

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session

from accounts.models import Invite, User, UserSession
from audit.models import AuditEvent
from conftest import sign_in
from content.models import Favourite
from people.linked import person_linked_models
from people.models import Block, Consent, Person, Team
from tests.world import NO_FREE_TEXT, build_world, planted_models

pytestmark = pytest.mark.django_db


def rows_mentioning(text: str) -> list[str]:
    """Every row of every table (the audit trail too) with `text` in any field."""
    hits = []
    for model in apps.get_models():
        for row in model._default_manager.all().values():
            if any(text in str(value) for value in row.values()):
                hits.append(f"{model._meta.label} {row.get('id')}")
    return hits


def test_every_person_model_has_a_canary_planter():
    for model in [*person_linked_models(), Person]:
        assert model in planted_models() or model.__name__ in NO_FREE_TEXT, (
            f"{model.__name__}: add a canary planter in tests/world.py"
        )


def test_erasing_removes_everything_and_keeps_the_audit_trail(client):
    world = build_world()
    person, user, canary = world.persons["P"], world.users["self"], world.canaries["P"]
    Favourite.objects.create(user=user, question_id="C1.1")
    Consent.objects.create(person=person, team=Team.objects.get(name="Aktivitet"), valid_until="2099-01-01")
    Invite.create_for(person, created_by=world.users["with_relation"])
    sign_in(client, world.users["with_relation"])
    client.get(f"/personer/{person.pk}/")  # leaves audit rows about P
    other_session = sign_in(type(client)(), user, two_factor=False).session.session_key
    audit_rows_before = AuditEvent.objects.count()
    assert rows_mentioning(canary)

    sign_in(client, user, two_factor=False)
    response = client.post(f"/personer/{person.pk}/slett/", {"confirm": "slett"})

    assert "Opplysningene dine er slettet" in response.content.decode()
    for model in person_linked_models():
        person_fields = [f.name for f in model._meta.fields if f.related_model is Person]
        for name in person_fields:
            assert not model._default_manager.filter(**{name: person.pk}).exists(), model.__name__
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Favourite.objects.filter(user_id=user.pk).exists()
    assert not UserSession.objects.filter(user_id=user.pk).exists()
    assert not Session.objects.filter(session_key=other_session).exists()
    assert rows_mentioning(canary) == []
    assert rows_mentioning("Person P") == []  # not even the name
    assert AuditEvent.objects.count() == audit_rows_before + 1
    assert AuditEvent.objects.filter(person_id=person.pk, action="erase").exists()
    assert Block.objects.count() == 0 and Consent.objects.filter(person_id=person.pk).count() == 0
    # Everyone else is untouched.
    assert Person.objects.filter(pk=world.persons["D"].pk).exists()


def test_erasing_needs_the_confirmation_word(charlie_client, charlie_person):
    response = charlie_client.post(f"/personer/{charlie_person.pk}/slett/", {"confirm": "ja"})
    assert "Skriv SLETT" in response.content.decode()
    assert Person.objects.filter(pk=charlie_person.pk).exists()


def test_a_superuser_can_erase_on_request_in_admin(client, charlie_person, organisation):
    sign_in(client, User.objects.create_superuser("drift", "drift@example.org", "en lang setning til drift"))
    response = client.post(f"/admin/people/person/{charlie_person.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=charlie_person.pk).exists()
    assert AuditEvent.objects.filter(person_id=charlie_person.pk, action="erase", basis="organisation").exists()


def test_erasure_after_admin_work_and_failed_sign_ins_leaves_no_name_anywhere(client):
    from axes.models import AccessAttempt
    from django.test import Client

    from conftest import make_user

    world = build_world()
    superuser = User.objects.create_superuser("drift", "drift@example.org", "en lang setning til drift")
    admin = sign_in(Client(), superuser)
    admin.post(
        "/admin/people/person/add/",
        {"display_name": "Kari Hemmelig", "organisation": world.users["team_leader"].organisation_id},
    )
    person = Person.objects.get(display_name="Kari Hemmelig")
    user = make_user("kari.hemmelig", "deltaker", person.organisation, "Kari Hemmelig")
    person.user = user
    person.save()
    for _ in range(2):
        Client().post("/logg-inn/", {"username": "kari.hemmelig", "password": "feil-feil-feil"})
    assert AccessAttempt.objects.filter(username="kari.hemmelig").exists()
    admin.post(f"/admin/people/person/{person.pk}/delete/", {"post": "yes"})
    assert rows_mentioning("Kari Hemmelig") == []
    assert rows_mentioning("kari.hemmelig") == []
