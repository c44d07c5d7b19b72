"""Suggest questions for a situation described in the practitioner's own words.

How it ranks (docs/SUGGESTIONS.md has the measurements):

1. Situation lexicon. content/data/situations.toml lists everyday words and
   phrases for each situation ("ingen å snakke med" → Ensomhet og isolasjon).
   A trigger matches when its stemmed words occur in order in the text, with at
   most two other words between them. Every theme tagged with a matched
   situation gets a boost.
2. Words. BM25F over each question's text, its theme, the theme's "når det er
   relevant" text and the phase guidance of its element, all stemmed with the
   Snowball Norwegian stemmer.
3. Phase. When a phase is chosen, themes tagged with that phase get a boost,
   and the element's phase guidance is shown as part of the reason.

In crisis (crisis words in the text, recognised by crisis.recogniser through content.safety,
or the phase «krise») the ranking steps aside: only the present, grounded questions of
crisis/data/questions.toml are offered, the crisis words themselves never count as
ordinary words («ta livet» is not «ta små steg»), and the list is never empty. The safety
card that goes with it comes from crisis.support.

Everything runs in memory from an index built once per process (and rebuilt
when the content fingerprint changes), so no model or data is fetched.
"""

import math
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from content import safety
from content.catalogue import cached_by_fingerprint
from content.text import STOP_WORDS, canonical, stem, words

MAX_GAP = 2  # words allowed between the words of a multi-word trigger
MAX_PER_THEME = 2  # keep the top of the list varied
MAX_SITUATION_CHARS = 2000
# A theme lists its situations most fitting first; later ones count for less.
SITUATION_POSITION_WEIGHTS = (1.0, 0.6, 0.4)
# Everyday words that say little about the situation itself ("han sier at hun bare …").
FILLER_WORDS = frozenset(
    """
    se ser så sier sa si sagt får fikk gjør gjorde gå går gikk gått kommer kom tar tok helt litt mye veldig
    liksom sånn egentlig lenger igjen nå enda altså jo vel visst kanskje synes syns tror trodde mener
    føler følte skjer skjedde prater snakker dag dager uke uker gang ganger år måned måneder siste sist
    holder holde hele alt ting tingene mer mest annen andre noe noen folk person personen hjelp hjelpe
    flere lenge lang tid tida tiden ganske fortsatt ofte stadig plutselig
    ta tatt få gjøre komme gjerne nesten bare faktisk skikkelig to tre fire fem seks sju åtte ni ti
    """.split()
)


@dataclass(frozen=True)
class Weights:
    situation: float = 4.0
    lexical: float = 1.0
    phase: float = 1.5
    k1: float = 1.2
    b: float = 0.75
    field_text: float = 3.0
    field_theme: float = 2.0
    field_relevant: float = 1.0
    field_phase: float = 0.5
    synonym: float = 0.6  # a synonym of the user's word counts this much of the word itself
    examples: float = 0.25  # weight of evidence learned from the example descriptions
    examples_floor: float = 2.0  # ignore weaker evidence than this (in log-likelihood units)
    examples_cap: float = 4.0  # evidence beyond this adds nothing: several loose words never outvote a clear phrase
    smoothing: float = 0.1
    theme: float = 4.0  # a phrase of the theme's own (content/data/theme_triggers.toml), like a best-fitting situation


WEIGHTS = Weights()


@dataclass
class Suggestion:
    question_id: str
    text: str
    element: str
    element_name: str
    theme: str
    theme_key: str
    score: float
    situations: list[str] = field(default_factory=list)  # situation names that matched
    trigger_words: list[str] = field(default_factory=list)  # the user's own words that matched them
    matched_words: list[str] = field(default_factory=list)  # the user's words found in the question texts
    phase_name: str = ""
    guidance: str = ""  # phase guidance of the question's element, when a phase was chosen
    grounded: bool = False  # offered because the situation is a crisis: present and grounded
    fallback: bool = False  # nothing in the words pointed anywhere: a safe, open question instead
    theme_words: list[str] = field(default_factory=list)  # the user's phrases that matched the theme's own

    @property
    def id(self) -> str:
        return self.question_id

    @property
    def why(self) -> str:
        parts = []
        if self.situations:
            quoted = ", ".join(f"«{w}»" for w in self.trigger_words)
            parts.append(f"Situasjonen ligner på {_join_nb([s.lower() for s in self.situations])} (du skrev {quoted})")
        if self.theme_words:
            quoted = ", ".join(f"«{w}»" for w in self.theme_words)
            parts.append(f"temaet «{self.theme}» passer til det du skrev ({quoted})")
        if self.matched_words:
            quoted = ", ".join(f"«{w}»" for w in self.matched_words)
            parts.append(f"ordene {quoted} går igjen i temaet «{self.theme}»")
        if self.phase_name:
            parts.append(f"temaet passer i fasen «{self.phase_name.lower()}»")
        if self.fallback:
            parts.append(
                f"ingenting i beskrivelsen pekte mot et bestemt tema, så her er et åpent spørsmål fra temaet «{self.theme}»"
            )
        if self.grounded and not parts:
            parts.append(f"et nærværende og jordnært spørsmål for en vanskelig stund, fra temaet «{self.theme}»")
        if not parts:
            parts.append(f"et åpent spørsmål fra temaet «{self.theme}»")
        sentence = "; ".join(parts)
        return sentence[0].upper() + sentence[1:] + "."


