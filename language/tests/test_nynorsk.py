"""Nynorsk input: the same rules catch the nynorsk forms (ikkje, berre, saman, ho, eg, ein,
-ar/-ane …), with the right category, and leave nynorsk hard negatives alone. Quality on the
labelled nynorsk sentences (language/data/eval_sentences_nn.toml) is printed by
`benchmarks/eval_language.py --set nn`."""

import pytest

from benchmarks.eval_language import SENTENCES_NN, load_sentences, prf, score
from language.checking import check


def categories(text: str) -> dict[str, str]:
    return {text[f.start : f.end]: f.category for f in check(text)}


@pytest.mark.parametrize(
    ("text", "phrase", "category"),
    [
        ("Ho må berre ta seg saman no.", "ta seg saman", "moralizing"),
        ("Det er hans eiga skuld at han mista jobben.", "hans eiga skuld", "moralizing"),
        ("Han gidd ikkje å stå opp om morgonen.", "gidd ikkje", "moralizing"),
        ("Rusmisbrukarane på huset fekk ny leilegheit.", "Rusmisbrukarane", "labeling"),
        ("Han er ein alkoholikar.", "ein alkoholikar", "labeling"),
        ("Brukaren nektar å ta blodprøve.", "Brukaren nektar", "labeling"),
        ("Eg veit kva som er best for deg.", "Eg veit kva som er best for deg", "controlling"),
        ("Du har ikkje noko anna val.", "Du har ikkje noko anna val", "controlling"),
        ("Han manglar sjukdomsinnsikt.", "sjukdomsinnsikt", "jargon"),
    ],
)
def test_nynorsk_problem_phrasing_is_flagged_with_its_category(text, phrase, category):
    found = categories(text)
    assert any(phrase in flagged or flagged in phrase for flagged in found), (text, found)
    assert category in found.values(), (text, found)


@pytest.mark.parametrize(
    "text",
    [
        "Du må gjerne ringje meg i morgon.",
        "Du må ikkje tru at du må gjere alt åleine.",
        "Du treng ikkje ta deg saman for nokon.",
        "Viss du må avlyse, send ei melding.",
        "Ho har schizofreni og likar å måle bilete.",
        "Ho sa: «Eg må berre ta meg saman.»",
        "Han vart nekta bustøtte i fjor.",
        "Eg burde ha spurt deg først.",
        "Ho har bestemt seg for å flytte nærare syster si.",
    ],
)
def test_nynorsk_hard_negatives_are_left_alone(text):
    assert check(text) == [], [(text[f.start : f.end], f.category) for f in check(text)]


def test_the_nynorsk_set_is_sizeable_balanced_and_split_like_the_bokmal_one():
    sentences = load_sentences(SENTENCES_NN)
    problem = [s for s in sentences if s["labels"]]
    assert len(sentences) >= 80
    assert 0.35 <= len(problem) / len(sentences) <= 0.65
    held_out = [s for s in sentences if s["held_out"]]
    assert 0.15 <= len(held_out) / len(sentences) <= 0.4
    assert {cat for s in problem for cat, _, _ in s["labels"]} == {"moralizing", "controlling", "labeling", "jargon"}


def test_precision_and_recall_on_the_whole_nynorsk_set():
    precision, recall, _ = prf(score(load_sentences(SENTENCES_NN))["counts"]["all"])
    assert precision >= 0.9
    assert recall >= 0.8


@pytest.mark.parametrize("text", ["Eg er alkoholikar, og eg vil slutte.", "Eg vil slutte å vere narkoman."])
def test_the_persons_own_words_about_themself_in_nynorsk_are_no_label(text):
    assert "labeling" not in categories(text).values()
