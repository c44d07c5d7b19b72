"""Every change made in the admin lands in the audit trail under a declared type: saving an
organisation, a team, a person, a user or a care relation never fails on the log."""

import pytest
from django.test import Client

from audit.models import AuditEvent
from audit.types import DECLARED
from conftest import sign_in

pytestmark = pytest.mark.django_db


def test_every_registered_admin_names_a_declared_audit_type():
    from medvandrer.admin import OrganisationScopedAdmin, admin_site

    scoped = {
        model: model_admin
        for model, model_admin in admin_site._registry.items()
        if isinstance(model_admin, OrganisationScopedAdmin)
    }
    assert len(scoped) >= 4
    undeclared = {
        model.__name__: model_admin.audit_object_type
        for model, model_admin in scoped.items()
        if model_admin.audit_object_type not in DECLARED
    }
    assert undeclared == {}


def test_an_admin_renames_the_organisation_and_it_is_audited(siri, organisation):
    client = sign_in(Client(), siri)
    response = client.post(
        f"/admin/people/organisation/{organisation.pk}/change/", {"name": "Bydel Nord", "slug": organisation.slug}
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Bydel Nord"
    assert AuditEvent.objects.filter(
        object_type="organisation", action="update", object_id=str(organisation.pk)
    ).exists()
