"""A state said with a «not» is read as what it means: «har ikke drukket på tre uker» is
progress to celebrate, not a relapse; «klarte nesten ikke» is no success; «ikke lenger ensom»
is progress. And hopelessness beside «framtida» brings no dream questions."""

import pytest

from content.suggestions import suggest

pytestmark = pytest.mark.django_db

DREAMS = {"H4", "I7", "M7"}  # the future, dreams and big questions of identity


def situations(text):
    return {name for s in suggest(text, limit=5) for name in s.situations}


def test_not_drinking_is_progress_and_drinking_again_is_a_relapse():
    assert "Fremgang å feire" in situations("har ikke drukket på tre uker")
    assert "Tilbakefall og tunge perioder" not in situations("har ikke drukket på tre uker")
    assert "Tilbakefall og tunge perioder" in situations("han har drukket igjen")
    reasons = " ".join(s.why for s in suggest("har ikke drukket på tre uker", limit=3))
    assert "«ikke drukket»" in reasons  # the reason quotes the «not» too


def test_nearly_not_managing_is_no_success():
    assert "Fremgang å feire" not in situations("Hun klarte nesten ikke å komme seg hit i dag")
    assert "Fremgang å feire" in situations("Hun klarte å komme seg hit i dag")


def test_no_longer_lonely_is_progress():
    assert "Fremgang å feire" in situations("hun er ikke ensom lenger")
    assert "Ensomhet og isolasjon" not in situations("hun er ikke ensom lenger")


def test_hopelessness_beside_the_future_brings_no_dream_questions():
    found = suggest("Det er ingen vits, jeg orker ikke tenke på framtida engang", limit=8)
    assert found and not {s.theme_key for s in found} & DREAMS


def test_asking_what_the_point_is_brings_no_existential_or_dream_questions():
    for text in ("hva er poenget", "han spør hva som er poenget og hvorfor han er her"):
        found = suggest(text, limit=8)
        assert found and not {s.theme_key for s in found} & DREAMS, [s.id for s in found]
