"""What the shared tests rely on: the planter puts the canary in every free text of a rating, the
rating is found as the person's data (JSON export, erasure) and goes with the person; the element
names are the ones the product already uses."""

import pytest
from django.db import models

from chime.models import ELEMENTS, ChimeRating
from chime.testing import fresh_chime_rating, plant_ratings, ratings_models
from content.models import Element
from people.linked import person_field, person_linked_models
from people.models import Person

pytestmark = pytest.mark.django_db


def test_the_planter_fills_every_free_text(charlie_person):
    ids = plant_ratings(charlie_person, "KANARI-X")
    planted = ChimeRating.objects.get(pk=ids["chime_rating"])
    texts = [f.name for f in ChimeRating._meta.fields if isinstance(f, models.TextField | models.CharField)]
    assert len(texts) == 6
    for name in texts:
        assert "KANARI-X" in getattr(planted, name), name
    assert ratings_models() == {ChimeRating}
    assert fresh_chime_rating(charlie_person)["item_id"] != planted.pk


def test_ratings_are_the_persons_data_and_go_with_the_person(charlie_person):
    assert ChimeRating in person_linked_models() and person_field(ChimeRating) == "person"
    plant_ratings(charlie_person, "KANARI-Y")
    Person.objects.filter(pk=charlie_person.pk).delete()
    assert not ChimeRating.objects.exists()


def test_the_element_names_are_the_products_own_in_the_persons_words():
    from content.catalogue import person_element_names

    assert {e.key: e.name for e in ELEMENTS} == person_element_names()
    assert dict(Element.objects.values_list("key", "name_nb"))["empowerment"] == "Myndiggjøring"  # staff's word
    assert [e.key for e in ELEMENTS] == list(Element.objects.order_by("order").values_list("key", flat=True))
