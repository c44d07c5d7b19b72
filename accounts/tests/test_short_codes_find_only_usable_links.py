"""A typed code opens only a link that can still be used: once a link is used or has run out,
its code finds nothing – for invitations, staff reset links and evaluation links alike – and
counts as a wrong code. (The long link still says «already used» or «expired».)"""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import Invite, ResetLink, Role
from conftest import make_user
from conversations.models import Conversation, EvaluationLink, PersonEvaluation
from people.models import Person

pytestmark = pytest.mark.django_db


def invite(alice, charlie_person):
    person = Person.objects.create(organisation=alice.organisation, display_name="Dina Dal")
    link, _token = Invite.create_for(person, created_by=alice)
    return link, Invite.objects.find_short


def reset(alice, charlie_person):
    leader = make_user("lise", Role.TEAM_LEADER, alice.organisation, "Lise Lie")
    link, _token = ResetLink.create_for(alice, created_by=leader)
    return link, ResetLink.objects.find_short


def evaluation(alice, charlie_person):
    conversation = Conversation.objects.create(person=charlie_person, created_by=alice, ended=timezone.now())
    link, _token = EvaluationLink.create_for(conversation, created_by=alice)
    return link, EvaluationLink.find_short


KINDS = [invite, reset, evaluation]


def typed(code):
    return Client().post("/kode/", {"code": code})


@pytest.mark.parametrize("make", KINDS)
def test_a_usable_link_is_found_by_its_code(make, alice, charlie_person):
    link, find_short = make(alice, charlie_person)
    assert find_short(link.short_code).pk == link.pk
    assert typed(link.short_code.lower()).status_code == 302


@pytest.mark.parametrize("make", KINDS)
def test_a_used_link_is_not_found_by_its_code(make, alice, charlie_person):
    link, find_short = make(alice, charlie_person)
    type(link).objects.filter(pk=link.pk).update(used=timezone.now())
    assert find_short(link.short_code) is None
    assert "Vi finner ingen lenke med den koden" in typed(link.short_code).content.decode()


@pytest.mark.parametrize("make", KINDS)
def test_an_expired_link_is_not_found_by_its_code(make, alice, charlie_person):
    link, find_short = make(alice, charlie_person)
    type(link).objects.filter(pk=link.pk).update(expires=timezone.now() - timedelta(seconds=1))
    assert find_short(link.short_code) is None
    assert "Vi finner ingen lenke med den koden" in typed(link.short_code).content.decode()


def test_an_evaluation_answered_while_signed_in_is_not_found_by_its_code(alice, charlie_person):
    link, find_short = evaluation(alice, charlie_person)
    PersonEvaluation.objects.create(person=charlie_person, conversation=link.conversation, heard=4)
    assert find_short(link.short_code) is None


def test_a_newer_reset_link_leaves_the_older_code_finding_nothing(alice, charlie_person):
    older, find_short = reset(alice, charlie_person)
    newer, _token = ResetLink.create_for(alice, created_by=older.created_by)
    assert find_short(older.short_code) is None and find_short(newer.short_code).pk == newer.pk


def test_every_kind_of_one_time_link_says_how_long_it_lives():
    from datetime import timedelta

    from accounts.models import OneTimeLink

    kinds = OneTimeLink.kinds()
    assert set(kinds) == {"invite", "reset", "evaluation"}
    assert all(timedelta(0) < model.lifetime() <= timedelta(days=30) for model in kinds.values())
