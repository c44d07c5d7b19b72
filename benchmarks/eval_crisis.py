"""Quality of the crisis recogniser on the hand-written set (crisis/data/eval_sentences.toml).

Prints, for the training set (crisis/data/train_sentences.toml and train2_sentences.toml, tuning data written by other hands), the dev set
(may be looked at while tuning), the held-out set (only ever measured) and the evaluation
set as a whole: recall and precision per kind, the same for «any crisis
word at all», and the false alarms on the hard negatives. Missing a crisis costs more
than a false alarm, so recall comes first.

Goals (issue 10): recall ≥ 0.95 for suicide and self-harm, precision ≥ 0.9.

    .venv/bin/python benchmarks/eval_crisis.py            # numbers, and the dev misses
    .venv/bin/python benchmarks/eval_crisis.py --quiet    # numbers only
"""

import sys
import tomllib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crisis.recogniser import KINDS, recognise  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "crisis" / "data"
SET_FILE = DATA / "eval_sentences.toml"
TRAIN_FILES = (DATA / "train_sentences.toml", DATA / "train2_sentences.toml")  # tuning data, other hands


def load() -> list[dict]:
    with SET_FILE.open("rb") as f:
        sentences = tomllib.load(f)["sentence"]
    for path in TRAIN_FILES:
        with path.open("rb") as f:
            sentences += [{**s, "set": "train"} for s in tomllib.load(f)["sentence"]]
    return sentences


def measure(sentences: list[dict]) -> dict:
    counts = {kind: Counter() for kind in (*KINDS, "any")}
    negatives = false_alarms = 0
    wrong = []
    for sentence in sentences:
        want = set(sentence["kinds"])
        got = set(recognise(sentence["text"]).kinds)
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
            wrong.append((sorted(want), sorted(got), sentence["text"]))
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
    sentences = load()
    quiet = "--quiet" in sys.argv
    kinds = Counter(kind for s in sentences for kind in s["kinds"])
    print(
        f"Crisis recogniser: {len(sentences)} sentences, {sum(1 for s in sentences if s['kinds'])} with crisis words, "
        f"{sum(1 for s in sentences if not s['kinds'])} hard negatives; per kind: "
        + ", ".join(f"{k} {kinds[k]}" for k in KINDS)
    )
    results = {}
    for name in ("train", "dev", "holdout"):
        results[name] = measure([s for s in sentences if s["set"] == name])
        report(f"{name} ({sum(1 for s in sentences if s['set'] == name)} sentences)", results[name])
    evaluation = [s for s in sentences if s["set"] != "train"]
    report(f"evaluation set, dev and holdout ({len(evaluation)} sentences)", measure(evaluation))
    for name in ("train", "dev"):
        if not quiet and results[name]["wrong"]:
            print(f"\n{name.capitalize()} sentences it gets wrong (wanted → found):")
            for want, got, text in results[name]["wrong"]:
                print(f"  {want} → {got}: {text}")
    print(f"\nHeld-out sentences it gets wrong: {len(results['holdout']['wrong'])} (not printed: they stay unseen)")


if __name__ == "__main__":
    main()