def _join_nb(items: list[str]) -> str:
    items = [f"«{i}»" for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


@dataclass
class _Doc:
    question_id: str
    text: str
    element: str
    element_name: str
    theme: str
    theme_key: str
    weighted_tf: Counter
    length: float
    situations: dict  # situation key -> weight for this theme
    order: tuple  # question number in theme first, so equal scores spread over themes
    phases: frozenset
    stem_forms: dict  # stem -> a word form from the question's own fields


@dataclass
class _Trigger:
    key: str  # the situation's key, or the theme's (content/data/theme_triggers.toml)
    phrase: str
    stems: tuple


class _Index:
    def __init__(self, fingerprint: str, weights: Weights = WEIGHTS):
        from content.models import Phase, PhaseGuidance, Question, Situation

        self.fingerprint = fingerprint
        self.weights = weights
        field_weights = {
            "text": weights.field_text,
            "theme": weights.field_theme,
            "relevant": weights.field_relevant,
            "phase": weights.field_phase,
        }
        self.phase_names = {p.key: p.name for p in Phase.objects.all()}
        guidance_by_element_phase: dict[tuple[str, str], list[str]] = defaultdict(list)
        for row in PhaseGuidance.objects.prefetch_related("phases"):
            for phase in row.phases.all():
                guidance_by_element_phase[(row.element_id, phase.key)].append(f"{row.label}: {row.text}")
        self.guidance = guidance_by_element_phase

        self.situation_names = {}
        self.triggers: list[_Trigger] = []
        self.situation_terms: dict[str, Counter] = {}
        for situation in Situation.objects.all():
            self.situation_names[situation.key] = situation.name
            for phrase in situation.triggers:
                stems = tuple(stem(w) for w in words(phrase))
                if stems:
                    self.triggers.append(_Trigger(situation.key, phrase, stems))
            terms: Counter = Counter()
            for text in [situation.name, situation.description, *situation.triggers, *situation.examples]:
                terms.update(
                    stem(canonical(w))
                    for w in words(text)
                    if canonical(w) not in STOP_WORDS and canonical(w) not in FILLER_WORDS
                )
            self.situation_terms[situation.key] = terms
        from content.loader import read_theme_triggers

        self.theme_triggers: list[_Trigger] = [
            _Trigger(key, phrase, tuple(stem(canonical(w)) for w in words(phrase)))
            for key, phrases in read_theme_triggers().items()
            for phrase in phrases
            if words(phrase)
        ]
        self.situation_background: Counter = Counter()
        for terms in self.situation_terms.values():
            self.situation_background.update(terms)

        from content.loader import read_synonym_groups

        self.synonyms: dict[str, set[str]] = defaultdict(set)
        for group in read_synonym_groups():
            group_stems = {stem(w) for phrase in group for w in words(phrase)}
            for s in group_stems:
                self.synonyms[s] |= group_stems - {s}

        # Theme situations keep the file's order (most fitting first); the M2M does not, so read it here.
        situation_weights = _theme_situation_weights()
        self.docs: list[_Doc] = []
        questions = Question.objects.select_related("theme", "element").prefetch_related("theme__phases")
        for q in questions:
            phases = frozenset(p.key for p in q.theme.phases.all())
            phase_text = " ".join(
                " ".join(guidance_by_element_phase.get((q.element_id, p), [])) for p in sorted(phases)
            )
            fields = {
                "text": q.text,
                "theme": q.theme.name,
                "relevant": q.theme.when_relevant,
                "phase": phase_text,
            }
            weighted_tf: Counter = Counter()
            length = 0.0
            stem_forms = {}
            for name, value in fields.items():
                for word in words(value):
                    if word in STOP_WORDS or word in FILLER_WORDS:
                        continue
                    s = stem(word)
                    weighted_tf[s] += field_weights[name]
                    length += field_weights[name]
                    stem_forms.setdefault(s, word)
            self.docs.append(
                _Doc(
                    question_id=q.id,
                    text=q.text,
                    element=q.element_id,
                    element_name=q.element.name_nb,
                    theme=q.theme.name,
                    theme_key=q.theme_id,
                    weighted_tf=weighted_tf,
                    length=length,
                    situations=situation_weights[q.theme_id],
                    order=(q.order, q.element.order, q.theme.order),
                    phases=phases,
                    stem_forms=stem_forms,
                )
            )
        grounded = safety.grounded_question_ids()
        self.grounded_order = {question_id: n for n, question_id in enumerate(grounded)}
        self.grounded_docs = sorted(
            (d for d in self.docs if d.question_id in self.grounded_order),
            key=lambda d: self.grounded_order[d.question_id],
        )
        count = len(self.docs) or 1
        self.avg_length = sum(d.length for d in self.docs) / count
        doc_freq: Counter = Counter()
        for doc in self.docs:
            doc_freq.update(doc.weighted_tf.keys())
        self.idf = {t: math.log(1 + (count - n + 0.5) / (n + 0.5)) for t, n in doc_freq.items()}

    def match_theme_triggers(self, text_stems: list[str], text_words: list[str]) -> dict[str, list[str]]:
        """Theme key -> the phrases of the user's own text that matched the theme's own phrases."""
        found: dict[str, list[str]] = defaultdict(list)
        for trigger in self.theme_triggers:
            span = _find_in_order(text_stems, trigger.stems)
            if span is None:
                continue
            phrase = " ".join(text_words[span[0] : span[1] + 1])
            if _says_nothing(phrase) or phrase in found[trigger.key]:
                continue
            found[trigger.key].append(phrase)
        return found

    def match_triggers(self, text_stems: list[str], text_words: list[str]) -> dict[str, list[str]]:
        """Situation key -> the phrases of the user's own text that matched its triggers. A
        state said with a «not» («klarte nesten ikke», «har ikke drukket», «ikke lenger ensom»)
        counts as what its negation means (NEGATED), or not at all."""
        found: dict[str, list[str]] = defaultdict(list)
        for trigger in self.triggers:
            span = _find_in_order(text_stems, trigger.stems)
            if span is None:
                continue
            situation, (start, end) = trigger.key, span
            if _negatable(trigger) and _negated(text_words, start, end):
                situation = NEGATED[situation]
                if situation is None:
                    continue
                # the reason quotes the «not» too: «ikke drukket», not «drukket»
                at = [i for i in range(max(0, start - 2), min(len(text_words), end + 3)) if _is_not(text_words[i])]
                start, end = min([start, *at]), max([end, *at])
            phrase = " ".join(text_words[start : end + 1])
            if _says_nothing(phrase) or phrase in found[situation]:
                continue
            found[situation].append(phrase)
        return found


def _learned_situations(
    index: "_Index", content_stems: dict, negated: frozenset = frozenset()
) -> dict[str, tuple[float, list[str]]]:
    """Situation key -> (evidence, the user's words behind it), learned from the example texts.

    Evidence is the smoothed log-likelihood ratio of each word under the situation
    against all situations together; only words that point towards a situation count.
    """
    w = index.weights
    vocabulary = len(index.situation_background) or 1
    background_total = sum(index.situation_background.values()) or 1
    found = {}
    for key, terms in index.situation_terms.items():
        total = sum(terms.values())
        evidence, used = 0.0, []
        for s, (word, weight) in content_stems.items():
            count = terms.get(s, 0)
            if not count or weight < 1.0 or (key in NEGATED and s in negated):
                continue
            p_here = (count + w.smoothing) / (total + w.smoothing * vocabulary)
            p_all = (index.situation_background[s] + w.smoothing) / (background_total + w.smoothing * vocabulary)
            ratio = math.log(p_here / p_all)
            if ratio > 0:
                evidence += ratio
                used.append(word)
        if evidence >= w.examples_floor:
            found[key] = (evidence, used)
    return found


def _theme_situation_weights() -> dict[str, dict[str, float]]:
    from content.models import ThemeSituation

    weights: dict[str, dict[str, float]] = defaultdict(dict)
    for link in ThemeSituation.objects.order_by("theme_id", "position"):
        position = min(link.position, len(SITUATION_POSITION_WEIGHTS) - 1)
        weights[link.theme_id][link.situation_id] = SITUATION_POSITION_WEIGHTS[position]
    return weights


NEGATIONS = frozenset({"ikke", "ikkje", "aldri", "itj", "ikk"})
# Situations that are states, and what they mean when said with a «not» (None: nothing).
NEGATED = {"fremgang": None, "tilbakefall": "fremgang", "ensomhet": "fremgang", "haploshet": None}


# Loneliness is a state only in its own words: «ikke ensom lenger» is progress, but «har ikke
# snakket med noen» is still loneliness.
NEGATABLE_ONLY = {"ensomhet": frozenset(stem(w) for w in ("ensom", "ensomhet", "einsam", "alene", "aleine", "isolert"))}


def _negatable(trigger) -> bool:
    if trigger.key not in NEGATED or NEGATIONS & set(trigger.stems):
        return False
    only = NEGATABLE_ONLY.get(trigger.key)
    return only is None or set(trigger.stems) <= only


def _says_nothing(phrase: str) -> bool:
    """One stop or filler word: never evidence («men» is no «menighet», whatever the stemmer says)."""
    return " " not in phrase and (canonical(phrase) in STOP_WORDS or canonical(phrase) in FILLER_WORDS)


def _is_not(word: str) -> bool:
    return word in NEGATIONS or canonical(word) in NEGATIONS


def _negated(text_words: list[str], start: int, end: int) -> bool:
    """A «not» just before the phrase, in it, or in the two words after it («klarte nesten ikke»)."""
    return any(_is_not(word) for word in text_words[max(0, start - 2) : end + 3])


def _find_in_order(haystack: list[str], needle: tuple) -> tuple[int, int] | None:
    """(start, end) of the first occurrence of `needle` in order with small gaps, else None."""
    for start, token in enumerate(haystack):
        if token != needle[0]:
            continue
        position, ok = start, True
        for wanted in needle[1:]:
            window = haystack[position + 1 : position + 2 + MAX_GAP]
            if wanted not in window:
                ok = False
                break
            position = position + 1 + window.index(wanted)
        if ok:
            return start, position
    return None


get_index = cached_by_fingerprint(_Index)  # rebuilt when the content changes


def _without(text: str, recognition) -> str:
    """The text with the crisis words blanked out, so they never count as ordinary words."""
    for hit in recognition.hits:
        text = text[: hit.start] + " " * (hit.end - hit.start) + text[hit.end :]
    return text


def suggest(
    situation: str,
    phase: str = "",
    element: str = "",
    limit: int = 5,
    recognition=None,
    in_crisis: bool = False,
) -> list[Suggestion]:
    """Rank the question bank for `situation`; best first, at most `limit`. `recognition`: the
    crisis words in it, when the caller has looked already (crisis.support.card_for);
    `in_crisis`: crisis known from elsewhere (a conversation's notes)."""
    text = unicodedata.normalize("NFC", situation[:MAX_SITUATION_CHARS])
    if recognition is None:
        recognition = safety.recognise(text)  # the crisis check first, before anything is ranked
    index = get_index()
    w = index.weights
    in_crisis = in_crisis or bool(recognition) or phase == safety.CRISIS_PHASE
    text_words = words(_without(text, recognition))
    text_stems = [stem(canonical(word)) for word in text_words]
    content_stems: dict[str, tuple[str, float]] = {}  # stem -> (the user's word, weight)
    for word, s in zip(text_words, text_stems, strict=True):
        if canonical(word) not in STOP_WORDS and canonical(word) not in FILLER_WORDS:
            content_stems[s] = (word, 1.0)
    for s, (word, _) in list(content_stems.items()):
        for synonym in index.synonyms.get(s, ()):
            content_stems.setdefault(synonym, (word, w.synonym))

    matched = index.match_triggers(text_stems, text_words)
    strength = {key: 1.0 + 0.25 * (len(phrases) - 1) for key, phrases in matched.items()}
    theme_phrases = index.match_theme_triggers(text_stems, text_words)
    negated = frozenset(s for i, s in enumerate(text_stems) if _negated(text_words, i, i))
    for key, (evidence, used) in _learned_situations(index, content_stems, negated).items():
        strength[key] = strength.get(key, 0.0) + w.examples * min(evidence, w.examples_cap)
        for word in used:
            if not any(word in phrase.split() for phrase in matched.get(key, [])):
                matched[key].append(word)

    # Hopelessness first: «det er ingen vits» beside «framtida» must not bring dream questions.
    no_dreams = safety.avoided_themes() if HOPELESS in strength and not in_crisis else frozenset()
    scored = []
    for doc in index.grounded_docs if in_crisis else index.docs:
        if doc.theme_key in no_dreams:
            continue
        lexical, hits = 0.0, []
        norm = w.k1 * (1 - w.b + w.b * doc.length / index.avg_length)
        for s, (user_word, weight) in content_stems.items():
            tf = doc.weighted_tf.get(s)
            if tf:
                lexical += weight * index.idf[s] * tf * (w.k1 + 1) / (tf + norm)
                if user_word not in hits:
                    hits.append(user_word)
        situations = [key for key in doc.situations if key in strength]
        situation_score = sum(strength[key] * doc.situations[key] for key in situations)
        in_phase = bool(phase) and phase in doc.phases
        own = theme_phrases.get(doc.theme_key, [])
        theme_score = (1.0 + 0.25 * (len(own) - 1)) if own else 0.0
        score = (
            w.situation * situation_score + w.theme * theme_score + w.lexical * lexical + (w.phase if in_phase else 0.0)
        )
        if score <= 0 and not in_crisis:  # in crisis every grounded question may be offered
            continue
        scored.append(
            (score, doc, situations, [h for h in hits if not any(h in p.split() for p in own)], in_phase, own)
        )

    # A chosen CHIME focus puts that element's fitting questions first; the rest follow.
    # In crisis, questions nothing points to keep the order of crisis/data/questions.toml.
    def order(item):
        grounded_position = index.grounded_order.get(item[1].question_id, 0) if in_crisis else 0
        return (bool(element) and item[1].element != element, -item[0], grounded_position, item[1].order)

    scored.sort(key=order)
    ranked = [_suggestion(index, matched, phase, *item) for item in scored]
    for suggestion in ranked:
        suggestion.grounded = in_crisis
    if not ranked and not in_crisis:
        ranked = _open_questions(index, phase, element)
    return _varied(ranked, limit)


HOPELESS = "haploshet"
OPEN_SITUATION = "forste-mote"  # «Første møte og å bli kjent»: open questions that are safe anywhere


def _open_questions(index, phase: str, element: str) -> list[Suggestion]:
    """Nothing pointed anywhere: never an empty answer, but the open questions of a first
    meeting (the chosen element's first), said plainly as such (`fallback`)."""
    docs = [doc for doc in index.docs if OPEN_SITUATION in doc.situations]
    docs.sort(key=lambda doc: (bool(element) and doc.element != element, -doc.situations[OPEN_SITUATION], doc.order))
    return [
        _suggestion(index, {}, phase, 0.0, doc, [], [], bool(phase) and phase in doc.phases, fallback=True)
        for doc in docs
    ]


def _suggestion(index, matched, phase, score, doc, situations, hits, in_phase, own=(), fallback=False) -> Suggestion:
    trigger_words = [phrase for key in situations for phrase in matched[key]]
    return Suggestion(
        theme_words=[p for p in own if p not in trigger_words],
        fallback=fallback,
        question_id=doc.question_id,
        text=doc.text,
        element=doc.element,
        element_name=doc.element_name,
        theme=doc.theme,
        theme_key=doc.theme_key,
        score=round(score, 3),
        situations=[index.situation_names[key] for key in situations],
        trigger_words=list(dict.fromkeys(trigger_words)),
        matched_words=[word for word in hits if word not in trigger_words],
        phase_name=index.phase_names.get(phase, "") if in_phase else "",
        guidance=" ".join(index.guidance.get((doc.element, phase), [])) if phase else "",
    )


def _varied(ranked: list[Suggestion], limit: int) -> list[Suggestion]:
    """Take the best, but at most MAX_PER_THEME per theme until the list would run short."""
    chosen, held_back, per_theme = [], [], Counter()
    for suggestion in ranked:
        if per_theme[suggestion.theme_key] < MAX_PER_THEME:
            chosen.append(suggestion)
            per_theme[suggestion.theme_key] += 1
        else:
            held_back.append(suggestion)
        if len(chosen) == limit:
            return chosen
    return (chosen + held_back)[:limit]


def matched_situations(situation: str) -> list[str]:
    """Names of the situations the text seems to describe (for the page heading)."""
    index = get_index()
    text_words = words(situation[:MAX_SITUATION_CHARS])
    found = index.match_triggers([stem(canonical(w)) for w in text_words], text_words)
    return [index.situation_names[k] for k in index.situation_names if k in found]
