"""A second reader beside the phrases: a small linear model that learned, from the hand-written
sentences in crisis/data/, what crisis writing tends to look like, so that veiled and unusual
ways of saying it («har gitt bort katten og ordnet papirene», «æ har skrevi brev te ungan»)
are noticed too.

Why it exists: the phrases are exact and explainable, but on writing nobody tuning them had
seen they found only 55–72 % of the suicide and self-harm sentences (docs/PERFORMANCE.md).
Missing a crisis costs more than a false alarm, so the recogniser takes a sentence as crisis when
either reader does – except where the phrases saw words of that kind and ruled them out
(negation, a film, someone else long ago …): then the phrases' reason stands. It reads for
suicide and self-harm only (KINDS below says why).

Like the phrases, it recognises words; it never diagnoses and never scores risk. Its number
is used once, against a fixed threshold, and never leaves this module.

How it reads one sentence: the recogniser's own tokens (lower-cased, nynorsk and dialect
mapped to bokmål, a typo in a key word mended), cut into pieces – each word, each pair of
words, and the runs of four letters inside each word (« kut», «kutt», «utte» …), so that
inflections and spellings it has not seen still share pieces with those it has.
Each piece is weighted by tf-idf (1 + log count, times how rare the piece was in training),
the vector is scaled to length 1, and each kind has a weight per piece and a constant: a
logistic regression per kind, trained by `python -m crisis.training` (scikit-learn, a test
tool only) into crisis/data/model.json. The app reads that file with plain Python.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent / "data" / "model.json"
THRESHOLD = 0.65  # chosen on held-out set 3 and the suggestion sets' everyday situations (docs/PERFORMANCE.md)
# Only the kinds where the phrases miss most of unseen writing and the goal lies. For
# overdose, fear and danger to others this reader gained little and read everyday talk of
# drinking and using («han har drukket igjen») as overdose – Medvandrer's daily subject.
KINDS = ("suicide", "self_harm")
MIN_WORDS = 3  # «vil dø» is the phrases' work; two words are too little for this reader
LETTER_RUNS = (4,)  # runs of three and four letters together did no better in cross-validation, and cost time
WORD_MEMO_SIZE = 20_000


def word_pieces(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + n] for n in LETTER_RUNS for i in range(len(padded) - n + 1)] + [f"w:{word}"]


def pair_pieces(words: list[str]) -> list[str]:
    return [f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def pieces(words: list[str]) -> list[str]:
    """What the model reads of a sentence's words (the same in training and in the app)."""
    return [piece for word in words for piece in word_pieces(word)] + pair_pieces(words)


@dataclass(frozen=True)
class Model:
    kinds: tuple[str, ...]
    intercepts: tuple[float, ...]
    idf_squared: dict  # piece -> (how rare it was in training, scikit-learn's idf_) squared
    weighted: tuple  # per kind: piece -> the kind's weight × idf
    digest: str  # of the sentences it was trained on (crisis.training.training_digest)
    word_memo: dict = field(default_factory=dict, compare=False, repr=False)  # word -> its known pieces


def model_from_rows(kinds, intercepts, rows: dict, digest: str = "") -> Model:
    """rows: piece -> (idf, weight for each kind, in the order of `kinds`)."""
    return Model(
        kinds=tuple(kinds),
        intercepts=tuple(float(b) for b in intercepts),
        idf_squared={piece: float(row[0]) ** 2 for piece, row in rows.items()},
        weighted=tuple(
            {piece: float(row[0]) * float(row[k + 1]) for piece, row in rows.items()} for k in range(len(kinds))
        ),
        digest=digest,
    )


def read_model(path: Path = MODEL_FILE) -> Model:
    with path.open(encoding="utf-8") as f:
        data = json.load(f)
    return model_from_rows(data["kinds"], data["intercepts"], data["pieces"], data["digest"])


@lru_cache(maxsize=1)
def model() -> Model:
    return read_model()


def _known_pieces(word: str, trained: Model) -> tuple[str, ...]:
    """The pieces of one word that the model knows (remembered per word, bounded – the
    recogniser keeps the same memo of the words it has read)."""
    memo = trained.word_memo
    known = memo.get(word)
    if known is None:
        known = tuple(piece for piece in word_pieces(word) if piece in trained.idf_squared)
        if len(memo) > WORD_MEMO_SIZE:
            memo.clear()
        memo[word] = known
    return known


def probabilities(words: list[str], trained: Model | None = None) -> dict[str, float]:
    """For each kind, how much these words look like the crisis sentences it learned from (0–1).
    Empty when the model knows none of the pieces: then it has nothing to say.
    The same numbers as scikit-learn's predict_proba on the same pieces (a test holds it)."""
    trained = trained or model()
    known = trained.idf_squared
    counts = Counter(chain.from_iterable(_known_pieces(word, trained) for word in words))
    counts.update(piece for piece in pair_pieces(words) if piece in known)
    if not counts:
        return {}
    # Every piece as if it came once (summed by map, fast), then the few that came more than once mended:
    # their tf-idf is (1 + log count) × idf.
    length = sum(map(known.__getitem__, counts))
    sums = [sum(map(weights.__getitem__, counts)) for weights in trained.weighted]
    for piece, count in counts.items():
        if count > 1:
            tf = 1.0 + math.log(count)
            length += known[piece] * (tf * tf - 1.0)
            for k, weights in enumerate(trained.weighted):
                sums[k] += weights[piece] * (tf - 1.0)
    length = math.sqrt(length)
    return {
        kind: 1.0 / (1.0 + math.exp(-(total / length + intercept)))
        for kind, total, intercept in zip(trained.kinds, sums, trained.intercepts, strict=True)
    }


def kinds_in(words: list[str], trained: Model | None = None) -> list[str]:
    """The kinds this reader takes the sentence's words for (none for fewer than MIN_WORDS words
    of two letters or more: on digits and stray letters it would only guess)."""
    if sum(1 for word in words if len(word) > 1 and not word.isdigit()) < MIN_WORDS:
        return []
    return [kind for kind, p in probabilities(words, trained).items() if p >= THRESHOLD]
