"""Filling in a CHIME self-rating: five numbers from 0 to 10, a comment where the person wants one.
Anything missing or out of range gets a plain Norwegian message, and nothing chosen or typed is lost."""

import pytest
from django.db import IntegrityError, transaction

from audit.models import Action, AuditEvent
from chime.models import ELEMENTS, KEYS, ChimeRating
from chime.tests.common import form_data, rating

pytestmark = pytest.mark.django_db


def new_url(person):
    return f"/personer/{person.pk}/chime/ny/"


def test_the_form_asks_in_plain_words_with_eleven_choices_and_anchors(charlie_client, charlie_person):
    page = charlie_client.get(new_url(charlie_person)).content.decode()
    assert "Det er din opplevelse som teller. Tallene er ikke en karakter." in page
    assert "Hvor mye kjenner du at du hører til – at du har folk og steder rundt deg?" in page
    for element in ELEMENTS:
        assert f"<legend>{element.name}</legend>" in page and element.question in page
        assert page.count(f'name="{element.key}" value=') == 11
    assert page.count("0 – svært lite") == 5 and page.count("10 – veldig mye") == 5
    assert page.count('type="radio"') == 55


def test_a_rating_is_saved_with_comments_and_audited(charlie_client, charlie_person, charlie):
    data = form_data(0, 10, 4, 7, 3, hope_comment="  Sola kom fram  ", note="En god uke")
    response = charlie_client.post(new_url(charlie_person), data, follow=True)
    assert "Takk! Vurderingen er lagret." in response.content.decode()
    saved = ChimeRating.objects.get()
    assert [getattr(saved, key) for key in KEYS] == [0, 10, 4, 7, 3]
    assert saved.hope_comment == "Sola kom fram" and saved.note == "En god uke" and saved.created_by == charlie
    event = AuditEvent.objects.get(action=Action.CREATE)
    assert (event.object_type, event.object_id, event.person_id) == ("chime_rating", str(saved.pk), charlie_person.pk)


@pytest.mark.parametrize("bad", ["11", "-1", "10.5", "mye", "1e1", "٣", " 5 ", "0x5"])
def test_numbers_outside_0_to_10_are_refused_plainly_and_the_rest_is_kept(charlie_client, charlie_person, bad):
    data = form_data(3, 4, 5, 6, 7, hope_comment="Det jeg skrev", note="Notatet mitt")
    data["hope"] = bad
    response = charlie_client.post(new_url(charlie_person), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Velg et tall fra 0 til 10." in body
    assert "Det jeg skrev" in body and "Notatet mitt" in body
    for key, value in zip(KEYS, (3, 4, 5, 6, 7), strict=True):
        if key != "hope":
            assert f'value="{value}" id="id_{key}_{value}" required checked' in body, key
    assert not ChimeRating.objects.exists()


def test_a_half_filled_form_says_what_is_missing_and_keeps_the_rest(charlie_client, charlie_person):
    data = {"hope": "6", "hope_comment": "Bedre enn i går", "identity_comment": "Vet ikke helt", "note": "Hei"}
    body = charlie_client.post(new_url(charlie_person), data).content.decode()
    assert "Velg et tall for tilhørighet, identitet, mening og å bestemme selv, så kan vurderingen lagres." in body
    assert "Velg et tall fra 0 til 10 for Identitet." in body
    assert "Det du allerede har valgt og skrevet, er tatt vare på." in body
    assert 'value="6" id="id_hope_6" required checked' in body
    assert "Bedre enn i går" in body and "Vet ikke helt" in body and "Hei</textarea>" in body
    assert not ChimeRating.objects.exists()


def test_an_empty_post_is_answered_not_ignored(charlie_client, charlie_person):
    body = charlie_client.post(new_url(charlie_person), {}).content.decode()
    assert "Velg et tall for tilhørighet, håp, identitet, mening og å bestemme selv" in body


def test_a_too_long_comment_is_explained_and_kept(charlie_client, charlie_person):
    long = "å" * 5001
    body = charlie_client.post(new_url(charlie_person), form_data(hope_comment=long)).content.decode()
    assert "Teksten kan være på høyst 5000 tegn (nå er den 5001)." in body
    assert long in body
    assert not ChimeRating.objects.exists()


def test_a_double_submit_saves_one_rating(charlie_client, charlie_person):
    data = form_data(1, 2, 3, 4, 5, note="Samme")
    charlie_client.post(new_url(charlie_person), data)
    second = charlie_client.post(new_url(charlie_person), data, follow=True)
    assert "Vurderingen var allerede lagret" in second.content.decode()
    assert ChimeRating.objects.count() == 1
    charlie_client.post(new_url(charlie_person), form_data(1, 2, 3, 4, 6, note="Samme"))
    assert ChimeRating.objects.count() == 2  # a different rating is a new one


@pytest.mark.parametrize("value", [-1, 11, 200])
def test_the_database_refuses_numbers_outside_0_to_10(charlie_person, value):
    with pytest.raises(IntegrityError), transaction.atomic():
        rating(charlie_person, 5, value, 5, 5, 5)
