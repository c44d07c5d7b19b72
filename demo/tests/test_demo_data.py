"""`make run` creates fictional demo data and logins – never in production."""

import pyotp
import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from accounts.models import Role, User
from demo.management.commands.demo_data import DEMO_PASSWORD, demo_secret
from people.models import CareRelation, Consent, Organisation, Person

pytestmark = pytest.mark.django_db


def test_demo_data_can_be_signed_into_and_a_second_run_changes_nothing(settings, capsys):
    settings.DEBUG = True
    call_command("demo_data")
    call_command("demo_data")
    assert Organisation.objects.count() == 2
    assert Person.objects.count() == 4 and CareRelation.objects.count() == 5 and Consent.objects.count() == 1
    from plans.models import Goal

    assert Goal.objects.filter(person__user__username="jonas").count() == 3  # a plan to look at, made once
    jonas = User.objects.get(username="jonas")
    assert jonas.role == Role.PERSON and jonas.person.display_name == "Jonas Eide"
    kari = authenticate(RequestFactory().post("/logg-inn/"), username="kari", password=DEMO_PASSWORD)
    assert kari is not None and kari.totp_secret == demo_secret("kari")
    output = capsys.readouterr().out
    assert "Passord for alle: " + DEMO_PASSWORD in output and "manage.py demo_code" in output


def test_demo_code_prints_the_current_code(settings, capsys):
    settings.DEBUG = True
    call_command("demo_code", "kari")
    assert capsys.readouterr().out.strip() == pyotp.TOTP(demo_secret("kari")).now()


def test_demo_data_is_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="bare i utviklingsmodus"):
        call_command("demo_data")
    with pytest.raises(CommandError):
        call_command("demo_code", "kari")
    assert not User.objects.filter(username="kari").exists()
