"""The week page asks exactly the seeds' questions, offers exactly the ten methods and checks
every motivation killer – compared with the content database, not with copies in the test."""

import re

import pytest
from django.utils.html import escape

from content.models import GuidanceCollection, GuidanceItem
from reflection.models import JournalEntry

pytestmark = pytest.mark.django_db


def items(slug):
    return list(GuidanceItem.objects.filter(collection_id=slug).order_by("order"))


@pytest.fixture
def page(alice_client):
    response = alice_client.get("/refleksjon/uke/")
    assert response.status_code == 200
    return response.content.decode()


def lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def textareas(page, prefix):
    return re.findall(rf'<textarea name="{prefix}-([^"]+)"', page)


def test_the_five_everyday_questions_of_seed_001_with_their_help(page):
    questions = items("refleksjon-hverdagsliv")
    assert len(questions) == 5
    assert textareas(page, "svar-refleksjon-hverdagsliv") == [q.key for q in questions]
    for question in questions:
        assert escape(question.title) in page and escape(question.text) in page
    collection = GuidanceCollection.objects.get(slug="refleksjon-hverdagsliv")
    assert escape(collection.intro) in page
    assert escape(collection.outro) in page  # the seed's invitation to write, above the notes


def test_the_eight_practice_questions_of_seed_002_with_intro_and_closing_quote(page):
    questions = items("refleksjon-praksis")
    assert len(questions) == 8
    assert textareas(page, "svar-refleksjon-praksis") == [q.key for q in questions]
    for question in questions:
        assert escape(question.title) in page
        if question.text:
            assert escape(question.text) in page
    collection = GuidanceCollection.objects.get(slug="refleksjon-praksis")
    assert escape(collection.intro) in page
    assert escape(collection.outro) in page


def test_the_ten_methods_of_seed_002_each_with_its_description_and_points(page):
    methods = [m for m in items("ti-metoder") if re.fullmatch(r"metode-\d+", m.key)]
    assert len(methods) == 10
    offered = re.findall(r'<input type="radio" name="method" value="([^"]*)"', page)
    assert offered == [m.key for m in methods] + [""]  # and "no method this week"
    for method in methods:
        assert escape(method.title) in page
        for line in lines(method.text):
            assert escape(line) in page
        for point in method.points:
            assert escape(point.get("title", "")) in page
            for line in lines(point.get("text", "")):
                assert escape(line) in page


def test_every_motivation_killer_of_seed_000_has_an_honest_self_check(page):
    killers = items("motivasjonsdrepere")
    assert len(killers) == GuidanceItem.objects.filter(collection_id="motivasjonsdrepere").count() == 5
    for killer in killers:
        assert escape(killer.title) in page and escape(killer.text) in page
        choices = re.findall(rf'<input type="radio" name="sjekk-{killer.key}" value="([^"]*)"', page)
        assert choices == ["nei", "litt", "ja", ""]
        assert f'name="istedenfor-{killer.key}"' in page
    assert "har jeg gjort dette denne uka?" in page
    assert escape(GuidanceCollection.objects.get(slug="motivasjonsdrepere").outro) in page
    for sentence in items("motiverende-setninger"):
        assert escape(sentence.title) in page


def test_the_chosen_method_is_shown_with_its_points_on_the_page_and_when_reading(alice_client):
    method = GuidanceItem.objects.get(collection_id="ti-metoder", key="metode-4")
    response = alice_client.post("/refleksjon/uke/", {"method": "metode-4", "method_plan": "Spør om drømmer"})
    page = alice_client.get(response["Location"]).content.decode()
    assert f"Denne uka: {escape(method.title)}" in page
    assert re.search(r'name="method" value="metode-4"[^>]*checked', page)
    entry = JournalEntry.objects.get()
    reading = alice_client.get(f"/refleksjon/{entry.pk}/").content.decode()
    assert escape(method.title) in reading and "Spør om drømmer" in reading
    for point in method.points:
        assert escape(point["title"]) in reading
