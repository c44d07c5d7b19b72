"""Findings point at exactly the flagged phrase in the original text (character offsets),
whatever the case, inflection, letters or line endings around it."""

import pytest

from language.checking import check


def flagged(text):
    return [(text[f.start : f.end], f.category) for f in check(text)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Rusmisbrukeren kom i dag.", "Rusmisbrukeren"),
        ("Vi har mange rusmisbrukere her.", "rusmisbrukere"),
        ("Rusmisbrukerne spiste frokost.", "Rusmisbrukerne"),
        ("En rusmisbruker ringte.", "rusmisbruker"),
        ("NARKOMANE i byen", "NARKOMANE"),
        ("Hun er schizofren.", "er schizofren"),
        ("Sprøytenarkomanen flyttet.", "Sprøytenarkomanen"),
    ],
)
def test_inflections_and_case(text, phrase):
    assert flagged(text) == [(phrase, "labeling")]


def test_offsets_are_exact_with_emoji_and_accents_before():
    text = "😀🎉 Ærlig talt, én ting: Åse sa hei. Du får ikke lov til å røyke her."
    [(phrase, category)] = flagged(text)
    assert phrase == "Du får ikke lov"
    assert category == "controlling"


def test_offsets_with_windows_line_endings_and_several_findings():
    text = "Første linje er fin.\r\nHan er en alkoholiker.\r\n\r\nDu burde trene.\r\nBruker uteble."
    assert flagged(text) == [
        ("er en alkoholiker", "labeling"),
        ("Du burde", "moralizing"),
        ("uteble", "jargon"),
    ]


def test_each_finding_has_a_message_and_a_suggestion():
    [finding] = check("Du må bare ta deg sammen.")
    assert finding.category == "moralizing"
    assert finding.message and finding.suggestion
    assert finding.as_dict().keys() == {"start", "end", "category", "message", "suggestion"}


def test_a_phrase_broken_by_a_full_stop_is_not_a_match():
    assert flagged("Det sa jeg. Du. Burde vi gå?") == []


def test_findings_do_not_overlap_and_come_in_order():
    text = "Du må bare ta deg sammen, skjerp deg, rusmisbrukeren din."
    findings = check(text)
    assert [f.category for f in findings] == ["moralizing", "moralizing", "labeling"]
    for a, b in zip(findings, findings[1:], strict=False):
        assert a.end <= b.start
