"""A POST-only address opened from a bookmark or an old tab gets a Norwegian page, not the
browser's blank error – and nothing is changed."""

import pytest

from content.models import Favourite, Question

pytestmark = pytest.mark.django_db


def test_opening_a_button_address_directly_explains_itself(alice_client):
    question = Question.objects.first()
    response = alice_client.get(f"/sporsmal/{question.pk}/favoritt/")
    assert response.status_code == 405 and response["Allow"] == "POST"
    page = response.content.decode()
    assert "Denne siden åpnes med en knapp" in page and "Ingenting er endret" in page
    assert not Favourite.objects.exists()


def test_htmx_keeps_the_bare_status(alice_client):
    question = Question.objects.first()
    response = alice_client.get(f"/sporsmal/{question.pk}/favoritt/", headers={"HX-Request": "true"})
    assert response.status_code == 405 and response.content == b""
