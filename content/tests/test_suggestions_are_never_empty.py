"""A situation nothing in the bank points to still gets an answer: the page says plainly
that nothing pointed anywhere, gives the three opening questions of seed 001, and open
questions from the bank marked as such – never an empty list, never in a crisis."""

import pytest

from content.suggestions import suggest

pytestmark = pytest.mark.django_db

NOTHING_POINTS_ANYWHERE = "han husker ikke sist"


def test_the_ranker_never_answers_with_nothing():
    found = suggest(NOTHING_POINTS_ANYWHERE, limit=5)
    assert len(found) == 5
    assert all(s.fallback for s in found)
    assert all("ingenting i beskrivelsen pekte mot et bestemt tema" in s.why.lower() for s in found)


def test_the_page_says_so_and_gives_the_seeds_opening_questions(alice_client):
    page = alice_client.post("/sporsmal/forslag/", {"situation": NOTHING_POINTS_ANYWHERE}).content.decode()
    assert "Vi fant ikke noe i beskrivelsen som pekte mot et bestemt tema" in page
    for question in ("Hva er viktig for deg denne uka?", "Hvordan ønsker du at jeg skal støtte deg?"):
        assert question in page
    assert "Vi fant ingen spørsmål som passet godt" not in page
    # said once above the list, not again under each question
    assert page.count("ingenting i beskrivelsen pekte mot et bestemt tema") == 0
    assert page.count("Et åpent spørsmål fra temaet «") == page.count('<li class="question el-') > 0


def test_a_situation_that_points_somewhere_gets_no_fallback(alice_client):
    found = suggest("har ikke snakket med noen på flere uker", limit=5)
    assert found and not any(s.fallback for s in found)
    page = alice_client.post("/sporsmal/forslag/", {"situation": "har ikke snakket med noen på flere uker"})
    assert "pekte mot et bestemt tema" not in page.content.decode()
