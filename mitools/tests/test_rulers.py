"""The importance and confidence rulers: two 0–10 choices and the MI follow-up questions in the
person's own words, kept as dated readings; the readings on one topic make a timeline."""

import re

import pytest

from mitools.models import RulerReading
from mitools.tests.common import cross, reading
from people.models import Person
from plans.models import Goal

pytestmark = pytest.mark.django_db


def base(person):
    return f"/personer/{person.pk}/mi/"


def test_the_form_has_both_rulers_and_the_follow_up_questions(charlie_client, charlie_person):
    page = charlie_client.get(base(charlie_person) + "linjal/ny/").content.decode()
    assert "<legend>Hvor viktig er det for deg?</legend>" in page
    assert "<legend>Hvor sikker er du på at du får det til, hvis du bestemmer deg for det?</legend>" in page
    assert page.count('type="radio"') == 22
    assert "0 – ikke viktig" in page and "10 – svært viktig" in page and "10 – helt sikker" in page
    assert page.count("Hvorfor ikke lavere?") == 2 and page.count("Hva skal til for å komme ett hakk opp?") == 2


def test_a_reading_is_saved_and_shown_with_the_answers(charlie_client, charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Gå tur hver dag")
    data = {
        "topic": "Å gå tur",
        "goal": goal.pk,
        "importance": "8",
        "confidence": "3",
        "importance_not_lower": "Jeg sover bedre etterpå",
        "importance_one_up": "Om hunden fikk bli med",
        "confidence_not_lower": "Jeg klarte det i fjor",
        "confidence_one_up": "Noen å gå med",
    }
    page = charlie_client.post(base(charlie_person) + "linjal/ny/", data, follow=True).content.decode()
    assert "Målingen er lagret." in page
    saved = RulerReading.objects.get()
    assert (saved.importance, saved.confidence, saved.goal) == (8, 3, goal)
    assert "<strong>8</strong> av 10" in page and "<strong>3</strong> av 10" in page
    for answer in list(data.values())[4:]:
        assert answer in page
    assert "Gå tur hver dag" in page


def test_one_ruler_may_be_skipped_but_not_both(charlie_client, charlie_person):
    url = base(charlie_person) + "linjal/ny/"
    body = charlie_client.post(url, {"topic": "Jobb", "importance_one_up": "Mer søvn"}).content.decode()
    assert "Velg et tall fra 0 til 10 på minst én av linjalene" in body and "Mer søvn" in body
    assert not RulerReading.objects.exists()
    page = charlie_client.post(url, {"topic": "Jobb", "importance": "0"}, follow=True).content.decode()
    assert RulerReading.objects.get().confidence is None
    assert "<strong>0</strong> av 10" in page and "Ikke valgt denne gangen." in page


@pytest.mark.parametrize("bad", ["11", "-1", "7.5", "sju"])
def test_numbers_outside_0_to_10_are_refused_plainly(charlie_client, charlie_person, bad):
    body = charlie_client.post(
        base(charlie_person) + "linjal/ny/",
        {"topic": "Jobb", "importance": bad, "confidence": "4", "confidence_one_up": "Kurs"},
    ).content.decode()
    assert "Velg et tall fra 0 til 10." in body and "Kurs</textarea>" in body
    assert 'value="4" id="id_confidence_4" checked' in body
    assert not RulerReading.objects.exists()


def test_only_the_persons_goals_and_a_topic_are_accepted(charlie_client, charlie_person, organisation):
    theirs = Goal.objects.create(person=Person.objects.create(organisation=organisation, display_name="D"), text="x")
    body = charlie_client.post(
        base(charlie_person) + "linjal/ny/", {"topic": "", "goal": theirs.pk, "importance": "5"}
    ).content.decode()
    assert "Skriv kort hva det handler om" in body and "Målet finnes ikke lenger" in body
    assert not RulerReading.objects.exists()


def test_the_readings_on_a_topic_make_a_timeline_with_its_numbers(charlie_client, charlie_person):
    reading(charlie_person, "Røyken", 4, 2, days_ago=60)
    reading(charlie_person, "  røyken ", 6, None, days_ago=30)
    latest = reading(charlie_person, "RØYKEN", 8, 5)
    reading(charlie_person, "Trening", 3, 3, days_ago=10)
    page = charlie_client.get(base(charlie_person) + f"linjal/{latest.pk}/").content.decode()
    assert page.count('role="img"') == 1 and "Hvor viktig og hvor sikker over tid: RØYKEN" in page
    rows = re.findall(r"<tr><th scope=\"row\">[^<]*</th><td>([^<]*)</td><td>([^<]*)</td></tr>", page)
    assert rows == [("4", "2"), ("6", "–"), ("8", "5")]
    assert "stroke-dasharray" in page and "<rect" in page  # the two lines differ by more than colour


def test_the_overview_groups_by_topic_newest_first(charlie_client, charlie_person):
    reading(charlie_person, "Røyken", 4, 2, days_ago=60)
    cross(charlie_person, "røyken", days_ago=50, pros_now="Pausene")
    reading(charlie_person, "Trening", 7, 6, days_ago=20)
    reading(charlie_person, "Røyken ", 8, 5, days_ago=1)
    page = charlie_client.get(base(charlie_person)).content.decode()
    headings = re.findall(r'<h2 id="tema-\d+">([^<]*)</h2>', page)
    assert headings == ["Røyken", "Trening"]  # one group per topic; the one touched last first
    smoking = page.split('id="tema-1"')[1].split('id="tema-2"')[0]
    assert "hvor viktig <strong>8</strong>, hvor sikker <strong>5</strong>" in smoking
    assert "Pausene" in smoking and smoking.count('role="img"') == 1
    training = page.split('id="tema-2"')[1]
    assert 'role="img"' not in training and "<caption>Tallene</caption>" in training  # one reading: just the numbers


def test_nothing_yet_invites_a_first_step(charlie_client, charlie_person):
    assert "Start gjerne med å skrive ned for og imot" in charlie_client.get(base(charlie_person)).content.decode()
