"""The language check: flags moralising, controlling, labelling and jargon in staff text.

`check(text)` returns findings with character offsets into the original text
(`text[f.start:f.end]` is the flagged phrase). The rules come from language/rules.py
(language/data/rules.toml, read once per process and cached).

What is never flagged: text inside quotation marks («…», "…", “…”, ”…”, '…'), lines
starting with '>', the person's own words reported in a sentence ("hun sier at …", "han
kaller seg …", until a "men"), and – at the level of callers – anything a person in
recovery writes (`findings_for_fields` and the views check `user.is_person`).

Tokens are runs of letters and digits (Unicode, so æøå and any script), joined by inner
hyphens or apostrophes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from language.readability import readability
from language.rules import ANY, CATEGORY_LABELS, TOKEN, Rule, RuleSet, rules

MAX_CHARS = 20_000

SENTENCE_END = re.compile(r"[.!?;…]|\n")


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    category: str
    message: str
    suggestion: str

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "message": self.message,
            "suggestion": self.suggestion,
        }


# ---------------------------------------------------------------- text analysis


@dataclass
class Token:
    text: str  # lower-cased
    start: int
    end: int
    sentence: int
    joined: bool  # only spaces/tabs between this token and the previous one, same sentence
    quoted: bool


_PAIRED = {"«": "»", "“": "”", "„": "“"}
_SAME = {'"', "”"}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, and lines that start with '>'."""
    spans: list[tuple[int, int]] = []
    # '>' lines
    for m in re.finditer(r"(?m)^[ \t]*>.*$", text):
        spans.append((m.start(), m.end()))
    # «…» (nested), “…”, „…“ – pairs; unmatched opening quote runs to the end of the line
    stack: list[tuple[str, int]] = []
    same_open: dict[str, int] = {}
    for i, ch in enumerate(text):
        if ch == "\n":
            for _, start in stack:
                spans.append((start, i))
            stack.clear()
            for start in same_open.values():
                spans.append((start, i))
            same_open.clear()
            continue
        if stack and ch == _PAIRED[stack[-1][0]]:
            _, start = stack.pop()
            if not stack:
                spans.append((start, i + 1))
            continue
        if ch in _PAIRED:
            stack.append((ch, i))
            continue
        if ch in _SAME:
            if ch in same_open:
                spans.append((same_open.pop(ch), i + 1))
            else:
                same_open[ch] = i
    end = len(text)
    for _, start in stack:
        spans.append((start, end))
    for start in same_open.values():
        spans.append((start, end))
    # '…' and ‘…’: only when the quote mark stands at a word edge (not an apostrophe inside a word)
    for m in re.finditer(r"(?<![\w'’])['‘]([^'’\n]{1,200})['’](?![\w'’])", text):
        spans.append((m.start(), m.end()))
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def tokenize(text: str) -> tuple[list[Token], list[bool]]:
    """Tokens with offsets, sentence numbers and quote flags; and per sentence: is it a question."""
    quotes = quoted_spans(text)
    tokens: list[Token] = []
    sentence = 0
    prev_end = 0
    q = 0
    for m in TOKEN.finditer(text):
        start, end = m.span()
        gap = text[prev_end:start]
        joined = bool(tokens)
        if tokens:
            if SENTENCE_END.search(gap):
                sentence += 1
                joined = False
            elif gap.strip(" \t"):
                joined = False
        while q < len(quotes) and quotes[q][1] <= start:
            q += 1
        quoted = q < len(quotes) and quotes[q][0] <= start < quotes[q][1]
        tokens.append(Token(m.group().lower().replace("’", "'"), start, end, sentence, joined, quoted))
        prev_end = end
    questions = [False] * (sentence + 1)
    for i, tok in enumerate(tokens):
        last_in_sentence = i + 1 == len(tokens) or tokens[i + 1].sentence != tok.sentence
        if last_in_sentence:
            tail = text[tok.end : tokens[i + 1].start if i + 1 < len(tokens) else len(text)]
            mark = SENTENCE_END.search(tail)
            questions[tok.sentence] = "?" in (tail[: mark.start() + 1] if mark else tail)
    return tokens, questions


def _match_at(tokens: list[Token], i: int, variant: tuple, *, need_join: bool = True) -> int | None:
    """If `variant` matches tokens[i:], return the index after the last matched token."""
    n = len(variant)
    if i + n > len(tokens):
        return None
    sentence = tokens[i].sentence
    for k, word in enumerate(variant):
        tok = tokens[i + k]
        if k and (tok.sentence != sentence or (need_join and not tok.joined)):
            return None
        if word is not ANY and not word.matches(tok.text):
            return None
    return i + n


def _any_at(tokens, i, variants, **kw) -> bool:
    return any(_match_at(tokens, i, v, **kw) is not None for v in variants)


def _ends_at(tokens, end, variants, sentence) -> bool:
    """Does one of `variants` match ending right before token index `end` (same sentence)?"""
    for v in variants:
        start = end - len(v)
        if start >= 0 and tokens[start].sentence == sentence and _match_at(tokens, start, v) == end:
            return True
    return False


def _found_before(tokens, start, end, variants, stop_words=frozenset()) -> bool:
    """Does one of `variants` occur within tokens[start:end], with no stop word after it?"""
    for i in range(end - 1, start - 1, -1):
        if tokens[i].text in stop_words:
            return False
        for v in variants:
            after = _match_at(tokens, i, v)
            if after is not None and after <= end:
                return True
    return False


LOOK_BACK = 12  # how many words back `unless_before` looks, within the sentence


