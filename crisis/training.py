"""Train the recogniser's second reader (crisis/learned.py) into crisis/data/model.json.

    .venv/bin/python -m crisis.training            # writes crisis/data/model.json
    .venv/bin/python -m crisis.training --check    # exit 1 when the file is not from today's sentences

It learns from every sentence file the phrases were tuned on (TRAINED_ON); never from
crisis/data/holdout4_sentences.toml, which is only ever measured (benchmarks/eval_crisis.py).
scikit-learn does the fitting (a test tool, in requirements-dev.txt); the app only reads the
JSON file. The same sentences give the same file: the solver is deterministic and the numbers
are rounded.
"""

import argparse
import hashlib
import json
import sys
import tomllib
from pathlib import Path

from crisis import learned
from crisis.learned import KINDS, MODEL_FILE, pieces
from crisis.recogniser import _normalize, phrases, recognise_by_phrases, tokenize

DATA = Path(__file__).resolve().parent / "data"
TRAINED_ON = (
    "train_sentences.toml",
    "train2_sentences.toml",
    "train3_sentences.toml",  # the former held-out set 2
    "eval_sentences.toml",
    "holdout3_sentences.toml",  # held-out set 3: measured once before it was trained on (docs/PERFORMANCE.md)
)
NEVER_TRAINED_ON = "holdout4_sentences.toml"
EVERYDAY = "everyday_sentences.toml"  # ordinary hard and good days, written for this reader
# Everyday descriptions practitioners type, written for the suggestions: what ordinary hard days
# sound like (lonely, ashamed, in debt, «ingen vits»), so that the reader learns they are not crisis.
# Those the phrases take for crisis words (the crisis situations' own examples) are left out.
ORDINARY = Path(__file__).resolve().parent.parent / "content" / "data" / "situation_examples.toml"
STRENGTH = 10.0  # scikit-learn's C (the inverse of the L2 penalty), chosen by cross-validation on the seen sets
MIN_SENTENCES = 2  # a piece seen in only one sentence says more about that sentence than about crisis
DIGITS = 5


def training_sentences() -> list[dict]:
    sentences = []
    for name in TRAINED_ON:
        with (DATA / name).open("rb") as f:
            sentences += tomllib.load(f)["sentence"]
    return sentences + ordinary_sentences()


def ordinary_sentences() -> list[dict]:
    """Sentences that are not crisis, besides the sets' hard negatives: everyday descriptions
    (EVERYDAY, ORDINARY) and the harmless sentences each phrase rule must leave alone (`ok` in
    phrases.toml). Any the phrases take for crisis words are left out."""
    with (DATA / EVERYDAY).open("rb") as f:
        everyday = tomllib.load(f)["sentence"]
    if any(s["kinds"] for s in everyday):
        raise ValueError(f"{EVERYDAY} holds only sentences that are not crisis (kinds = [])")
    texts = [s["text"] for s in everyday]
    with ORDINARY.open("rb") as f:
        texts += [text for group in tomllib.load(f)["examples"] for text in group["texts"]]
    texts += [text for rule in phrases().rules for text in rule.ok]
    return [{"text": text, "kinds": []} for text in dict.fromkeys(texts) if not recognise_by_phrases(text)]


def text_pieces(text: str) -> list[str]:
    """The pieces of a whole text as the app reads them: sentence by sentence, the words as the
    recogniser reads them (dialect mapped, typos mended), no word pair across a sentence break."""
    sentences: dict[int, list[str]] = {}
    for token in tokenize(_normalize(text), phrases()):
        sentences.setdefault(token.sentence, []).append(token.text)
    return [piece for words in sentences.values() for piece in pieces(words)]


def training_digest(sentences: list[dict]) -> str:
    """Of what the model learns from: each sentence's pieces and kinds, how it learns, and the
    scikit-learn that fits it – so a changed phrase file (its dialect forms), setting or
    version asks for training again, not only a changed sentence."""
    import sklearn

    lines = sorted(f"{' '.join(text_pieces(s['text']))}\t{','.join(sorted(s['kinds']))}" for s in sentences)
    settings = f"{learned.LETTER_RUNS} {STRENGTH} {MIN_SENTENCES} {DIGITS} {KINDS} sklearn {sklearn.__version__}"
    return hashlib.sha256("\n".join([settings, *lines]).encode()).hexdigest()[:16]


def fit(sentences: list[dict]) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(analyzer=text_pieces, sublinear_tf=True, min_df=MIN_SENTENCES)
    matrix = vectorizer.fit_transform([s["text"] for s in sentences])
    weights, intercepts = [], []
    for kind in KINDS:
        wanted = [kind in s["kinds"] for s in sentences]
        fitted = LogisticRegression(C=STRENGTH, class_weight="balanced", max_iter=5000).fit(matrix, wanted)
        weights.append(fitted.coef_[0])
        intercepts.append(round(float(fitted.intercept_[0]), DIGITS))
    rows = {}
    for piece, column in sorted(vectorizer.vocabulary_.items()):
        rows[piece] = [round(float(vectorizer.idf_[column]), DIGITS)] + [
            round(float(w[column]), DIGITS) for w in weights
        ]
    return {
        "about": "crisis/learned.py reads this; python -m crisis.training writes it. Do not edit by hand.",
        "kinds": list(KINDS),
        "digest": training_digest(sentences),
        "sentences": len(sentences),
        "intercepts": intercepts,
        "pieces": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only say whether model.json is up to date")
    args = parser.parse_args()
    sentences = training_sentences()
    if args.check:
        with MODEL_FILE.open(encoding="utf-8") as f:
            current = json.load(f)["digest"]
        if current != training_digest(sentences):
            sys.exit(f"{MODEL_FILE.name} is not trained on today's sentences: run python -m crisis.training")
        print(f"{MODEL_FILE.name} is up to date ({len(sentences)} sentences).")
        return
    model = fit(sentences)
    MODEL_FILE.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{MODEL_FILE.name}: {len(model['pieces'])} pieces from {len(sentences)} sentences.")


if __name__ == "__main__":
    main()
