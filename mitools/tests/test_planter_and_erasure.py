"""What the shared tests rely on: the planter puts the canary in every free text of each MI model,
the models are found as the person's data (JSON export, erasure) and go with the person."""

import pytest
from django.db import models

from mitools.models import AmbivalenceCross, CrossRevision, RulerReading
from mitools.testing import fresh_cross, fresh_ruler, mitools_models, plant_mitools
from people.linked import person_field, person_linked_models
from people.models import Person
from plans.models import Goal

pytestmark = pytest.mark.django_db


def free_texts(model) -> list[str]:
    return [f.name for f in model._meta.fields if isinstance(f, models.TextField | models.CharField)]


def test_the_planter_fills_every_free_text(charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Mål")
    ids = plant_mitools(charlie_person, "KANARI-X")
    planted = [
        AmbivalenceCross.objects.get(pk=ids["cross"]),
        RulerReading.objects.get(pk=ids["ruler"]),
        *CrossRevision.objects.filter(cross_id=ids["cross"]),
    ]
    for obj in planted:
        for name in free_texts(type(obj)):
            assert "KANARI-X" in getattr(obj, name), (type(obj).__name__, name)
    assert planted[0].goal == goal and planted[1].goal == goal
    assert {type(obj) for obj in planted} == mitools_models()
    assert fresh_cross(charlie_person)["item_id"] != ids["cross"]
    assert fresh_ruler(charlie_person)["item_id"] != ids["ruler"]


def test_the_mi_tools_are_the_persons_data_and_go_with_the_person(charlie_person):
    for model in mitools_models():
        assert model in person_linked_models() and person_field(model) == "person"
    plant_mitools(charlie_person, "KANARI-Y")
    Person.objects.filter(pk=charlie_person.pk).delete()
    for model in mitools_models():
        assert not model.objects.exists()


def test_a_removed_goal_leaves_the_tools_in_place(charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Mål")
    ids = plant_mitools(charlie_person, "KANARI-Z")
    goal.delete()
    assert AmbivalenceCross.objects.get(pk=ids["cross"]).goal is None
    assert RulerReading.objects.get(pk=ids["ruler"]).goal is None
