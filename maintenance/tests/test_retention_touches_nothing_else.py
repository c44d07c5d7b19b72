"""Retention deletes expired audit rows and old links – and nothing else, anywhere: every
other table is the same, row for row, before and after."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from django.utils import timezone

from accounts.models import Attempt, Invite, ResetLink
from audit.log import record
from audit.models import AuditEvent
from conftest import sign_in
from conversations.models import EvaluationLink
from maintenance.checksums import fingerprints
from maintenance.retention import run
from people.actions import erase_person
from people.models import Person
from plans.sample import make_plan
from tests.world import build_world

pytestmark = pytest.mark.django_db

TOUCHED = {
    "audit_auditevent",
    "accounts_invite",
    "accounts_resetlink",
    "accounts_attempt",
    "conversations_evaluationlink",
    "~sequences",
}


def database():
    connection.ensure_connection()
    return fingerprints(connection.connection)


def test_every_other_table_is_untouched():
    long_ago = timezone.now() - timedelta(days=max(settings.AUDIT_RETENTION_DAYS, settings.LINK_RETENTION_DAYS) + 5)
    with time_machine.travel(long_ago, tick=False):
        world = build_world()  # one of everything, an invitation and an evaluation link among it
        staff = world.users["with_relation"]
        big = Person.objects.create(organisation=staff.organisation, display_name="Stor Plan")
        make_plan(big, goals=3, steps=20, network=5, years=1, author=staff)
        for person in world.persons.values():
            record(actor=staff, action="read", object_type="person", person=person, basis="relation")
        gone = Person.objects.create(organisation=staff.organisation, display_name="Slettet")
        erase_person(gone, actor=staff, basis="organisation")
        ResetLink.create_for(world.users["without_relation"], created_by=world.users["team_leader"])
        Client().post("/kode/", {"code": "AAAA-AAAA"})  # a wrong code: one counted try
    sign_in(Client(), staff)
    record(actor=staff, action="read", object_type="person_list")
    assert Invite.objects.exists() and EvaluationLink.objects.exists()
    assert ResetLink.objects.exists() and Attempt.objects.exists()

    before = database()
    report = run()
    after = database()

    assert report.audit.old_rows > 0 and report.audit.erased_persons == 1
    assert report.invites > 0 and report.evaluation_links > 0
    assert report.reset_links == 1 and report.attempts == 1
    assert [t for t in before if t not in TOUCHED and after[t] != before[t]] == []
    assert sorted(after) == sorted(before)
    # + its own rows: old audit rows, erased persons' rows, and two for the links
    assert after["audit_auditevent"][0] == before["audit_auditevent"][0] - report.audit.total + 4
    assert AuditEvent.objects.filter(object_type="person_list").exists()
