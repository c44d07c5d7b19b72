"""Nobody can flood someone's inbox through «Glemt passord»: at most three mails to one e-mail
address an hour, whoever asks, and at most ten asked for from one client address an hour. The
page is the same every time – sent, unknown address or over the limit – so it tells nothing."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client

from audit.models import AuditEvent

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def at(moment):
    return time_machine.travel(moment, tick=False)


def ask(email, address="203.0.113.7"):
    return Client(REMOTE_ADDR=address).post("/logg-inn/glemt/", {"email": email})


def same_page(response) -> str:
    assert response.status_code == 200
    return re.sub(r'nonce="[^"]*"', "", response.content.decode())  # the CSP nonce is new every time


@pytest.fixture
def charlie_mail(charlie, charlie_person):
    charlie.email = "charlie@example.org"
    charlie.save()
    return charlie.email


def test_one_address_gets_at_most_three_mails_an_hour_whoever_asks(charlie_mail, mailoutbox):
    with at(NOW):
        answers = {same_page(ask(charlie_mail.upper(), address=f"198.51.100.{n}")) for n in range(1, 7)}
    assert len(mailoutbox) == 3
    assert len(answers) == 1 and "Sjekk e-posten din" in answers.pop()  # the same page all six times
    assert AuditEvent.objects.filter(object_type="password_reset_mail", action="denied").count() == 3
    with at(NOW + timedelta(minutes=59)):
        ask(charlie_mail, address="192.0.2.1")
    assert len(mailoutbox) == 3
    with at(NOW + timedelta(hours=1)):
        ask(charlie_mail, address="192.0.2.1")
    assert len(mailoutbox) == 4  # the limit runs out: the owner can always get a link later


def test_one_client_can_ask_for_ten_mails_an_hour_known_address_or_not(charlie_mail, mailoutbox):
    with at(NOW):
        for n in range(10):
            ask(f"nobody{n}@example.org")  # unknown addresses count just the same
        sent = same_page(ask(charlie_mail))
        assert mailoutbox == []  # the eleventh, for a known address, is not sent
        assert sent == same_page(ask("nobody@example.org"))
        ask(charlie_mail, address="198.51.100.20")  # from somewhere else it is
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [charlie_mail]


def test_the_mail_link_still_points_at_this_site(charlie_mail, mailoutbox):
    ask(charlie_mail)
    (mail,) = mailoutbox
    assert re.search(r"http://testserver/logg-inn/ny/\S+/", mail.body)
