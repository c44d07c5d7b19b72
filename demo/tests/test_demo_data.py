"""`make run` creates fictional demo logins – never in production."""

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.models import Role, User
from demo.management.commands.demo_data import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_demo_users_can_sign_in_and_a_second_run_changes_nothing(settings, capsys):
    settings.DEBUG = True
    call_command("demo_data")
    call_command("demo_data")
    assert User.objects.filter(username__in=["kari", "ola", "lise", "jonas"]).count() == 4
    assert User.objects.get(username="jonas").role == Role.PERSON
    assert authenticate(username="kari", password=DEMO_PASSWORD) is not None
    assert "passord for alle: " + DEMO_PASSWORD in capsys.readouterr().out


def test_demo_data_is_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="bare i utviklingsmodus"):
        call_command("demo_data")
    assert not User.objects.filter(username="kari").exists()
