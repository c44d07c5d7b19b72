"""Helpers for the CHIME tests."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from chime.models import KEYS, ChimeRating
from conftest import make_user, sign_in
from people.models import Consent


def form_data(*values, **extra) -> dict:
    """A filled-in form: five numbers in the product's order (connectedness … empowerment)."""
    values = values or (5, 5, 5, 5, 5)
    return {**{key: str(value) for key, value in zip(KEYS, values, strict=True)}, **extra}


def rating(person, *values, days_ago=0, author=None, **extra) -> ChimeRating:
    values = values or (5, 5, 5, 5, 5)
    obj = ChimeRating.objects.create(
        person=person, created_by=author, updated_by=author, **dict(zip(KEYS, values, strict=True)), **extra
    )
    if days_ago:
        ChimeRating.objects.filter(pk=obj.pk).update(created=timezone.now() - timedelta(days=days_ago))
        obj.refresh_from_db()
    return obj


def consent_reader(person, bob, other_team) -> Client:
    """bob, in a team the person has given consent to: may read, not write."""
    Consent.objects.create(person=person, team=other_team, valid_until=timezone.localdate() + timedelta(days=30))
    return sign_in(Client(), bob)


def stranger(organisation) -> Client:
    """A practitioner in the same organisation with no care relation and no consent."""
    return sign_in(Client(), make_user("frank", "fagperson", organisation, "Frank Fos"))
