"""The language check: flags moralising, controlling, labelling and jargon in staff text.

`check(text)` returns findings with character offsets into the original text
(`text[f.start:f.end]` is the flagged phrase). The rules live in language/data/rules.toml
(human-editable, reviewed); they are read once per process and cached.

What is never flagged: text inside quotation marks («…», "…", “…”, ”…”, '…'), lines
starting with '>', the person's own words reported in a sentence ("hun sier at …", "han
kaller seg …", until a "men"), and – at the level of callers – anything a person in
recovery writes (`findings_for_fields` and the views check `user.is_person`).

Tokens are runs of letters and digits (Unicode, so æøå and any script), joined by inner
hyphens or apostrophes. Rule words match whole tokens, lower-cased; `*` in a rule word
stands for any letters, which covers inflections and compounds (rusmisbruker*).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path

RULES_FILE = Path(__file__).resolve().parent / "data" / "rules.toml"
CATEGORIES = ("moralizing", "controlling", "labeling", "jargon")
CATEGORY_LABELS = {
    "moralizing": "Moraliserende",
    "controlling": "Overstyrende",
    "labeling": "Merkelapp",
    "jargon": "Fagspråk",
}
MAX_CHARS = 20_000
READABILITY_MIN_WORDS = 40

TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
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


class RulesError(ValueError):
    """The rules file is not valid; the message names the rule and the problem."""


# ---------------------------------------------------------------- patterns


ANY = None  # a word matcher that accepts any token


@dataclass(frozen=True)
class Word:
    """One position in a pattern: a set of literal words and/or compiled globs, or ANY."""

    literals: frozenset
    globs: tuple  # compiled regexes, fullmatch

    def matches(self, token: str) -> bool:
        if token in self.literals:
            return True
        return any(g.fullmatch(token) for g in self.globs)


def _compile_word(spec: str, where: str):
    if spec == "_":
        return ANY
    literals, globs = set(), []
    for alt in spec.split("|"):
        alt = alt.strip().lower()
        if not alt:
            raise RulesError(f"{where}: tomt alternativ i «{spec}».")
        if "*" in alt:
            parts = [re.escape(p) for p in alt.split("*")]
            globs.append(re.compile(r"[\w'’-]*".join(parts)))
        else:
            if not TOKEN.fullmatch(alt):
                raise RulesError(f"{where}: «{alt}» er ikke ett ord.")
            literals.add(alt)
    return Word(frozenset(literals), tuple(globs))


def compile_pattern(pattern: str, where: str = "mønster") -> list[tuple]:
    """A pattern string → all its variants (optional words expanded), each a tuple of Words."""
    slots = []  # list of (Word, optional)
    for part in pattern.split():
        optional = part.startswith("[") and part.endswith("]")
        if optional:
            part = part[1:-1]
        if not part or "[" in part or "]" in part:
            raise RulesError(f"{where}: klammene i «{pattern}» er ikke riktige.")
        slots.append((_compile_word(part, where), optional))
    if not slots:
        raise RulesError(f"{where}: tomt mønster.")
    variants = []
    for keep in product(*[(True, False) if opt else (True,) for _, opt in slots]):
        words = tuple(w for (w, _), k in zip(slots, keep, strict=True) if k)
        if words and words not in variants:
            variants.append(words)
    if not variants or all(all(w is ANY for w in v) for v in variants):
        raise RulesError(f"{where}: mønsteret «{pattern}» må ha minst ett bestemt ord.")
    return variants


@dataclass(frozen=True)
class Rule:
    id: str
    category: str
    message: str
    suggestion: str
    variants: tuple
    unless_next: tuple
    unless_prev: tuple
    unless_before: tuple
    unless_question: bool
    examples: tuple
    ok: tuple


@dataclass(frozen=True)
class RuleSet:
    rules: tuple
    reported_speech: tuple
    reported_speech_ends: frozenset
    # first-word index: literal → [(rule, variant)], plus variants whose first word is a glob
    by_literal: dict
    by_glob: tuple


def _str_list(raw: dict, key: str, where: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RulesError(f"{where}: «{key}» må være en liste med tekster.")
    return value


def _variants(patterns: list[str], where: str) -> tuple:
    out = []
    for p in patterns:
        out.extend(compile_pattern(p, where))
    return tuple(out)


def parse_rules(data: dict) -> RuleSet:
    settings = data.get("settings", {})
    reported = _variants(_str_list(settings, "reported_speech", "settings"), "settings.reported_speech")
    ends = frozenset(w.lower() for w in _str_list(settings, "reported_speech_ends", "settings"))
    rules, seen = [], set()
    for i, raw in enumerate(data.get("rule", [])):
        where = f"regel {raw.get('id', i + 1)}"
        for key in ("id", "category", "message", "suggestion"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise RulesError(f"{where}: mangler «{key}».")
        if raw["id"] in seen:
            raise RulesError(f"{where}: id-en er brukt før.")
        seen.add(raw["id"])
        if raw["category"] not in CATEGORIES:
            raise RulesError(f"{where}: ukjent kategori «{raw['category']}» (bruk {', '.join(CATEGORIES)}).")
        unknown = set(raw) - {
            "id",
            "category",
            "message",
            "suggestion",
            "patterns",
            "unless_next",
            "unless_prev",
            "unless_before",
            "unless_question",
            "examples",
            "ok",
        }
        if unknown:
            raise RulesError(f"{where}: ukjente felt {', '.join(sorted(unknown))}.")
        patterns = _str_list(raw, "patterns", where)
        if not patterns:
            raise RulesError(f"{where}: mangler «patterns».")
        rules.append(
            Rule(
                id=raw["id"],
                category=raw["category"],
                message=raw["message"].strip(),
                suggestion=raw["suggestion"].strip(),
                variants=_variants(patterns, where),
                unless_next=_variants(_str_list(raw, "unless_next", where), where),
                unless_prev=_variants(_str_list(raw, "unless_prev", where), where),
                unless_before=_variants(_str_list(raw, "unless_before", where), where),
                unless_question=bool(raw.get("unless_question", False)),
                examples=tuple(_str_list(raw, "examples", where)),
                ok=tuple(_str_list(raw, "ok", where)),
            )
        )
    by_literal: dict[str, list] = {}
    by_glob = []
    for rule in rules:
        for variant in rule.variants:
            first = variant[0]
            if first is ANY:
                raise RulesError(f"regel {rule.id}: et mønster kan ikke begynne med «_».")
            for lit in first.literals:
                by_literal.setdefault(lit, []).append((rule, variant))
            if first.globs:
                by_glob.append((rule, variant))
    return RuleSet(tuple(rules), reported, ends, by_literal, tuple(by_glob))


def load_rules(path: Path = RULES_FILE) -> RuleSet:
    with path.open("rb") as f:
        try:
            data = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise RulesError(f"{path.name}: {e}") from e
    return parse_rules(data)


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    """The rules, read once per process."""
    return load_rules()


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


SELF_DESCRIPTION_VERBS = frozenset({"er", "var", "være", "vært", "bli", "blir", "ble", "blitt"})
ARTICLES = frozenset({"en", "ei", "et"})


def _describes_oneself(tokens, i: int, sentence: int) -> bool:
    """A sentence that begins «Jeg …» and gives the label to its speaker («Jeg er alkoholiker»,
    «Jeg vil slutte å være narkoman») is the person's own words about themself, written down."""
    start = i
    while start > 0 and tokens[start - 1].sentence == sentence:
        start -= 1
    if tokens[start].text != "jeg":
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


