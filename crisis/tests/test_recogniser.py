"""The crisis recogniser reads Norwegian as practitioners write it, and steps back where the
words are not the person in crisis."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisis.recogniser import KINDS, PhrasesError, parse_phrases, phrases, recognise

RULES = phrases().rules


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_finds_its_examples_and_leaves_its_ok_sentences(rule):
    assert rule.examples, "a rule needs examples"
    missed = [text for text in rule.examples if rule.kind not in recognise(text).kinds]
    wrongly = [text for text in rule.ok if rule.kind in recognise(text).kinds]
    assert missed == [] and wrongly == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Han sier han ikke orker mer og har tenkt på å ta livet sitt", "suicide"),
        ("han har selvmordstanker", "suicide"),
        ("han er suicidal", "suicide"),
        ("hun vil ikke leve lenger", "suicide"),
        ("hører stemmer og er redd", "fear"),
        ("Ho seier ho ikkje vil leva lenger", "suicide"),  # nynorsk
        ("æ orke ikkje mer", "suicide"),  # dialect
        ("han har selvmorstanker om natta", "suicide"),  # a typo
        ("hun har skadet seg selv igjen", "self_harm"),
        ("han har tatt en overdose", "overdose"),
        ("noen er ute etter meg, sier hun", "fear"),
        ("han sier han kommer til å skade noen", "danger_to_others"),
    ],
)
def test_the_words_from_the_issue_are_recognised_with_their_kind(text, kind):
    assert kind in recognise(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "Han har aldri tenkt på selvmord.",
        "Kursdag om selvmordsforebygging på torsdag.",
        "Filmen handlet om en mann som tok livet sitt.",
        "Broren hans tok livet sitt for mange år siden.",
        "Jeg dør av latter.",
        "Vi satt og drepte tid.",
        "Hun vil ta livet litt mer med ro.",
        "Han skar seg på brødkniven.",
        "Han trenger noen å snakke med om jobben.",
    ],
)
def test_negation_distance_others_and_idioms_are_not_crisis(text):
    assert not recognise(text)


def test_a_hit_says_which_words_and_where():
    text = "Vi snakket om boligen. Så sa hun at hun vil dø."
    recognition = recognise(text)
    assert recognition.kinds == ["suicide"]
    (hit,) = recognition.hits
    assert text[hit.start : hit.end] == hit.words == "vil dø"


def test_kinds_come_in_a_fixed_order_whatever_the_order_of_the_words():
    recognition = recognise("Han hører stemmer. Han har tatt en overdose. Han vil dø.")
    assert recognition.kinds == [k for k in KINDS if k in {"suicide", "overdose", "fear"}]


def test_crisis_words_deep_in_a_long_text_are_found():
    text = "Vi snakket om NAV og husleia. " * 300 + "Hun sier hun vil ta livet sitt."
    assert len(text) > 9_000 and recognise(text).kinds == ["suicide"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_is_read_without_error_and_hits_point_into_it(text):
    for hit in recognise(text).hits:
        assert hit.kind in KINDS and hit.words


def test_a_broken_phrase_file_is_refused_with_a_message_that_names_the_rule():
    data = {"kinds": {k: k for k in KINDS}, "rule": [{"id": "x", "kind": "suicide", "patterns": ["~ dø"]}]}
    with pytest.raises(PhrasesError, match="regel x"):
        parse_phrases(data)
    data["rule"][0] = {"id": "x", "kind": "sad", "patterns": ["dø"]}
    with pytest.raises(PhrasesError, match="ukjent kind"):
        parse_phrases(data)
