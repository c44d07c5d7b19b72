"""Two people editing the same cross at once: the second save shows both texts, keeps what was
typed, overwrites nothing – and what the first one saved stays in the history either way."""

import pytest
from django.test import Client

from conftest import sign_in
from mitools.models import AmbivalenceCross, CrossRevision
from mitools.tests.common import cross

pytestmark = pytest.mark.django_db


def form(version, **fields):
    return {"topic": "Røyken", "version": version, **fields}


def test_the_second_save_sees_both_texts_and_keeps_what_was_typed(charlie, alice, charlie_person):
    saved = cross(charlie_person, pros_now="Roer meg")
    url = f"/personer/{charlie_person.pk}/mi/kors/{saved.pk}/endre/"
    charlies, alices = sign_in(Client(), charlie, two_factor=False), sign_in(Client(), alice)
    charlies.get(url)
    alices.get(url)  # both opened version 0
    assert alices.post(url, form(0, pros_now="Roer meg ned etter jobb")).status_code == 302
    response = charlies.post(url, form(0, pros_now="Roer meg, og er sosialt", cons_change="Redd for å bli sur"))
    body = response.content.decode()
    assert response.status_code == 409
    assert "Noen andre lagret samtidig" in body and "Alice Aas" in body
    assert "Fordeler med «saken» – det du skrev" in body and "Fordeler med «saken» – det som er lagret nå" in body
    assert "Roer meg ned etter jobb" in body and "Roer meg, og er sosialt" in body
    assert "Redd for å bli sur</textarea>" in body  # nothing typed is lost
    assert 'name="version" value="1"' in body  # the retry is against what is saved now
    saved.refresh_from_db()
    assert saved.pros_now == "Roer meg ned etter jobb"  # not overwritten
    assert charlies.post(url, form(1, pros_now="Roer meg ned, og er sosialt")).status_code == 302
    saved.refresh_from_db()
    assert (saved.pros_now, saved.version) == ("Roer meg ned, og er sosialt", 2)
    history = list(CrossRevision.objects.filter(cross=saved).values_list("pros_now", flat=True))
    assert history == ["Roer meg ned, og er sosialt", "Roer meg ned etter jobb", "Roer meg"]


@pytest.mark.parametrize("version", ["", "abc", "-1", "99999999999999999999", "7"])
def test_a_missing_or_broken_version_never_overwrites(charlie_client, charlie_person, version):
    saved = cross(charlie_person, pros_now="Lagret")
    AmbivalenceCross.objects.filter(pk=saved.pk).update(version=3)
    response = charlie_client.post(
        f"/personer/{charlie_person.pk}/mi/kors/{saved.pk}/endre/", form(version, pros_now="Mitt forslag")
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Mitt forslag" in body and "Lagret" in body
    saved.refresh_from_db()
    assert saved.pros_now == "Lagret"
