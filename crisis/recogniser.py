"""Recognise crisis language in Norwegian text: words about suicide, self-harm, overdose or
heavy intoxication, strong fear or psychosis-like experience, and danger to others.

It recognises words; it never diagnoses and never scores risk. A hit only tells the app
to step aside: to show the seed's crisis guidance, present and grounded questions, the
person's own safety plan and the numbers to call, instead of big questions about the future.

The phrases live in crisis/data/phrases.toml (reviewed; tests check every rule's
`examples` and `ok`). How a text is read:

- Tokens are runs of letters and digits, lower-cased; nynorsk and dialect forms are mapped
  to bokmål (`[variants]`), and a few key words are recognised with one typo
  (`fuzzy_anchors`: «selvmor», «suisidal», «overdoze»); a letter written three or more times
  counts once («døøø»), and a word written without spaces that is made only of `glued_words`
  («vilikkeleve», «orkerikkemer») is read as its words.
- A phrase matches words in order within one sentence (see the file for the pattern syntax;
  `@name` there stands for a word list from `[groups]`). A gap (`~`) stays in its clause, but
  may cross into a clause opened by «som», «og» … or a `gap_crossing` word («tror at vennene vil
  drepe ham»), and over quotation marks inside a clause («tok «en del» Imovane med alkohol»).
- Not counted, because it is not this person in crisis (the same standard as the language
  check holds for quoting and reporting):
  - negation right before the words («har aldri tenkt på selvmord», «ingen selvmordstanker»,
    «nekter for at han har kuttet seg»), unless the negation belongs to an earlier hit
    («orker ikke mer, vil dø») or is only for now («har ikke tenkt å ta livet mitt i dag, i
    hvert fall»: `not_yet`, later in the sentence);
  - denied or made a topic later in the sentence («spurte om selvmordstanker, som hun
    avkreftet», «… han sa nei», «tok medisinene som avtalt»: `denials`);
  - distance: a course, film, book or article about it («kursdag om selvmordsforebygging»,
    «filmen handlet om en som tok livet sitt», «en roman der hovedpersonen …»), also when the
    film or book stands inside the words («så en film om spøkelser»);
  - someone else as the subject, told in the past («broren hans tok livet sitt», «en kamerat
    av ham tok livet sitt», «onkelen hadde schizofreni og hørte stemmer»);
  - the person's own history long ago, not back now;
  - banter («skal drepe deg i sjakk, haha», «sier han og ler»: `jokes`), or a dream («drømte at
    hun ble jaget»: `dreams`);
  - without what the rule needs elsewhere in the sentence (`only_with`: «plaster på armen» with
    «det var jeg som gjorde det»);
  - what the rule itself rules out earlier or later in the sentence (`unless_before`: «gruer seg
    til eksamen og vil bare at det skal være over»; `unless_after`: «vil ikke leve sånn lenger –
    vil bli rusfri»);
  - a question answered no: the words stand in a question («Spurte om hun har tenkt på å
    skade seg.», `questions`) and the next sentence opens with a no («Hun sa nei.»,
    «Han ristet på hodet.»: `no_answers`).
- Question and answer: a rule with `asked = true` counts only in a question whose answer is
  yes – later in the sentence or at the start of the next one («Spurte om han har en plan.
  «Ja, jeg vet hvordan.»», «Spurte om han har skadet seg. «Bare litt.»»: `yes_answers`). A
  question put to someone («Tenker du på å ta livet ditt?»: a sentence ending in «?» with
  `addressed` words before the words) is the asker's words: it counts only when answered yes.
- Different kinds may share words («skal ta alle pillene» is both suicide and overdose); within
  one kind, one hit per stretch of words: the longest at the first place.
- When in doubt it counts: missing a crisis costs more than a false alarm.

Speed: one pass over the tokens with a first-word index and a look at the second word; a
phrase is only tried in a sentence that has a word for each of its fixed words (the words of
a sentence are put in a set once); what was worked out about a word, a pair of words or a
sentence is remembered (bounded memos), so 10,000 characters take a few milliseconds
(benchmarks/bench_search.py prints it).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path

from crisis import learned

PHRASES_FILE = Path(__file__).resolve().parent / "data" / "phrases.toml"
KINDS = ("suicide", "self_harm", "overdose", "fear", "danger_to_others")
MAX_CHARS = 50_000  # longer texts are read up to here; nobody writes a crisis in the 50,001st character
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?…]|\n")
CLAUSE_BREAK = re.compile(r"[,;:()\[\]«»\"“”–—-]")
QUOTES_ONLY = re.compile(r"\s*[«»\"“”]+\s*")  # «en del» inside a clause: a new clause, but a gap may cross it
GAP = "~"  # in a pattern: up to MAX_GAP other words
MAX_GAP = 4
ANY = "_"  # in a pattern: exactly one word, any word
JOINING_WORDS = ("og", "eller")
WORD_JOINERS = ("-", "'", "’")  # «TV-en», «treng'n»: inside a word, not a break between clauses
MEMO_SIZE = 20_000  # per memo (words read, first words, pattern words with globs): entries before it is cleared
RECOGNISING = frozenset({"kjenne", "kjenner", "kjente", "kjent"})  # «kjenner igjen» is not «again»
DETERMINERS = frozenset({"min", "mi", "mitt", "hans", "hennes", "en", "ei", "et", "ein", "eit", "vår", "deres"})


class PhrasesError(ValueError):
    """The phrase file is not valid; the message names the rule and the problem."""


@dataclass(frozen=True)
class Hit:
    kind: str
    start: int  # character offsets into the text that was read
    end: int
    words: str  # the words as they were written ("" from the learned reader: it quotes nothing)
    learned: bool = False  # found by the learned reader (crisis/learned.py), not by a phrase


@dataclass(frozen=True)
class Recognition:
    hits: tuple[Hit, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.hits)

    @property
    def kinds(self) -> list[str]:
        """The kinds found, in the fixed order of KINDS (most urgent first)."""
        found = {hit.kind for hit in self.hits}
        return [kind for kind in KINDS if kind in found]

    @property
    def words(self) -> list[str]:
        """The words that were recognised, each once, in the order they were written."""
        return list(dict.fromkeys(hit.words for hit in self.hits if hit.words))


# ---------------------------------------------------------------- the phrase file


@dataclass(frozen=True)
class Word:
    """One position of a pattern: a set of literal words and/or prefix globs."""

    literals: frozenset
    globs: tuple  # compiled regexes, fullmatch

    def __post_init__(self):
        # all the globs as one regex: one call per token instead of one per glob; and what it
        # said about a token is remembered (a bounded memo, cleared when full)
        joined = re.compile("|".join(f"(?:{g.pattern})" for g in self.globs)).fullmatch if self.globs else None
        object.__setattr__(self, "_globs", joined)
        object.__setattr__(self, "_memo", {})

    def matches(self, token: str) -> bool:
        if token in self.literals:
            return True
        if self._globs is None:
            return False
        memo = self._memo
        found = memo.get(token)
        if found is None:
            if len(memo) > MEMO_SIZE:
                memo.clear()
            found = memo[token] = self._globs(token) is not None
        return found


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    variants: tuple  # each a tuple of Word | ANY | GAP
    unless_next: tuple
    unless_prev: tuple
    unless_after: tuple  # anywhere later in the sentence, they rule the hit out
    unless_before: tuple  # … or anywhere earlier in it
    only_with: tuple  # the hit counts only when one of these stands elsewhere in its sentence
    clause_end: bool  # the words must end their clause (trailing words from `trailing` allowed)
    asked: str  # "" | "yes": only in a question answered yes («Spurte om han har en plan. «Ja.»») | "no": … answered no
    examples: tuple
    ok: tuple


@dataclass(frozen=True)
class Phrases:
    rules: tuple
    kind_names: dict
    variants: dict
    negators: tuple  # variants, matched ending right before the hit or inside its gaps
    negation_bridge: Word  # words that may stand between a negator and the hit
    frames: Word
    frame_links: frozenset
    relative_words: frozenset
    others: Word
    person_words: frozenset
    past_markers: frozenset
    long_ago: tuple
    still: frozenset
    not_tokens: Word
    denials: tuple  # variants: after the hit in its sentence, they deny it («… han sa nei»)
    jokes: tuple  # variants: anywhere in the hit's sentence, they mark it as banter («haha»)
    addressed: frozenset  # «du», «ditt» …: in a sentence ending with «?», a question put to someone
    clause_words: frozenset
    gap_crossing: frozenset  # clause words a gap may cross (besides «som», «og» …): «tror at …»
    no_answers: Variants  # at the start of the sentence after a question: the answer is no
    yes_answers: Variants  # … or yes
    trailing: tuple
    fuzzy_anchors: tuple
    glued_words: frozenset  # words recognised when written together («vilikkeleve»: vil ikke leve)
    glued_core: frozenset  # … of which one must be among the parts
    by_literal: dict  # first literal word -> [(rule, variant)]
    by_prefix: dict  # first three letters of a first-word glob -> [(rule, variant)]
    needs: dict  # id(variant) -> the literal sets of its later fixed words: one of each must be in the sentence
    options_memo: dict = field(default_factory=dict, compare=False, repr=False)  # word -> [(rule, variant)]
    word_memo: dict = field(default_factory=dict, compare=False, repr=False)  # word as written -> as read
    pairs_memo: dict = field(default_factory=dict, compare=False, repr=False)  # (word, next word) -> [(rule, variant)]
    sentence_marks: Variants = field(
        default_factory=lambda: Variants(), compare=False, repr=False
    )  # long_ago + denials + jokes + dreams
    question_marks: Variants = field(
        default_factory=lambda: Variants(), compare=False, repr=False
    )  # questions + yes_answers: looked for only when a question matters


def _compile_word(spec: str, where: str) -> Word:
    literals, globs = set(), []
    for alt in spec.split("|"):
        alt = alt.strip().lower()
        if not alt:
            raise PhrasesError(f"{where}: tomt alternativ i «{spec}».")
        if "*" in alt:
            globs.append(re.compile(r"[^\W_]*".join(re.escape(part) for part in alt.split("*"))))
        elif TOKEN.fullmatch(alt):
            literals.add(alt)
        else:
            raise PhrasesError(f"{where}: «{alt}» er ikke ett ord.")
    return Word(frozenset(literals), tuple(globs))


def compile_pattern(pattern: str, where: str = "mønster") -> list[tuple]:
    """A pattern → all its variants (optional words expanded), each a tuple of Word, ANY or GAP."""
    slots = []
    for part in pattern.split():
        optional = part.startswith("[") and part.endswith("]")
        if optional:
            part = part[1:-1]
        if not part or "[" in part or "]" in part:
            raise PhrasesError(f"{where}: klammene i «{pattern}» er ikke riktige.")
        if part in (ANY, GAP):
            slots.append((GAP if part == GAP else ANY, optional))
        else:
            slots.append((_compile_word(part, where), optional))
    variants = []
    for keep in product(*[(True, False) if optional else (True,) for _, optional in slots]):
        words = tuple(word for (word, _), kept in zip(slots, keep, strict=True) if kept)
        if words and words not in variants:
            variants.append(words)
    for variant in variants:
        if variant[0] in (ANY, GAP) or variant[-1] in (ANY, GAP):
            raise PhrasesError(f"{where}: «{pattern}» kan ikke begynne eller slutte med «_» eller «~».")
    return variants


def _asked(value, where: str) -> str:
    """`asked = true` (or "ja"): the words count when the question is answered yes; `asked = "nei"`:
    when it is answered no («Spurte om han er trygg i kveld. Han ristet på hodet.»)."""
    if value is False:
        return ""
    if value is True or value == "ja":
        return "yes"
    if value == "nei":
        return "no"
    raise PhrasesError(f'{where}: «asked» må være true, "ja" eller "nei".')


def _list(raw: dict, key: str, where: str) -> list[str]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PhrasesError(f"{where}: «{key}» må være en liste med tekster.")
    return value


class Variants(tuple):
    """Compiled variants (a tuple), indexed by their first word so that only the few that can
    start at a token are tried."""

    def __new__(cls, variants=()):
        self = super().__new__(cls, variants)
        self.by_first = {}
        self.name_of = {}  # id(variant) -> the list it came from, where lists are merged
        self.open_first = []  # variants whose first word has a glob
        for variant in self:
            for literal in variant[0].literals:
                self.by_first.setdefault(literal, []).append(variant)
            if variant[0].globs:
                self.open_first.append(variant)
        # one regex for all those globs, to pass over most tokens at once
        self.any_open = Word(frozenset(), tuple(g for v in self.open_first for g in v[0].globs))
        # the most tokens a variant can cover
        self.reach = max((len(v) + (MAX_GAP - 1) * v.count(GAP) for v in self), default=0)
        self.needs = {id(v): _needs(v) for v in self}  # what the sentence must have for it to match
        return self

    def starting(self, text: str) -> list:
        found = self.by_first.get(text, [])
        if self.open_first and self.any_open.matches(text):
            found = found + [v for v in self.open_first if v[0].matches(text)]
        return found


def _variants(patterns: list[str], where: str) -> Variants:
    return Variants(v for p in patterns for v in compile_pattern(p, where))


def _one_word(specs: list[str], where: str) -> Word:
    return _compile_word("|".join(specs), where) if specs else Word(frozenset(), ())


RULE_FIELDS = frozenset(
    "id kind patterns unless_next unless_prev unless_after unless_before only_with clause_end asked examples ok note".split()
)


GROUP = re.compile(r"@([^\W\d_][\w-]*)")


def _expand_groups(patterns: list[str], groups: dict, where: str) -> list[str]:
    """«tatt ~ @piller»: a word `@name` stands for the alternatives of `[groups] name`; it may be
    one of several alternatives in its slot («sobril|@piller»)."""

    def one(match: re.Match) -> str:
        name = match.group(1)
        if name not in groups:
            raise PhrasesError(f"{where}: ukjent gruppe «@{name}» (se [groups]).")
        return groups[name]

    return [GROUP.sub(one, p) for p in patterns]


def parse_phrases(data: dict) -> Phrases:
    settings = data.get("settings", {})
    groups = data.get("groups", {})
    if not all(
        isinstance(k, str) and isinstance(v, str) and "@" not in v and " " not in v.strip() for k, v in groups.items()
    ):
        raise PhrasesError('[groups]: hver linje må være «navn = "ord|ord*|…"» (ett ord med alternativer).')
    groups = {k: v.strip() for k, v in groups.items()}
    kind_names = data.get("kinds", {})
    if set(kind_names) != set(KINDS):
        raise PhrasesError(f"[kinds] må ha nøyaktig disse: {', '.join(KINDS)}.")
    rules, seen = [], set()
    by_literal: dict[str, list] = {}
    by_prefix: dict[str, list] = {}
    for n, raw in enumerate(data.get("rule", []), start=1):
        where = f"regel {raw.get('id', n)}"
        unknown = set(raw) - RULE_FIELDS
        if unknown:
            raise PhrasesError(f"{where}: ukjente felt {', '.join(sorted(unknown))}.")
        if not isinstance(raw.get("id"), str) or raw["id"] in seen:
            raise PhrasesError(f"{where}: mangler id, eller id-en er brukt før.")
        seen.add(raw["id"])
        if raw.get("kind") not in KINDS:
            raise PhrasesError(f"{where}: ukjent kind «{raw.get('kind')}» (bruk {', '.join(KINDS)}).")
        patterns = _expand_groups(_list(raw, "patterns", where), groups, where)
        if not patterns:
            raise PhrasesError(f"{where}: mangler «patterns».")
        rule = Rule(
            id=raw["id"],
            kind=raw["kind"],
            variants=_variants(patterns, where),
            unless_next=_variants(_expand_groups(_list(raw, "unless_next", where), groups, where), where),
            unless_prev=_variants(_expand_groups(_list(raw, "unless_prev", where), groups, where), where),
            unless_after=_variants(_expand_groups(_list(raw, "unless_after", where), groups, where), where),
            unless_before=_variants(_expand_groups(_list(raw, "unless_before", where), groups, where), where),
            only_with=_variants(_expand_groups(_list(raw, "only_with", where), groups, where), where),
            clause_end=bool(raw.get("clause_end", False)),
            asked=_asked(raw.get("asked", False), where),
            examples=tuple(_list(raw, "examples", where)),
            ok=tuple(_list(raw, "ok", where)),
        )
        rules.append(rule)
        for variant in rule.variants:
            first = variant[0]
            for literal in first.literals:
                by_literal.setdefault(literal, []).append((rule, variant))
            for glob in first.globs:
                prefix = glob.pattern.split("[")[0].replace("\\", "")
                if len(prefix) < 3:
                    raise PhrasesError(f"{where}: et mønster må begynne med minst tre bokstaver før «*».")
                by_prefix.setdefault(prefix[:3], []).append((rule, variant))
    variants = data.get("variants", {})
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in variants.items()):
        raise PhrasesError('[variants]: hver linje må være «ord = "bokmålsord"».')
    anchors = tuple(a.lower() for a in _list(settings, "fuzzy_anchors", "settings"))
    if any(len(a) < 6 for a in anchors):
        raise PhrasesError("settings.fuzzy_anchors: ord med skrivefeil-toleranse må ha minst seks bokstaver.")
    long_ago = _variants(_list(settings, "long_ago", "settings"), "settings.long_ago")
    denials = _variants(_list(settings, "denials", "settings"), "settings.denials")
    jokes = _variants(_list(settings, "jokes", "settings"), "settings.jokes")
    dreams = _variants(_list(settings, "dreams", "settings"), "settings.dreams")
    not_yet = _variants(_list(settings, "not_yet", "settings"), "settings.not_yet")
    questions = _variants(_list(settings, "questions", "settings"), "settings.questions")
    yes_answers = _variants(_list(settings, "yes_answers", "settings"), "settings.yes_answers")
    sentence_marks = Variants((*long_ago, *denials, *jokes, *dreams, *not_yet))
    question_marks = Variants((*questions, *yes_answers))
    for merged, lists in (
        (
            sentence_marks,
            (("long_ago", long_ago), ("denials", denials), ("jokes", jokes), ("dreams", dreams), ("not_yet", not_yet)),
        ),
        (question_marks, (("questions", questions), ("yes_answers", yes_answers))),
    ):
        merged.name_of = {id(variant): name for name, found in lists for variant in found}
    return Phrases(
        rules=tuple(rules),
        kind_names=dict(kind_names),
        variants={k.lower(): v.lower() for k, v in variants.items()},
        negators=_variants(_list(settings, "negators", "settings"), "settings.negators"),
        negation_bridge=_one_word(_list(settings, "negation_bridge", "settings"), "settings.negation_bridge"),
        frames=_one_word(_list(settings, "frames", "settings"), "settings.frames"),
        frame_links=frozenset(_list(settings, "frame_links", "settings")),
        relative_words=frozenset(_list(settings, "relative_words", "settings")),
        others=_one_word(_list(settings, "others", "settings"), "settings.others"),
        person_words=frozenset(_list(settings, "person_words", "settings")),
        past_markers=frozenset(_list(settings, "past_markers", "settings")),
        long_ago=long_ago,
        still=frozenset(_list(settings, "still", "settings")),
        not_tokens=_one_word(_list(settings, "not_tokens", "settings"), "settings.not_tokens"),
        denials=denials,
        jokes=jokes,
        addressed=frozenset(_list(settings, "addressed", "settings")),
        clause_words=frozenset(_list(settings, "clause_words", "settings")),
        gap_crossing=frozenset(_list(settings, "gap_crossing", "settings")),
        no_answers=_variants(_list(settings, "no_answers", "settings"), "settings.no_answers"),
        yes_answers=yes_answers,
        trailing=_variants(_list(settings, "trailing", "settings"), "settings.trailing"),
        fuzzy_anchors=anchors,
        glued_words=frozenset(w.lower() for w in _list(settings, "glued_words", "settings")),
        glued_core=frozenset(w.lower() for w in _list(settings, "glued_core", "settings")),
        by_literal=by_literal,
        by_prefix=by_prefix,
        needs={id(variant): _needs(variant) for rule in rules for variant in rule.variants},
        sentence_marks=sentence_marks,
        question_marks=question_marks,
    )


def _needs(variant: tuple) -> tuple:
    """The words after the first that have no glob: a sentence without one of each cannot match."""
    fixed = [slot.literals for slot in variant[1:] if slot is not GAP and slot is not ANY and not slot.globs]
    # the most telling first: short words («seg», «på», «i») are in most sentences, long ones are not
    return tuple(sorted(fixed, key=lambda literals: (-min(map(len, literals)), len(literals)))[:3])


def load_phrases(path: Path = PHRASES_FILE) -> Phrases:
    with path.open("rb") as f:
        try:
            data = tomllib.load(f)
        except tomllib.TOMLDecodeError as e:
            raise PhrasesError(f"{path.name}: {e}") from e
    return parse_phrases(data)


@lru_cache(maxsize=1)
def phrases() -> Phrases:
    """The phrases, read once per process."""
    return load_phrases()


# ---------------------------------------------------------------- reading the text


@dataclass(slots=True)
class Token:
    text: str  # lower-cased, dialect mapped to bokmål, a typo in a key word mended
    start: int
    end: int
    sentence: int
    clause: int
    soft: bool = False  # the clause starts here with «som», «og» … and no punctuation: a gap may cross it
    clause_span: range = range(0)  # token indices of this token's clause
    sentence_span: range = range(0)  # … and of its sentence
    cache: dict | None = None  # on a sentence's first token: what was worked out about it
    in_hit: bool = False  # part of a hit already found
    asks: bool = False  # the last word of a sentence that ends with «?»


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=1)
def _anchor_keys() -> dict:
    """One-deletion neighbourhoods of the fuzzy anchors (as in SymSpell): two words are one
    edit apart when their neighbourhoods meet."""
    keys: dict[str, set] = {}
    for anchor in phrases().fuzzy_anchors:
        for key in _deletions(anchor):
            keys.setdefault(key, set()).add(anchor)
    return keys


@lru_cache(maxsize=20_000)
def _mend(token: str) -> str:
    """«selvmorstanker» → «selvmordstanker»: a word that starts with a key word written with
    one typo gets the key word back. Only long key words, so short everyday words are safe."""
    anchors = phrases().fuzzy_anchors
    if len(token) < 6 or any(token.startswith(a) for a in anchors):
        return token
    keys = _anchor_keys()
    for anchor in anchors:
        if token[0] != anchor[0]:
            continue
        for length in (len(anchor), len(anchor) - 1, len(anchor) + 1):
            head = token[:length]
            if len(head) != length:
                continue
            if any(anchor in keys.get(key, ()) for key in _deletions(head)):
                return anchor + token[length:]
    return token


WORDS_ONLY, SENTENCE, QUESTION, BREAK, QUOTES = range(5)  # what stands between two words
_GAPS: dict = {}  # the text between two words -> what it is (a bounded memo)


def _gap_kind(gap: str) -> int:
    kind = _GAPS.get(gap)
    if kind is None:
        if SENTENCE_END.search(gap):
            kind = QUESTION if "?" in gap else SENTENCE
        elif CLAUSE_BREAK.search(gap) and gap not in WORD_JOINERS:
            kind = QUOTES if QUOTES_ONLY.fullmatch(gap) else BREAK
        else:
            kind = WORDS_ONLY
        if len(_GAPS) > MEMO_SIZE:
            _GAPS.clear()
        _GAPS[gap] = kind
    return kind


REPEATED = re.compile(r"(.)\1\1+")  # «døøø», «neeei»: three or more of a letter are read as one
GLUED_MIN, GLUED_PART = 7, 8  # a glued word has at least this many letters; a part at most this many


def _unglue(word: str, ruleset: Phrases) -> tuple | None:
    """«vilikkeleve» → («vil», «ikke», «leve»): a word written without spaces that is wholly made of
    `glued_words`, at least three of them – or two, one of them «jeg», «meg» …; one of them must
    be a `glued_core` word («leve», «dø», «drepe» …). The parts with their offsets in the word."""
    vocabulary = ruleset.glued_words
    size = len(word)
    if size < GLUED_MIN or not vocabulary or word in vocabulary:
        return None
    best: list = [None] * (size + 1)  # the fewest parts that make word[:i]
    best[0] = ()
    for i in range(size):
        if best[i] is None:
            continue
        for j in range(i + 1, min(size, i + GLUED_PART) + 1):
            if word[i:j] in vocabulary and (best[j] is None or len(best[j]) > len(best[i]) + 1):
                best[j] = best[i] + ((i, j),)
    parts = best[size]
    if not parts or len(parts) < 2:
        return None
    words = [word[i:j] for i, j in parts]
    if not ruleset.glued_core.intersection(words):
        return None
    if len(parts) == 2 and not SPEAKER.intersection(ruleset.variants.get(w, w) for w in words):
        return None
    return tuple(parts)


def _read_word(raw: str, ruleset: Phrases) -> tuple:
    """The word as read: ((text, opens a clause, soft, start, end in the word), …): bokmål form,
    letters written many times once, a typo in a key word mended; a glued word in its parts."""
    lower = raw.lower()
    if REPEATED.search(lower):
        lower = REPEATED.sub(r"\1", lower)
    parts = ((0, len(raw)),)
    if lower not in ruleset.variants:
        parts = _unglue(lower, ruleset) or parts
    read = []
    for start, end in parts:
        word = lower[start:end]
        word = ruleset.variants.get(word, word)
        opens = word in ruleset.clause_words
        soft = word in ruleset.relative_words or word in JOINING_WORDS or word in ruleset.gap_crossing
        # offsets into the word as written (one per letter, unless letters were run together)
        if len(lower) != len(raw):
            start, end = 0, len(raw)
        read.append((_mend(word), opens, opens and soft, start, end))
    return tuple(read)


def tokenize(text: str, ruleset: Phrases) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    sentence = clause = 0
    previous_end = 0
    memo = ruleset.word_memo
    remembered = memo.get
    for match in TOKEN.finditer(text):
        start, end = match.span()
        gap = text[previous_end:start]
        raw = match.group()
        known = remembered(raw)
        if known is None:  # the word as read: bokmål form, typo mended; and does it open a clause?
            read = _read_word(raw, ruleset)
            known = read[0][:3] if len(read) == 1 else (None, read, None)
            if len(memo) > MEMO_SIZE:
                memo.clear()
            memo[raw] = known
        word, opens, soft = known
        if word is None:  # a glued word: its parts, one token each («opens» holds them)
            parts = opens
            for n, (word, opens, soft, part_start, part_end) in enumerate(parts):
                if n:
                    if opens:
                        clause += 1
                    soft = False
                    append(Token(word, start + part_start, start + part_end, sentence, clause, soft))
                    continue
                if tokens:
                    kind = _gap_kind(gap)
                    if kind in (SENTENCE, QUESTION):
                        sentence += 1
                        clause += 1
                        tokens[-1].asks = kind == QUESTION
                    elif kind != WORDS_ONLY or opens:
                        clause += 1
                append(Token(word, start + part_start, start + part_end, sentence, clause, False))
            previous_end = end
            continue
        if tokens:
            if gap == " ":  # the usual case: nothing between the words
                if opens:
                    clause += 1
                else:
                    soft = False
            else:
                kind = _gap_kind(gap)
                if kind in (SENTENCE, QUESTION):
                    sentence += 1
                    clause += 1
                    soft = False
                    tokens[-1].asks = kind == QUESTION
                elif kind != WORDS_ONLY:
                    clause += 1
                    soft = kind == QUOTES
                elif opens:
                    clause += 1
                else:
                    soft = False
        else:
            soft = False
        append(Token(word, start, end, sentence, clause, soft))
        previous_end = end
    if tokens:
        tokens[-1].asks = "?" in text[previous_end:]
    _mark_spans(tokens)
    return tokens


def _mark_spans(tokens: list[Token]) -> None:
    """Each token gets the token indices of its clause and of its sentence."""
    size = len(tokens)
    first = 0
    for i in range(1, size + 1):
        if i == size or tokens[i].clause != tokens[first].clause:
            whole = range(first, i)
            for token in tokens[first:i]:
                token.clause_span = whole
            first = i
    first = 0
    for i in range(1, size + 1):
        if i == size or tokens[i].sentence != tokens[first].sentence:
            whole = range(first, i)
            for token in tokens[first:i]:
                token.sentence_span = whole
            first = i


def _match(tokens: list[Token], i: int, variant: tuple, k: int = 0, gaps: tuple = ()) -> tuple | None:
    """(index after the match, indices of the tokens that filled gaps), or None."""
    n, size = len(variant), len(tokens)
    while k < n:
        if i >= size or (k and tokens[i].sentence != tokens[i - 1].sentence):
            return None
        slot = variant[k]
        if slot is GAP:
            after = variant[k + 1]  # a gap is never last
            for skip in range(MAX_GAP + 1):
                j = i + skip
                if j >= size or (skip and tokens[j - 1].clause != tokens[j - 2].clause and not tokens[j - 1].soft):
                    break
                if after is not ANY and after is not GAP:
                    text = tokens[j].text
                    if text not in after.literals and (after._globs is None or not after.matches(text)):
                        continue  # the word after the gap is not here: no need to try the rest
                found = _match(tokens, j, variant, k + 1, gaps + tuple(range(i, j)))
                if found is not None:
                    return found
            return None
        if slot is ANY:
            gaps = gaps + (i,)
        else:
            text = tokens[i].text
            if text not in slot.literals and (slot._globs is None or not slot.matches(text)):
                return None
        i += 1
        k += 1
    return i, gaps


def _matches_at(tokens, i, variants: Variants) -> bool:
    return any(_match(tokens, i, v) is not None for v in variants.starting(tokens[i].text))


def _ends_at(tokens, end, variants) -> bool:
    """Does one of `variants` end right before token `end`, in the same clause? (A variant may
    itself end with a word that opens the clause: «nekter for at | han har kuttet seg».)"""
    if tokens[end - 1].clause != tokens[end].clause:
        return False
    sentence = tokens[end].sentence
    for start in range(max(0, end - variants.reach), end):
        if tokens[start].sentence != sentence:
            continue
        for variant in variants.starting(tokens[start].text):
            found = _match(tokens, start, variant)
            if found is not None and found[0] == end:
                return True
    return False


NEGATION_REACH = 6  # words between a negator and the hit, all of them "bridge" words


def _negated(tokens, ruleset: Phrases, start: int, gaps: tuple) -> bool:
    """«har aldri tenkt på selvmord», «ingen selvmordstanker»: a negator ends within a few
    words before the hit, in its clause, with only bridge words between; or fills a gap.
    A negator that belongs to an earlier hit negates nothing more («orker ikke mer vil dø»)."""
    starts, ends = _negators_in(tokens, ruleset, start)
    if gaps and not starts.isdisjoint(gaps):
        return True
    clause = tokens[start].clause
    end = start
    for _ in range(NEGATION_REACH + 1):
        if end == 0 or tokens[end - 1].clause != clause or tokens[end - 1].in_hit:
            return False
        if end in ends:  # a negator ends right before `end`, in its clause
            return True
        if not ruleset.negation_bridge.matches(tokens[end - 1].text):
            return False
        end -= 1
    return False


def _negators_in(tokens, ruleset: Phrases, start: int) -> tuple:
    """(where a negator starts, where one ends right before – in the same clause, as `_ends_at`
    says it) in the sentence of `start`: token indices, worked out once per sentence."""
    cache = _sentence_cache(tokens, start)
    found = cache.get("negators")
    if found is None:
        starts, ends = set(), set()
        negators = ruleset.negators
        for i in tokens[start].sentence_span:
            for variant in negators.starting(tokens[i].text):
                match = _match(tokens, i, variant)
                if match is not None:
                    starts.add(i)
                    end = match[0]
                    same = end < len(tokens) and tokens[end].sentence == tokens[i].sentence
                    if same and tokens[end - 1].clause == tokens[end].clause:
                        ends.add(end)
        found = cache["negators"] = (frozenset(starts), frozenset(ends))
    return found


def _at_a_distance(tokens, ruleset: Phrases, start: int) -> bool:
    """«filmen handlet om en som tok livet sitt», «temadag om overdoser»: a course, a film, a
    book … earlier in the sentence, linked to the words by «om», with no new clause between
    them other than a relative one («som», «der»)."""
    sentence = tokens[start].sentence
    linked = False
    for i in range(start - 1, -1, -1):
        token = tokens[i]
        if token.sentence != sentence:
            return False
        boundary = tokens[i + 1]
        relative = boundary.text in ruleset.relative_words
        reported = boundary.text == "at" and token.text in ruleset.frame_links  # «en artikkel om at …»
        if boundary.clause != token.clause and not (relative or reported or _joins_the_hit(tokens, i + 1, start)):
            return False  # «kurs om rus, og nå vil han dø»: the sentence has moved on
        if linked and ruleset.frames.matches(token.text):
            return True  # «temaet for møtet var hvordan …»: a frame that is also a link («tema») still frames
        if token.text in ruleset.frame_links:
            linked = True
    return False


TOPIC_WORDS = ("hvordan", "hvorfor", "hva")


def _joins_the_hit(tokens, at: int, start: int) -> bool:
    """«om psykoser og stemmehøring», «om psykose og hvordan det er å høre stemmer»: an
    «og»/«eller» right before the words, or before «hvordan», «hvorfor», «hva», joins them to
    what came before; it does not start a new thought."""
    if tokens[at].text not in JOINING_WORDS:
        return False
    return at + 1 == start or (at + 1 < len(tokens) and tokens[at + 1].text in TOPIC_WORDS)


def _about_someone_else(tokens, ruleset: Phrases, start: int, end: int) -> bool:
    """«broren hans tok livet sitt», «en venn som døde av en overdose»: someone else is the
    subject, it is told in the past tense, and the person is not named between them and the
    words. (Someone else's crisis now – «moren har sagt hun vil dø» – still counts.)"""
    clause = tokens[start].clause
    if not any(tokens[i].text in ruleset.past_markers for i in tokens[start].clause_span):
        return False
    i = start - 1
    while i >= 0 and tokens[i].clause == clause:
        text = tokens[i].text
        if text in ruleset.person_words:
            # «en kamerat av ham», «broren til henne»: the person only owns the someone else
            return i >= 2 and tokens[i - 1].text in ("av", "til") and ruleset.others.matches(tokens[i - 2].text)
        if ruleset.others.matches(text):
            return True
        i -= 1
    # A relative clause («… en venn som tok livet sitt») belongs to the word before «som».
    first = i + 1
    if first < len(tokens) and tokens[first].text in ruleset.relative_words and i >= 0:
        return ruleset.others.matches(tokens[i].text)
    # «Onkelen hadde schizofreni og hørte stemmer»: a clause joined by «og» with no subject of
    # its own has the subject of the clause before; it counts when that clause starts with
    # someone else (its first word, or the second after «min», «hans», «en» …).
    if first < len(tokens) and tokens[first].text in JOINING_WORDS and i >= 0:
        span = tokens[i].clause_span
        lead = [tokens[j].text for j in span[:2]]
        if lead and ruleset.others.matches(lead[0]):
            return True
        return len(lead) == 2 and lead[0] in DETERMINERS and ruleset.others.matches(lead[1])
    return False


def _sentence_cache(tokens, start: int) -> dict:
    """What was worked out about the sentence of token `start` in this text (kept on the
    sentence's first token)."""
    first = tokens[tokens[start].sentence_span.start]
    if first.cache is None:
        first.cache = {}
    return first.cache


def _marks(tokens, ruleset: Phrases, start: int, questions: bool = False) -> dict:
    """Where in the sentence of token `start` the sentence-wide lists match («for ti år siden»,
    «som hun avkreftet», «haha»; with `questions`: «Spurte om», «ja»): {list name: [token
    indices]}, in one pass, once per sentence."""
    cache = _sentence_cache(tokens, start)
    key = "questions" if questions else "marks"
    found = cache.get(key)
    if found is None:
        found = cache[key] = {}
        marks = ruleset.question_marks if questions else ruleset.sentence_marks
        sentence = tokens[start].sentence_span
        words = frozenset([tokens[i].text for i in sentence])
        needs = marks.needs
        for i in sentence:
            for variant in marks.starting(tokens[i].text):
                need = needs[id(variant)]
                if need and any(map(words.isdisjoint, need)):
                    continue
                if _match(tokens, i, variant) is not None:
                    found.setdefault(marks.name_of[id(variant)], []).append(i)
    return found


def _long_ago(tokens, ruleset: Phrases, start: int) -> bool:
    """«et selvmordsforsøk for ti år siden, og hun har det bra nå»: the person's own history,
    long ago, with nothing in the sentence saying it is back («igjen», «fortsatt» …)."""
    if "long_ago" not in _marks(tokens, ruleset, start):
        return False
    sentence = tokens[start].sentence_span
    return not any(tokens[i].text in ruleset.still and not (i and tokens[i - 1].text in RECOGNISING) for i in sentence)


def _ends_clause(tokens, ruleset: Phrases, end: int) -> bool:
    """Nothing more in the clause after the words, apart from a trailing «nå», «lenger» …"""
    if end >= len(tokens) or tokens[end].clause != tokens[end - 1].clause:
        return True
    for variant in ruleset.trailing:
        found = _match(tokens, end, variant)
        if found is not None:
            after = found[0]
            if after >= len(tokens) or tokens[after].clause != tokens[after - 1].clause:
                return True
    return False


def _vetoed(rule: Rule, tokens, start: int, end: int) -> bool:
    """The rule's own exceptions: what follows («i foten») or goes before («jobben tar livet av meg»)."""
    followed = end < len(tokens) and tokens[end].sentence == tokens[end - 1].sentence
    if rule.unless_next and followed and _matches_at(tokens, end, rule.unless_next):
        return True
    return bool(rule.unless_prev) and start > 0 and _ends_at(tokens, start, rule.unless_prev)


def _with(rule: Rule, tokens, start: int, end: int) -> bool:
    """The rule's `only_with`: one of them elsewhere in the sentence («plaster på armen igjen, «det
    var jeg som gjorde det»»)."""
    span = tokens[start].sentence_span
    return any(_matches_at(tokens, i, rule.only_with) for i in span if i < start or i >= end)


def _only_for_now(tokens, ruleset: Phrases, end: int) -> bool:
    """«Jeg har ikke tenkt å ta livet mitt … i dag, i hvert fall.»: the no is only for now."""
    return any(i >= end for i in _marks(tokens, ruleset, end - 1).get("not_yet", ()))


def _denied(tokens, ruleset: Phrases, end: int) -> bool:
    """«Spurte om selvmordstanker, som hun avkreftet», «… om å ta livet sitt, han sa nei»: a
    denial later in the same sentence."""
    return any(i >= end for i in _marks(tokens, ruleset, end - 1).get("denials", ()))


ANSWER_REACH = 3  # an answer opens the next sentence: it starts within its first words («Hun sa nei»)


def _question(tokens, ruleset: Phrases, start: int) -> bool:
    """«Spurte om hun har tenkt på å skade seg»: a question frame before the words, in their sentence."""
    return any(i < start for i in _marks(tokens, ruleset, start, questions=True).get("questions", ()))


def _answer_opens(tokens, ruleset: Phrases, start: int, variants: Variants) -> bool:
    """Does the sentence after the one of token `start` open with one of `variants`? (Once per
    sentence and list.)"""
    cache = _sentence_cache(tokens, start)
    key = ("answer", id(variants))
    found = cache.get(key)
    if found is None:
        found = False
        after = tokens[start].sentence_span.stop
        if after < len(tokens):
            sentence = tokens[after].sentence
            for i in range(after, min(after + ANSWER_REACH, len(tokens))):
                if tokens[i].sentence != sentence:
                    break
                if _matches_at(tokens, i, variants):
                    found = True
                    break
        cache[key] = found
    return found


def _answered_no(tokens, ruleset: Phrases, start: int) -> bool:
    """«Spurte om hun har selvmordstanker. Hun sa nei.»"""
    return (  # the next sentence first: it is cheaper to look at than the question
        bool(ruleset.no_answers)
        and _answer_opens(tokens, ruleset, start, ruleset.no_answers)
        and _question(tokens, ruleset, start)
    )


def _asked_and_denied(tokens, ruleset: Phrases, start: int, end: int) -> bool:
    """«Spurte om han er trygg i kveld. Han ristet på hodet.», «…, og hun sa nei.»"""
    if not _question(tokens, ruleset, start):
        return False
    clause = tokens[end - 1].clause
    if any(i >= end and tokens[i].clause != clause for i in _marks(tokens, ruleset, start).get("denials", ())):
        return True
    return _answer_opens(tokens, ruleset, start, ruleset.no_answers)


SPEAKER = frozenset({"jeg", "meg", "min", "mi", "mitt", "mine"})  # as read: «eg», «æ», «mæ» are «jeg», «meg»


def _put_to_someone(tokens, ruleset: Phrases, start: int, end: int) -> bool:
    """«Tenker du på å ta livet ditt?»: the sentence ends with «?» and speaks to someone before or
    in the words – unless the speaker speaks of themself in the clause of the words («Kan du
    hjelpe meg, jeg vil ikke leve lenger?»)."""
    span = tokens[start].sentence_span
    if not tokens[span.stop - 1].asks:
        return False
    if any(tokens[i].text in SPEAKER for i in range(tokens[start].clause_span.start, end)):
        return False
    return any(tokens[i].text in ruleset.addressed for i in range(span.start, end))


def _answered_yes(tokens, ruleset: Phrases, start: int, end: int, framed: bool = True) -> bool:
    """«Spurte om han har en plan. «Ja, jeg vet hvordan.»», «…, og han sa ja.»"""
    if framed and not _question(tokens, ruleset, start):
        return False
    clause = tokens[end - 1].clause
    if any(
        i >= end and tokens[i].clause != clause
        for i in _marks(tokens, ruleset, start, questions=True).get("yes_answers", ())
    ):
        return True  # «…, og han sa ja»: the answer in a clause of its own
    return _answer_opens(tokens, ruleset, start, ruleset.yes_answers)


def _banter(tokens, ruleset: Phrases, start: int) -> bool:
    """«Skal drepe deg i sjakk i kveld, haha», «… sier han og ler»: the sentence is a joke;
    «Hun drømte at hun ble jaget»: a dream."""
    marks = _marks(tokens, ruleset, start)
    return "jokes" in marks or "dreams" in marks


def _ruled_out_in_sentence(rule: Rule, tokens, start: int, end: int) -> bool:
    """The rule's `unless_after`: later in the sentence («… – jeg vil bli rusfri»); its
    `unless_before`: earlier («gruer seg til eksamen og vil bare at det skal være over»)."""
    span = tokens[start].sentence_span
    if rule.unless_after and any(_matches_at(tokens, i, rule.unless_after) for i in range(end, span.stop)):
        return True
    return bool(rule.unless_before) and any(
        _matches_at(tokens, i, rule.unless_before) for i in range(span.start, start)
    )


def _not_the_words(tokens, ruleset: Phrases, start: int, end: int, gaps: tuple) -> bool:
    if any(ruleset.not_tokens.matches(tokens[i].text) for i in range(start, end) if i not in gaps):
        return True
    return any(ruleset.frames.matches(tokens[i].text) for i in gaps)  # «så en film om spøkelser» inside the words


def _ruled_out(rule: Rule, tokens, ruleset: Phrases, start: int, end: int, gaps: tuple) -> bool:
    """Words that do not count for a reason that says it is not this person in crisis now
    (negated, denied, a film, someone else, long ago, banter, a question answered no) – not
    merely for want of what the rule also asks for (`_has_what_it_needs`).
    The learned reader does not overrule these (crisis/learned.py)."""
    if _not_the_words(tokens, ruleset, start, end, gaps):
        return True
    if rule.asked == "no":  # «ikke er trygg»: the negation is the crisis itself, not a reason against it
        return _banter(tokens, ruleset, start)
    if (rule.unless_after or rule.unless_before) and _ruled_out_in_sentence(rule, tokens, start, end):
        return True
    if _negated(tokens, ruleset, start, gaps) and not _only_for_now(tokens, ruleset, end):
        return True
    return (
        _at_a_distance(tokens, ruleset, start)
        or _long_ago(tokens, ruleset, start)
        or _denied(tokens, ruleset, end)
        or _banter(tokens, ruleset, start)
        or _answered_no(tokens, ruleset, start)
        or (
            _put_to_someone(tokens, ruleset, start, end)
            and not _answered_yes(tokens, ruleset, start, end, framed=False)
        )
        or _about_someone_else(tokens, ruleset, start, end)
    )


def _has_what_it_needs(rule: Rule, tokens, ruleset: Phrases, start: int, end: int) -> bool:
    """What the rule asks for besides its words: the clause's end, a yes, a word elsewhere."""
    if rule.clause_end and not _ends_clause(tokens, ruleset, end):
        return False
    if rule.asked == "yes" and not _answered_yes(tokens, ruleset, start, end):
        return False
    return not rule.only_with or _with(rule, tokens, start, end)


def _counts(rule: Rule, tokens, ruleset: Phrases, start: int, end: int, gaps: tuple) -> bool:
    if rule.asked == "no":
        # the no is the answer here: it neither denies the words nor cancels them
        return (
            not _not_the_words(tokens, ruleset, start, end, gaps)
            and not (rule.clause_end and not _ends_clause(tokens, ruleset, end))
            and _asked_and_denied(tokens, ruleset, start, end)
            and not _negated(tokens, ruleset, start, gaps)
            and not _banter(tokens, ruleset, start)
        )
    return _has_what_it_needs(rule, tokens, ruleset, start, end) and not _ruled_out(
        rule, tokens, ruleset, start, end, gaps
    )


def _normalize(text: str) -> str:
    return unicodedata.normalize("NFC", text)[:MAX_CHARS]


def _options(ruleset: Phrases, text: str) -> list:
    """The (rule, variant) pairs whose first word is `text` (remembered per word)."""
    memo = ruleset.options_memo
    options = memo.get(text)
    if options is None:
        options = ruleset.by_literal.get(text, []) + [
            (rule, variant) for rule, variant in ruleset.by_prefix.get(text[:3], ()) if variant[0].matches(text)
        ]
        if len(memo) > MEMO_SIZE:
            memo.clear()
        memo[text] = options
    return options


def _options_before(ruleset: Phrases, text: str, following: str | None) -> tuple:
    """The (rule, variant, needs) that can start at `text` when `following` comes next (None:
    the sentence ends): a quick look at the second word before the full match; and the words of
    which a sentence must have one for any of them to match (None: no such words). Remembered."""
    memo = ruleset.pairs_memo
    key = (text, following)
    found = memo.get(key)
    if found is None:
        options = []
        for rule, variant in _options(ruleset, text):
            if len(variant) > 1:
                second = variant[1]
                if second is not GAP and (following is None or (second is not ANY and not second.matches(following))):
                    continue
            options.append((rule, variant, ruleset.needs[id(variant)]))
        anchor = None
        if options and all(need for _, _, need in options):
            anchor = frozenset().union(*(need[0] for _, _, need in options))
        found = (options, anchor)
        if len(memo) > MEMO_SIZE:
            memo.clear()
        memo[key] = found
    return found


def recognise(text: str, ruleset: Phrases | None = None) -> Recognition:
    """The crisis words in `text`, each with its kind. Offsets index `text` (NFC-normalised)."""
    return _recognise(text, ruleset, second_reader=True)


def recognise_by_phrases(text: str, ruleset: Phrases | None = None) -> Recognition:
    """What the phrases alone find (to train and to measure the learned reader against)."""
    return _recognise(text, ruleset, second_reader=False)


def _recognise(text: str, ruleset: Phrases | None, second_reader: bool) -> Recognition:
    if not isinstance(text, str) or not text.strip():
        return Recognition()
    ruleset = ruleset or phrases()
    text = _normalize(text)
    tokens = tokenize(text, ruleset)
    hits: list[Hit] = []
    covered_until = dict.fromkeys(KINDS, -1)  # per kind, one hit per stretch of words: the longest at the first place
    size = len(tokens)
    words, words_until = frozenset(), -1  # the words of the sentence at hand
    found_in = {}  # sentence -> the kinds the phrases found there
    ruled_out = {}  # (sentence, kind) -> token indices of the clauses where the phrases ruled such words out
    first_words, pairs = ruleset.options_memo, ruleset.pairs_memo  # (the memos, read here without a call)
    for i, token in enumerate(tokens):
        word = token.text
        known = first_words.get(word)
        if known is None:
            known = _options(ruleset, word)
        if not known:
            continue
        following = tokens[i + 1].text if i + 1 < size and tokens[i + 1].sentence == token.sentence else None
        found = pairs.get((word, following))
        if found is None:
            found = _options_before(ruleset, word, following)
        options, anchor = found
        if not options:
            continue
        if i >= words_until:
            span = token.sentence_span
            words, words_until = frozenset([t.text for t in tokens[span.start : span.stop]]), span.stop
        if anchor is not None and anchor.isdisjoint(words):
            continue  # none of the phrases that start here has its fixed words in the sentence
        best = {}
        vetoed = {}  # rule id -> the end of its longest form ruled out here
        found_here = []
        for rule, variant, need in options:
            if i < covered_until[rule.kind]:
                continue
            if need and any(map(words.isdisjoint, need)):
                continue  # a fixed word of the phrase is not in the sentence
            found = _match(tokens, i, variant)
            if found is not None:
                found_here.append((rule, found))
                if found[0] > vetoed.get(rule.id, -1) and _vetoed(rule, tokens, i, found[0]):
                    vetoed[rule.id] = found[0]
        found_here.sort(key=lambda found: -found[1][0])  # longest first (stable: the file's order among equals)
        for rule, (end, gaps) in found_here:
            # «skjøt seg selv i foten»: when a longer form of the rule is ruled out here, so are its shorter
            # forms; a longer form still counts when only a shorter one is («lys i enden | av tunnelen»)
            if rule.kind in best:
                continue
            if end > vetoed.get(rule.id, -1) and _counts(rule, tokens, ruleset, i, end, gaps):
                best[rule.kind] = (rule, end)
            elif (
                second_reader  # it needs to know what the phrases ruled out, and why
                and rule.kind in learned.KINDS
                and (end <= vetoed.get(rule.id, -1) or _ruled_out(rule, tokens, ruleset, i, end, gaps))
            ):
                clauses = ruled_out.setdefault((token.sentence, rule.kind), set())
                for j in range(i, end):
                    clauses.update(tokens[j].clause_span)
        for kind in KINDS:
            if kind in best:
                rule, end = best[kind]
                hits.append(Hit(kind, token.start, tokens[end - 1].end, text[token.start : tokens[end - 1].end]))
                found_in.setdefault(token.sentence, set()).add(kind)
                covered_until[kind] = end
                for j in range(i, end):
                    tokens[j].in_hit = True
    if not second_reader:
        return Recognition(tuple(hits))
    return Recognition(tuple(hits) + _second_reader(tokens, found_in, ruled_out))


def _second_reader(tokens: list[Token], found_in: dict, ruled_out: dict) -> tuple[Hit, ...]:
    """What the learned reader (crisis/learned.py) finds in each sentence, in the kinds the phrases
    did not find there. Where the phrases ruled words of a kind out («nekter for selvmordstanker»),
    the reader must find that kind in the rest of the sentence, without those clauses («… men har
    gitt bort katten og skrevet brev til ungene»). A hit covers the sentence and quotes no words."""
    found = []
    for span in _sentence_spans(tokens):
        first, last = tokens[span.start], tokens[span.stop - 1]
        have = found_in.get(first.sentence, ())
        if all(kind in have for kind in learned.KINDS):
            continue
        for kind in learned.kinds_in([token.text for token in tokens[span.start : span.stop]]):
            if kind in have:
                continue
            left_out = ruled_out.get((first.sentence, kind))
            if left_out and kind not in learned.kinds_in([tokens[j].text for j in span if j not in left_out]):
                continue
            found.append(Hit(kind, first.start, last.end, "", learned=True))
    return tuple(found)


def _sentence_spans(tokens: list[Token]):
    i = 0
    while i < len(tokens):
        span = tokens[i].sentence_span
        yield span
        i = span.stop


def kind_name(kind: str) -> str:
    return phrases().kind_names.get(kind, kind)
