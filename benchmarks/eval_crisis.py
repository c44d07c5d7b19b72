"""Quality of the crisis recogniser on hand-written Norwegian sentences.

The recogniser has two readers: the reviewed phrases (crisis/data/phrases.toml) and a learned
reader beside them (crisis/learned.py, trained by `python -m crisis.training`). Each set is
reported with recall and precision per kind, the same for «any crisis word at all», and the
false alarms on the hard negatives. Missing a crisis costs more than a false alarm, so recall
comes first.

- train: crisis/data/train_sentences.toml, train2_sentences.toml and train3_sentences.toml
  (tuning data written by other hands; train3 is the former held-out set 2, also reported on
  its own);
- dev: every sentence of crisis/data/eval_sentences.toml (its `set` field says which were once
  held out; they have been looked at since, so they are seen now);
- holdout3: crisis/data/holdout3_sentences.toml, the former held-out set 3: measured once with
  the phrases alone, once with a learned reader that had not seen it (docs/PERFORMANCE.md), and
  trained on since;
- holdout: crisis/data/holdout4_sentences.toml, the sentences nobody tuning the phrases or
  training the reader has seen. Only ever measured: the script prints its numbers (with both
  readers, and with the phrases alone) and how many it gets wrong, never the sentences. When
  the file is not there (yet), it says so and skips it.
- everyday: the situations of the suggestion sets (benchmarks/suggestions/), ordinary hard
  days written by practitioners: how many of them would bring the safety card.

The train and dev misses are printed. Goals (issue 10): recall ≥ 0.95 for suicide and
self-harm, precision ≥ 0.9.

    .venv/bin/python benchmarks/eval_crisis.py               # numbers, and the train and dev misses
    .venv/bin/python benchmarks/eval_crisis.py --quiet       # numbers only
    .venv/bin/python benchmarks/eval_crisis.py --no-holdout  # while tuning: not even the holdout's numbers
"""

import sys
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crisis.recogniser import KINDS, recognise, recognise_by_phrases  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "crisis" / "data"
DEV_FILE = DATA / "eval_sentences.toml"  # all dev now; its `set` field says what was held out before
TRAIN3_FILE = DATA / "train3_sentences.toml"  # the former held-out set 2: tuning data since round 4
TRAIN_FILES = (DATA / "train_sentences.toml", DATA / "train2_sentences.toml", TRAIN3_FILE)  # tuning data, other hands
HOLDOUT3_FILE = DATA / "holdout3_sentences.toml"  # measured, then trained on
HOLDOUT_FILE = DATA / "holdout4_sentences.toml"  # unseen: only measured
EVERYDAY_DIR = DATA.parent.parent / "benchmarks" / "suggestions"


def _read(path: Path) -> list[dict]:
    with path.open("rb") as f:
        return tomllib.load(f)["sentence"]


def load(holdout: bool = True) -> tuple[list[dict], str]:
    """Every sentence with its `set` (train, dev, holdout) and, for dev, `former` (the set it had
    in eval_sentences.toml); and a line about the holdout file when it was not read."""
    sentences = [{**s, "set": "dev", "former": s["set"]} for s in _read(DEV_FILE)]
    for path in TRAIN_FILES:
        former = "train3" if path == TRAIN3_FILE else ""
        sentences += [{**s, "set": "train", "former": former} for s in _read(path)]
    sentences += [{**s, "set": "holdout3"} for s in _read(HOLDOUT3_FILE)]
    note = ""
    if not holdout:
        note = "Held-out set not measured (--no-holdout)."
    elif not HOLDOUT_FILE.exists():
        note = f"Held-out set: {HOLDOUT_FILE.relative_to(DATA.parent.parent)} does not exist yet – skipped."
    else:
        try:
            sentences += [{**s, "set": "holdout"} for s in _read(HOLDOUT_FILE)]
        except (tomllib.TOMLDecodeError, KeyError, TypeError) as e:
            # say what kind of trouble, never the file's words
            note = f"Held-out set: {HOLDOUT_FILE.name} could not be read ({type(e).__name__}) – skipped."
    return sentences, note


def everyday() -> list[str]:
    texts = []
    for path in sorted(EVERYDAY_DIR.glob("*.toml")):
        with path.open("rb") as f:
            texts += [case["situation"] for case in tomllib.load(f)["cases"]]
    return texts


