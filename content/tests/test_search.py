"""Full-text search with Norwegian stemming (PostgreSQL `norwegian` config, or FTS5 + Snowball on SQLite)."""

import pytest

from content.search import search

pytestmark = pytest.mark.django_db


def test_the_loneliness_theme_comes_first_for_ensomhet():
    assert search("ensomhet").ranked_ids[:3] == ["C3.1", "C3.2", "C3.3"]


def test_ensom_finds_what_ensomhet_finds():
    assert set(search("ensom").ranked_ids) == set(search("ensomhet").ranked_ids) != set()


def test_inflected_forms_match():
    assert "C1.3" in search("venn").ranked_ids  # «familie, venner eller kolleger»
    assert "H4.2" in search("drøm").ranked_ids  # «dine innerste drømmer»


def test_a_word_in_the_question_and_its_theme_ranks_above_the_theme_alone():
    ranked = search("drømmer").ranked_ids
    assert ranked[0] == "H4.2"  # «Hva er dine innerste drømmer» in «Drømmer og ønsker»
    assert ranked.index("H4.2") < ranked.index("H4.1")


def test_all_words_must_match_before_any_word_may():
    both = search("venner familie")
    assert both.matched_all_words and both.ranked_ids == ["C1.3"]
    either = search("venner sjokolade")
    assert not either.matched_all_words and "C1.3" in either.ranked_ids


def test_the_last_word_also_finds_compounds_that_start_with_it():
    ranked = search("mestring").ranked_ids
    assert "H3.1" in ranked  # theme H3: «…forsterke mestringsfølelse»


def test_only_stop_words_find_nothing():
    assert search("og i jeg det at").ranked_ids == []
