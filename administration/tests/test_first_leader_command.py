"""Operations invite the first team leader of a new organisation with `manage.py invite_staff`:
a welcome link like the one a leader makes, audited as Medvandrer's own."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from accounts.models import Role, User
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_the_first_leader_gets_a_welcome_link(organisation, capsys):
    call_command("invite_staff", "testhuset", "tone.leder", "Tone Leder", base_url="http://testserver")
    printed = capsys.readouterr().out
    tone = User.objects.get(username="tone.leder")
    assert tone.role == Role.TEAM_LEADER and tone.organisation == organisation and not tone.has_usable_password()
    path = re.search(r"http://testserver(/\S+)", printed).group(1)
    assert "Velkommen til Medvandrer, Tone Leder" in Client().get(path).content.decode()
    assert AuditEvent.objects.filter(object_type="account", actor_role="system", organisation_id=organisation.pk)


def test_an_unknown_organisation_or_a_taken_name_is_said(organisation, alice):
    with pytest.raises(CommandError, match="Fant ingen organisasjon"):
        call_command("invite_staff", "finnes-ikke", "x", "X")
    with pytest.raises(CommandError, match="tatt"):
        call_command("invite_staff", "testhuset", "ALICE", "Alice")