# ---------------------------------------------------------------- readability

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
LIX_SENTENCE_END = re.compile(r"[.!?:;…]+(?=\s|$)|\n\s*\n|\n(?=\s*(?:[-*•–]|\d+[.)])\s)")


def readability(text: str) -> dict:
    """LIX = words/sentences + 100 × long words (> 6 letters)/words.

    For texts of at least 40 words there is a level (lett < 40, middels 40–49, tung ≥ 50)
    and a plain hint; shorter texts get the numbers only (level and hint are None).
    """
    text = text if isinstance(text, str) else ""
    words = WORD.findall(text)
    n = len(words)
    long_words = sum(1 for w in words if sum(ch.isalpha() for ch in w) > 6)
    sentences = sum(1 for part in LIX_SENTENCE_END.split(text) if WORD.search(part)) if n else 0
    sentences = max(sentences, 1) if n else 0
    lix = round(n / sentences + 100 * long_words / n) if n else None
    level = hint = None
    if n >= READABILITY_MIN_WORDS:
        if lix < 40:
            level = "lett"
            hint = f"Teksten er lett å lese (LIX {lix})."
        elif lix < 50:
            level = "middels"
            hint = f"Teksten er middels lett å lese (LIX {lix}). Kortere setninger gjør den enda lettere."
        else:
            level = "tung"
            hint = f"Teksten er ganske tung å lese (LIX {lix}). Kortere setninger og hverdagsord gjør den lettere."
    return {"words": n, "sentences": sentences, "long_words": long_words, "lix": lix, "level": level, "hint": hint}


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
