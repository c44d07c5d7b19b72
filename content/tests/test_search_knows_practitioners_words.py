"""The bank's search knows the words practitioners search with, though the questions never
use them: «rus» finds the questions about relapse and «mer enn rus og diagnose», «angst»
finds «redd», and the page says which themes it added. On SQLite and on PostgreSQL."""

import pytest

from content.bank import find_questions

pytestmark = pytest.mark.django_db

# word -> questions (by theme) a practitioner would expect among the first few
EXPECTED = {
    "rus": {"H2", "I1", "E4", "E6"},
    "tilbakefall": {"H2", "E4", "E6"},
    "jobb": {"C4", "I2", "M3"},
    "barna": {"C1", "C3", "I2"},
    "angst": {"C7", "E5", "H6"},
    "skyld": {"I6"},
    "bolig": {"M6", "M5", "C5"},
    "NAV": {"E1", "E3", "C6", "E7"},
    "sorg": {"C1", "C3", "E4", "H5"},
    "penger": {"M6", "M5", "E1"},
    "søvn": {"M6", "M5", "H1"},
}


@pytest.mark.parametrize("word", list(EXPECTED))
def test_each_practitioners_word_finds_fitting_questions(word):
    result = find_questions(q=word)
    first = {question.theme_id for question in result.questions[:8]}
    assert first & EXPECTED[word], f"«{word}» fant {[q.id for q in result.questions[:8]]}"


def test_a_word_finds_the_other_words_of_its_group():
    # «engstelig» is in no question; «redd» is in its group with «angst»
    assert {q.id for q in find_questions(q="engstelig").questions} == {q.id for q in find_questions(q="redd").questions}


def test_the_words_own_hits_come_before_the_themes_they_point_to():
    result = find_questions(q="jobb")
    texts = [q.text.lower() for q in result.questions]
    with_the_word = [i for i, text in enumerate(texts) if "jobb" in text or "arbeid" in text]
    assert with_the_word and max(with_the_word) < len(with_the_word) + 3
    assert result.through == ["Arbeid, frivillighet og å bidra"]


def test_the_page_says_which_themes_it_added(alice_client):
    page = alice_client.post("/sporsmal/", {"q": "rus"}).content.decode()
    added = find_questions(q="rus").added_count
    assert added and "Ingen spørsmål har ordene «rus»." in page  # no question holds the word itself
    assert f"Vi har tatt med {added} spørsmål fra temaene om «Tilbakefall og tunge perioder»" in page
    assert "Ingen spørsmål passet" not in page


def test_the_count_says_which_questions_hold_the_word_and_which_were_added(alice_client):
    result = find_questions(q="jobb")
    assert result.found_count and result.added_count
    assert result.found_count + result.added_count == len(result.questions)
    page = alice_client.post("/sporsmal/", {"q": "jobb"}).content.decode()
    assert f"{result.found_count} spørsmål passer til «jobb»." in page
    assert f"Vi har også tatt med {result.added_count} spørsmål fra temaene om" in page


def test_a_word_nobody_knows_still_says_so_honestly(alice_client):
    page = alice_client.post("/sporsmal/", {"q": "sjokoladekake"}).content.decode()
    assert "Ingen spørsmål passet til «sjokoladekake»" in page and "Beskriv situasjonen i stedet" in page