def measure(sentences: list[dict], reader=recognise) -> dict:
    counts = {kind: Counter() for kind in (*KINDS, "any")}
    negatives = false_alarms = 0
    wrong = []
    for sentence in sentences:
        want = set(sentence["kinds"])
        got = set(reader(sentence["text"]).kinds)
        for kind in KINDS:
            counts[kind]["tp"] += kind in want and kind in got
            counts[kind]["fp"] += kind in got and kind not in want
            counts[kind]["fn"] += kind in want and kind not in got
        counts["any"]["tp"] += bool(want) and bool(got)
        counts["any"]["fp"] += not want and bool(got)
        counts["any"]["fn"] += bool(want) and not got
        if not want:
            negatives += 1
            false_alarms += bool(got)
        if want != got and not (want and want <= got):
            wrong.append((sorted(want), sorted(got), sentence["text"], sentence.get("former", "")))
    return {"counts": counts, "negatives": negatives, "false_alarms": false_alarms, "wrong": wrong}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  –  "


def report(name: str, result: dict) -> None:
    print(f"\n{name}")
    print(f"  {'kind':<18} {'recall':>7} {'precision':>10}   (tp/fn/fp)")
    for kind, c in result["counts"].items():
        recall = _ratio(c["tp"], c["tp"] + c["fn"])
        precision = _ratio(c["tp"], c["tp"] + c["fp"])
        print(f"  {kind:<18} {recall:>7} {precision:>10}   ({c['tp']}/{c['fn']}/{c['fp']})")
    print(
        f"  false alarms on the {result['negatives']} hard negatives: {result['false_alarms']}"
        f" ({_ratio(result['false_alarms'], result['negatives'])})"
    )


def main() -> None:
    quiet = "--quiet" in sys.argv
    sentences, holdout_note = load(holdout="--no-holdout" not in sys.argv)
    seen = [s for s in sentences if s["set"] != "holdout"]
    kinds = Counter(kind for s in seen for kind in s["kinds"])
    print(
        f"Crisis recogniser: {len(seen)} seen sentences (train and dev), {sum(1 for s in seen if s['kinds'])} with "
        f"crisis words, {sum(1 for s in seen if not s['kinds'])} hard negatives; per kind: "
        + ", ".join(f"{k} {kinds[k]}" for k in KINDS)
    )
    parts = {
        "train": [s for s in sentences if s["set"] == "train"],
        "train3 (former holdout 2)": [s for s in sentences if s["set"] == "train" and s["former"] == "train3"],
        "dev": [s for s in sentences if s["set"] == "dev"],
        "dev (former dev)": [s for s in sentences if s["set"] == "dev" and s["former"] != "holdout"],
        "dev (former holdout)": [s for s in sentences if s["set"] == "dev" and s["former"] == "holdout"],
        "holdout3": [s for s in sentences if s["set"] == "holdout3"],
        "holdout": [s for s in sentences if s["set"] == "holdout"],
    }
    results = {}
    for name, part in parts.items():
        if name == "holdout" and not part:
            continue
        results[name] = measure(part)
        where = {
            "train": "train_sentences.toml, train2_sentences.toml, train3_sentences.toml",
            "train3 (former holdout 2)": TRAIN3_FILE.name,
            "dev": "all of eval_sentences.toml",
            "holdout3": HOLDOUT3_FILE.name + ", trained on since it was measured",
            "holdout": HOLDOUT_FILE.name + ", unseen",
        }.get(name, "eval_sentences.toml")
        report(f"{name} ({len(part)} sentences; {where})", results[name])
        if name.startswith("holdout"):
            report(f"{name}, the phrases alone", measure(part, recognise_by_phrases))
    texts = everyday()
    both = sum(1 for text in texts if recognise(text))
    alone = sum(1 for text in texts if recognise_by_phrases(text))
    print(
        f"\neveryday situations ({len(texts)}, benchmarks/suggestions/): the card comes for {both}"
        f" ({_ratio(both, len(texts))}); with the phrases alone {alone} ({_ratio(alone, len(texts))})"
    )
    if not quiet:
        for name in ("train", "dev"):
            if results[name]["wrong"]:
                print(f"\n{name.capitalize()} sentences it gets wrong (wanted → found):")
                for want, got, text, former in results[name]["wrong"]:
                    mark = {"holdout": " [former holdout]", "train3": " [train3]"}.get(former, "")
                    print(f"  {want} → {got}{mark}: {text}")
    if "holdout" in results:
        print(f"\nHeld-out sentences it gets wrong: {len(results['holdout']['wrong'])} (not printed: they stay unseen)")
    else:
        print(f"\n{holdout_note or 'Held-out set: ' + HOLDOUT_FILE.name + ' has no sentences – skipped.'}")


if __name__ == "__main__":
    main()
