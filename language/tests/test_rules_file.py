"""The rules live in a reviewed data file: it loads, every rule says why and what instead,
its own examples are flagged and its `ok` sentences are not, and a broken file says what is wrong."""

import pytest

from language import checking as checker
from language.checking import check
from language.rules import CATEGORIES, RulesError, parse_rules, rules


def test_rules_load_once_and_are_cached():
    assert rules() is rules()
    assert len(rules().rules) >= 40
    assert {r.category for r in rules().rules} == set(CATEGORIES)


def test_every_rule_explains_and_suggests_in_norwegian():
    for rule in rules().rules:
        assert len(rule.message) > 20, rule.id
        assert len(rule.suggestion) > 10, rule.id
        assert rule.examples, f"{rule.id} has no examples"


@pytest.mark.parametrize("rule", rules().rules, ids=lambda r: r.id)
def test_rule_examples(rule):
    for sentence in rule.examples:
        assert any(f.category == rule.category for f in check(sentence)), f"{rule.id} misses: {sentence}"
    for sentence in rule.ok:
        assert check(sentence) == [], f"{rule.id} nags about: {sentence}"


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({"rule": [{"id": "x", "category": "rude", "message": "m", "suggestion": "s", "patterns": ["a"]}]}, "kategori"),
        ({"rule": [{"id": "x", "category": "jargon", "suggestion": "s", "patterns": ["a"]}]}, "message"),
        ({"rule": [{"id": "x", "category": "jargon", "message": "m", "suggestion": "s", "patterns": []}]}, "patterns"),
        (
            {"rule": [{"id": "x", "category": "jargon", "message": "m", "suggestion": "s", "patterns": ["[a"]}]},
            "klamme",
        ),
        ({"rule": [{"id": "x", "category": "jargon", "message": "m", "suggestion": "s", "patterns": ["_ [a]"]}]}, "_"),
        (
            {
                "rule": [
                    {"id": "x", "category": "jargon", "message": "m", "suggestion": "s", "patterns": ["a"], "typo": 1}
                ]
            },
            "ukjente",
        ),
        (
            {
                "rule": [
                    {"id": "x", "category": "jargon", "message": "m", "suggestion": "s", "patterns": ["a"]},
                    {"id": "x", "category": "jargon", "message": "m", "suggestion": "s", "patterns": ["b"]},
                ]
            },
            "brukt før",
        ),
    ],
)
def test_a_broken_rules_file_names_the_problem(data, says):
    with pytest.raises(RulesError, match=says):
        parse_rules(data)


def test_a_small_rule_set_can_be_used_directly():
    ruleset = parse_rules(
        {
            "rule": [
                {
                    "id": "kaffe",
                    "category": "jargon",
                    "message": "Si kaffe.",
                    "suggestion": "kaffe",
                    "patterns": ["koffeinholdig [varm] drikk*"],
                }
            ]
        }
    )
    text = "En koffeinholdig drikke og en koffeinholdig varm drikk."
    found = [text[f.start : f.end] for f in checker.check(text, ruleset)]
    assert found == ["koffeinholdig drikke", "koffeinholdig varm drikk"]