def reported_speech_mask(tokens: list[Token], ruleset: RuleSet) -> list[bool]:
    """True for tokens that come after a reported-speech marker in their sentence ("hun sier at …"),
    until a stop word ("men"). One pass over the text."""
    mask = [False] * len(tokens)
    active_until_sentence = -1
    marker_end = -1
    for i, tok in enumerate(tokens):
        if tok.sentence != active_until_sentence:
            active_until_sentence = -1
        if tok.text in ruleset.reported_speech_ends:
            active_until_sentence = -1
            marker_end = -1
        mask[i] = active_until_sentence == tok.sentence and i >= marker_end
        if active_until_sentence == -1:
            for v in ruleset.reported_speech:
                after = _match_at(tokens, i, v)
                if after is not None:
                    active_until_sentence, marker_end = tok.sentence, after
                    break
    return mask


# Bokmål and nynorsk («Eg er alkoholikar», «Eg vil slutte å vere narkoman»).
SELF_DESCRIPTION_VERBS = frozenset(
    {"er", "e", "var", "være", "vere", "vore", "vært", "bli", "blir", "ble", "blei", "vart", "blitt"}
)
ARTICLES = frozenset({"en", "ei", "et", "ein", "eit"})
SPEAKER = frozenset({"jeg", "eg", "æ", "e"})


def _describes_oneself(tokens, i: int, sentence: int) -> bool:
    """A sentence that begins «Jeg …» («Eg …») and gives the label to its speaker («Jeg er
    alkoholiker», «Eg vil slutte å vere narkoman») is the person's own words about themself."""
    start = i
    while start > 0 and tokens[start - 1].sentence == sentence:
        start -= 1
    if tokens[start].text not in SPEAKER:
        return False
    before = i - 1
    if before > start and tokens[before].text in ARTICLES:
        before -= 1
    return before > start and tokens[before].text in SELF_DESCRIPTION_VERBS


def _applies(rule: Rule, tokens, questions, reported, i: int, end: int) -> bool:
    sentence = tokens[i].sentence
    if reported[i] or any(t.quoted for t in tokens[i:end]):
        return False
    if rule.category == "labeling" and _describes_oneself(tokens, i, sentence):
        return False
    if rule.unless_question and questions[sentence]:
        return False
    next_in_sentence = end < len(tokens) and tokens[end].sentence == sentence
    if rule.unless_next and next_in_sentence and _any_at(tokens, end, rule.unless_next):
        return False
    if rule.unless_prev and _ends_at(tokens, i, rule.unless_prev, sentence):
        return False
    if rule.unless_before:
        first = i
        while first > 0 and i - first < LOOK_BACK and tokens[first - 1].sentence == sentence:
            first -= 1
        if _found_before(tokens, first, i, rule.unless_before):
            return False
    return True


def check(text: str, ruleset: RuleSet | None = None) -> list[Finding]:
    """Findings in `text`, in order, never overlapping. Offsets index the original string."""
    if not isinstance(text, str) or not text:
        return []
    ruleset = ruleset or rules()
    tokens, questions = tokenize(text)
    reported = reported_speech_mask(tokens, ruleset)
    candidates: list[tuple[int, int, int, Rule]] = []  # (start token, end token, order, rule)
    order = {rule.id: n for n, rule in enumerate(ruleset.rules)}
    for i, tok in enumerate(tokens):
        options = list(ruleset.by_literal.get(tok.text, ()))
        options += [(r, v) for r, v in ruleset.by_glob if v[0].matches(tok.text)]
        for rule, variant in options:
            end = _match_at(tokens, i, variant)
            if end is not None and _applies(rule, tokens, questions, reported, i, end):
                candidates.append((i, end, order[rule.id], rule))
    # Longest match first at each start; drop anything overlapping a kept finding.
    # Findings of the same category that follow each other directly (only spaces between)
    # become one, so "du må bare ta deg sammen" is one remark, not two.
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    kept: list[list] = []  # [start token, end token, rule]
    for i, end, _, rule in candidates:
        if kept and i < kept[-1][1]:
            continue
        if kept and i == kept[-1][1] and tokens[i].joined and kept[-1][2].category == rule.category:
            kept[-1][1] = end
            continue
        kept.append([i, end, rule])
    return [
        Finding(tokens[i].start, tokens[end - 1].end, rule.category, rule.message, rule.suggestion)
        for i, end, rule in kept
    ]


# ---------------------------------------------------------------- on save


@dataclass(frozen=True)
class FieldResult:
    label: str
    text: str
    findings: tuple
    readability: dict

    @property
    def remarks(self) -> list[dict]:
        """Findings ready for a template: the flagged phrase, category label, message, suggestion."""
        return present(self.text, self.findings)

    @property
    def has_remarks(self) -> bool:
        return bool(self.findings) or self.readability.get("level") == "tung"


def present(text: str, findings) -> list[dict]:
    return [
        {
            **f.as_dict(),
            "phrase": text[f.start : f.end],
            "category_label": CATEGORY_LABELS[f.category],
        }
        for f in findings
    ]


def findings_for_fields(user, fields: dict[str, str]) -> dict[str, FieldResult]:
    """For a view after saving: {label: FieldResult} for the fields that have something to say.

    Persons in recovery are never checked (their words are theirs): returns {}.
    Over-long or non-text values are skipped.
    """
    if user is None or not getattr(user, "is_authenticated", False) or getattr(user, "is_person", True):
        return {}
    results = {}
    for label, text in fields.items():
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_CHARS:
            continue
        result = FieldResult(label, text, tuple(check(text)), readability(text))
        if result.has_remarks:
            results[label] = result
    return results
