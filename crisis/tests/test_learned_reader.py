"""The recogniser's second reader (crisis/learned.py): it notices veiled ways of writing about
suicide and self-harm that no phrase covers, steps back where the phrases ruled words out, and
is trained on today's sentences."""

import json
import math

import pytest

from crisis import learned, training
from crisis.recogniser import _normalize, phrases, recognise, recognise_by_phrases, tokenize


def words_of(text: str) -> list[str]:
    return [token.text for token in tokenize(_normalize(text), phrases())]


# Written for this test, in words no phrase holds (each is checked against the phrases below).
VEILED = [
    ("Hun har gitt bort katten sin og ordnet alle papirene, sier det blir lettere for alle uten henne.", "suicide"),
    ("Hun spør om jeg kan passe på hunden hennes når hun ikke er her lenger.", "suicide"),
    ("Hun sier hun har lagt en plan, og at det skal skje etter jul.", "suicide"),
    ("Hun pirker i sårene på armene til de åpner seg igjen.", "self_harm"),
    ("Ho har skada seg med glasbitar på badet i natt.", "self_harm"),
]


@pytest.mark.parametrize("text, kind", VEILED)
def test_veiled_writing_the_phrases_miss_is_recognised(text, kind):
    assert kind not in recognise_by_phrases(text).kinds  # else this test would prove nothing
    assert kind in recognise(text).kinds


def test_what_the_reader_finds_covers_the_sentence_and_quotes_nothing():
    text = "Vi snakket om husleia. " + VEILED[0][0]
    hits = [hit for hit in recognise(text).hits if hit.learned]
    assert hits and all(hit.words == "" and text[hit.start : hit.end] == VEILED[0][0][:-1] for hit in hits)
    assert recognise(text).words == []


@pytest.mark.parametrize(
    "text",
    [
        "Han har aldri tenkt på å ta livet sitt.",
        "Han har aldri hatt selvmordstanker, sier han, og er glad i livet.",
        "Spurte om hun har tenkt på å ta livet sitt. Hun sa nei.",
    ],
)
def test_where_the_phrases_ruled_words_out_their_reason_stands(text):
    assert "suicide" in learned.kinds_in(words_of(text))  # the reader alone would say crisis here
    assert recognise(text).kinds == []


@pytest.mark.parametrize(
    "text",
    [
        "Nekter for selvmordstanker, men har skrevet brev til ungene og gitt bort katten og ordnet papirene.",
        "Hun sier hun ikke er trygg, har gitt bort katten sin og ordnet alle papirene.",
    ],
)
def test_a_denial_does_not_silence_the_rest_of_the_sentence(text):
    assert "suicide" not in recognise_by_phrases(text).kinds
    assert "suicide" in recognise(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "han har tatt seg en øl igjen etter jobb i helga",
        "hun er ikke alene lenger, hun har fått en venninne i koret",
        "han vil ikke ha hjelp av NAV, sier han klarer seg selv med jobben",
        "han skylder penger til en kompis og vet ikke hvordan han skal betale",
    ],
)
def test_everyday_talk_of_drinking_debt_and_help_brings_no_card(text):
    assert text not in {s["text"] for s in training.training_sentences()}  # not a sentence it learned from
    assert recognise(text).kinds == []


def test_two_words_and_stray_letters_are_left_to_the_phrases():
    assert learned.probabilities(["ta", "livet"])["suicide"] >= learned.THRESHOLD  # it would guess crisis
    assert learned.kinds_in(["ta", "livet"]) == []
    assert learned.probabilities(["a", "b", "c", "kutt"])["self_harm"] >= learned.THRESHOLD
    assert learned.kinds_in(["a", "b", "c", "kutt"]) == []


def test_the_app_reads_the_model_as_scikit_learn_does():
    pytest.importorskip("sklearn")
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [VEILED[0][0], VEILED[3][0], "han har drukket igjen", "vi gikk tur i parken i dag", "hun er glad"]
    words = [words_of(text) for text in texts]
    vectorizer = TfidfVectorizer(analyzer=learned.pieces, lowercase=False, sublinear_tf=True)
    matrix = vectorizer.fit_transform(words)
    fitted = LogisticRegression(C=10).fit(matrix, [True, False, False, False, False])
    model = learned.model_from_rows(
        ("suicide",),
        fitted.intercept_,
        {p: (vectorizer.idf_[c], fitted.coef_[0][c]) for p, c in vectorizer.vocabulary_.items()},
    )
    expected = fitted.predict_proba(vectorizer.transform(words + [["qxz", "zqx", "xzq"]]))[:, 1]
    for text_words, probability in zip(words, expected, strict=False):
        assert math.isclose(learned.probabilities(text_words, model)["suicide"], probability, abs_tol=1e-9)
    assert learned.probabilities(["qxz", "zqx", "xzq"], model) == {}  # nothing it knows: nothing said


def test_the_shipped_model_is_trained_on_todays_sentences():
    shipped = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    assert shipped["digest"] == training.training_digest(training.training_sentences()), (
        "crisis/data/model.json is older than the sentences: run .venv/bin/python -m crisis.training"
    )
    assert tuple(shipped["kinds"]) == learned.KINDS


def test_the_held_out_set_is_never_trained_on():
    path = training.DATA / training.NEVER_TRAINED_ON
    if not path.exists():
        pytest.skip(f"{path.name} is not there")
    import tomllib

    with path.open("rb") as f:
        held_out = {s["text"] for s in tomllib.load(f)["sentence"]}
    shared = len(held_out & {s["text"] for s in training.training_sentences()})
    assert shared == 0, f"{shared} held-out sentences are among the training sentences"  # (never print them)


def test_the_learned_reader_leaves_the_phrase_files_harmless_sentences_alone():
    # `ok` sentences are harmless for their rule's kind; some hold another kind, which the phrases find
    harmless = [text for rule in phrases().rules for text in rule.ok if not recognise_by_phrases(text)]
    flagged = [text for text in harmless if recognise(text)]
    assert len(flagged) <= len(harmless) // 100, flagged  # a floor: at most 1 in 100 (1 of 341 on 2026-12-03)
