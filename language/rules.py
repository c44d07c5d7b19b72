"""The language check's rules: reading and validating language/data/rules.toml.

The rules live in language/data/rules.toml (human-editable, reviewed); they are read once
per process and cached (`rules()`). A rule's patterns are compiled into `Word` tuples:
rule words match whole tokens, lower-cased; `*` in a rule word stands for any letters,
which covers inflections and compounds (rusmisbruker*); `_` is any one word; `[word]`
is optional. The check itself is in language/checking.py.
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

TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


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
