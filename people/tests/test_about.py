"""«Om meg»: the person's own words, written by them or with their care contact, never silently overwritten."""

import pytest

from people.models import Person

pytestmark = pytest.mark.django_db


def test_the_person_writes_and_sees_it(charlie_client, charlie_person):
    response = charlie_client.post(
        f"/personer/{charlie_person.pk}/om-meg/", {"about": "Jeg liker å gå tur. <b>fet</b>", "version": 0}, follow=True
    )
    body = response.content.decode()
    assert "«Om meg» er lagret." in body
    assert "Jeg liker å gå tur. &lt;b&gt;fet&lt;/b&gt;" in body  # shown as text, never as markup


def test_two_saves_at_once_show_both_texts_and_keep_what_was_typed(charlie_client, charlie_person, alice_client):
    alice_client.post(f"/personer/{charlie_person.pk}/om-meg/", {"about": "Alice sin tekst", "version": 0})
    response = charlie_client.post(
        f"/personer/{charlie_person.pk}/om-meg/", {"about": "Charlie sin tekst", "version": 0}
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert "Noen andre lagret samtidig" in body and "Alice sin tekst" in body and "Charlie sin tekst" in body
    assert Person.objects.get(pk=charlie_person.pk).about == "Alice sin tekst"
    response = charlie_client.post(f"/personer/{charlie_person.pk}/om-meg/", {"about": "Begge deler", "version": 1})
    assert response.status_code == 302
    assert Person.objects.get(pk=charlie_person.pk).about == "Begge deler"


def test_too_long_text_is_explained_and_kept(charlie_client, charlie_person):
    text = "å" * 20_001
    response = charlie_client.post(f"/personer/{charlie_person.pk}/om-meg/", {"about": text, "version": 0})
    body = response.content.decode()
    assert "høyst 20000 tegn" in body and text in body
