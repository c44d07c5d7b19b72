"""Situation suggestions: the right questions for a situation, with a reason a person can read."""

import pytest

from content.suggestions import suggest

pytestmark = pytest.mark.django_db


def test_someone_who_has_not_talked_to_anyone_gets_loneliness_questions():
    results = suggest("han har ikke snakket med noen på flere uker", limit=5)
    assert {s.theme_key for s in results[:3]} & {"C3", "C7"}
    first = results[0]
    assert "ensomhet" in first.why.lower()
    assert "«snakket med noen»" in first.why  # the user's own words, quoted


def test_shame_points_to_self_acceptance():
    results = suggest("han skammer seg over hvem han har blitt", limit=3)
    assert results[0].theme_key == "I6"
    assert "skammer" in results[0].why


def test_a_chosen_phase_lifts_questions_for_that_phase_and_says_so():
    without = [s.question_id for s in suggest("hun er så lei seg", limit=5)]
    crisis = suggest("hun er så lei seg", phase="krise", limit=5)
    assert [s.question_id for s in crisis] != without
    assert all(s.phase_name == "Krise" for s in crisis[:3])
    assert "krise" in crisis[0].why.lower()
    hope = suggest("hun er så lei seg", phase="krise", element="hope", limit=1)[0]
    assert "akutt krise" in hope.guidance  # Hope's guidance row «…motløshet eller akutt krise» comes along


def test_element_focus_lifts_that_element():
    results = suggest("vil gjerne begynne å jobbe igjen", element="identity", limit=5)
    assert results[0].element == "identity"


def test_the_top_is_varied_across_themes():
    results = suggest("ensom og alene, savner vennene sine", limit=5)
    themes = [s.theme_key for s in results]
    assert max(themes.count(t) for t in themes) <= 2


def test_limit_is_respected_and_order_is_by_score():
    results = suggest("mistet håpet", limit=3)
    assert len(results) == 3
    assert [s.score for s in results] == sorted((s.score for s in results), reverse=True)


def test_words_that_match_nothing_get_open_questions_said_to_be_so():
    found = suggest("zxqv blorft")
    assert found and all(s.fallback and "pekte mot et bestemt tema" in s.why for s in found)
