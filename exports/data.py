"""The person's complete data, as JSON (data portability, GDPR art. 20).

Every model linked to the person is included automatically (people/linked.py); user ids
are given as names; secrets (the hashes of links and codes, the keyed hash of the national
identity number) are left out.
"""

from decimal import Decimal

from django.utils import timezone
from django.utils.functional import Promise

from accounts.models import User
from audit.models import AuditEvent
from content.models import Favourite
from people.access_log import describe
from people.linked import person_field, person_linked_models

FORMAT = "medvandrer.personexport/1"
LEFT_OUT = {
    ("accounts", "invite"): {"token_hash", "short_hash"},
    ("conversations", "evaluationlink"): {"token_hash", "short_hash"},
}


def _plain(value):
    if isinstance(value, Promise):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _rows(model, queryset, names: dict) -> list[dict]:
    skip = LEFT_OUT.get((model._meta.app_label, model._meta.model_name), set())
    user_fields = [f.attname for f in model._meta.fields if f.related_model is User]
    rows = []
    for row in queryset.values():
        clean = {key: _plain(value) for key, value in row.items() if key not in skip}
        for attname in user_fields:
            if clean.get(attname) is not None:
                clean[attname.removesuffix("_id") + "_name"] = names.get(clean[attname], "")
        rows.append(clean)
    return rows


def person_data(person) -> dict:
    # Everyone who can have written in a person's data belongs to their organisation.
    names = {
        user.pk: user.display_name
        for user in User.objects.filter(organisation_id=person.organisation_id).only("full_name", "username")
    }
    records = {}
    for model in person_linked_models():
        field = person_field(model)
        if field:
            records[model._meta.label] = _rows(model, model._default_manager.filter(**{field: person}), names)
    user = person.user
    if user is not None:
        records[Favourite._meta.label] = _rows(Favourite, Favourite.objects.filter(user=user), names)
    return {
        "format": FORMAT,
        "generated": timezone.now().isoformat(),
        "person": {
            "id": person.pk,
            "name": person.display_name,
            "about": person.about,
            "organisation": person.organisation.name,
            "created": person.created.isoformat(),
        },
        "account": {
            "username": user.username,
            "two_factor": user.totp_confirmed is not None,
            "joined": user.date_joined.isoformat(),
            "last_sign_in": _plain(user.last_login),
            "email": user.email,
            "signs_in_through": [  # ID-porten and the like; never the identity number or its hash
                {"provider": login.provider, "linked": _plain(login.created), "last_used": _plain(login.last_used)}
                for login in user.external_logins.order_by("created")
            ],
        }
        if user
        else None,
        "records": records,
        "access_log": [
            {
                **{k: _plain(v) for k, v in describe(event).items()},
                "object_type": event.object_type,
                "object_id": event.object_id,
            }
            for event in AuditEvent.objects.filter(person_id=person.pk).order_by("at", "id")
        ],
    }
