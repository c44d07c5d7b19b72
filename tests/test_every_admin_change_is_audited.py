"""Every change made in the admin (superusers only) lands in the audit trail under a declared type,
with the organisation it belongs to: adding, changing or deleting an organisation, a team, a
person, a user or a care relation never fails on the log, and the organisation's own log
(«Administrasjon» › «Logg») shows what was done to it."""

import pytest
from django.test import Client

from accounts.models import User
from audit.models import AuditEvent
from audit.types import DECLARED
from conftest import sign_in
from people.models import CareRelation, Organisation, Person, Team

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(db):
    return sign_in(Client(), User.objects.create_superuser("drift", "drift@example.org", "en lang setning til drift"))


def test_every_registered_admin_names_a_declared_audit_type():
    from medvandrer.admin import OrganisationScopedAdmin, admin_site

    scoped = {
        model: model_admin
        for model, model_admin in admin_site._registry.items()
        if isinstance(model_admin, OrganisationScopedAdmin)
    }
    assert len(scoped) >= 4
    assert set(scoped) == set(admin_site._registry), "an admin outside OrganisationScopedAdmin is not audited"
    undeclared = {
        model.__name__: model_admin.audit_object_type
        for model, model_admin in scoped.items()
        if model_admin.audit_object_type not in DECLARED
    }
    assert undeclared == {}


def test_a_superuser_renames_the_organisation_and_it_is_audited(admin_client, organisation):
    response = admin_client.post(
        f"/admin/people/organisation/{organisation.pk}/change/", {"name": "Bydel Nord", "slug": organisation.slug}
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Bydel Nord"
    assert AuditEvent.objects.filter(
        object_type="organisation", action="update", object_id=str(organisation.pk), organisation_id=organisation.pk
    ).exists()


def audited(object_type: str, action: str, obj, organisation) -> bool:
    return AuditEvent.objects.filter(
        object_type=object_type,
        action=action,
        object_id=str(obj.pk),
        organisation_id=organisation.pk,
        basis="organisation",
    ).exists()


def test_adding_changing_and_deleting_everything_is_audited(admin_client, organisation, alice):
    def post(url, data):
        response = admin_client.post(url, data)
        assert response.status_code == 302, (url, response.content.decode()[-2000:])

    post("/admin/people/organisation/add/", {"name": "Bydel Sør", "slug": "bydel-sor"})
    south = Organisation.objects.get(slug="bydel-sor")
    post("/admin/people/team/add/", {"organisation": organisation.pk, "name": "Kveld"})
    team = Team.objects.get(name="Kveld")
    post("/admin/people/person/add/", {"organisation": organisation.pk, "display_name": "Kari Ny"})
    person = Person.objects.get(display_name="Kari Ny")
    post(
        "/admin/accounts/user/add/",
        {"username": "ole", "full_name": "Ole Ny", "role": "fagperson", "organisation": organisation.pk},
    )
    ole = User.objects.get(username="ole")
    post(
        "/admin/people/carerelation/add/",
        {"staff": alice.pk, "person": person.pk, "started_0": "2026-01-01", "started_1": "10:00"},
    )
    relation = CareRelation.objects.get(person=person)
    assert audited("organisation", "create", south, south)
    assert audited("team", "create", team, organisation)
    assert audited("person", "create", person, organisation)
    assert audited("account", "create", ole, organisation)
    assert audited("care_relation", "create", relation, organisation)

    post(f"/admin/people/team/{team.pk}/change/", {"name": "Natt"})
    post(
        f"/admin/accounts/user/{ole.pk}/change/",
        {"username": "ole", "full_name": "Ole Nyland", "role": "fagperson", "organisation": organisation.pk},
    )
    assert audited("team", "update", team, organisation) and audited("account", "update", ole, organisation)

    post(f"/admin/people/carerelation/{relation.pk}/delete/", {"post": "yes"})
    post(f"/admin/people/team/{team.pk}/delete/", {"post": "yes"})
    post(f"/admin/people/person/{person.pk}/delete/", {"post": "yes"})
    assert audited("care_relation", "delete", relation, organisation)
    assert audited("team", "delete", team, organisation)
    assert AuditEvent.objects.filter(person_id=person.pk, action="erase", basis="organisation").exists()
