"""Measure the language check (language/checking.py) on the hand-labelled sentences.

    .venv/bin/python benchmarks/eval_language.py                      # bokmål and nynorsk, each and together; speed
    .venv/bin/python benchmarks/eval_language.py --set nn             # only the nynorsk set (bm: only bokmål)
    .venv/bin/python benchmarks/eval_language.py --set nn --dev-only  # while tuning: never look at held-out misses

The sentences are in language/data/eval_sentences.toml (bokmål, written before the rules)
and language/data/eval_sentences_nn.toml (nynorsk, written before any nynorsk rule work).
In each set about 30 % are held out, chosen by a hash of the sentence text, fixed before
any rule was written; tune only on dev misses.

History (so the held-out number stays honest): the first and only held-out run, with the
rules as tuned on dev, gave precision 0.971, recall 0.892 (F1 0.930) on 37 labelled
phrases. One rule had a pattern slip that run exposed («splitting» required the word
«personalet» after it); that was fixed and raised held-out recall to 0.919. Nothing else
was changed after seeing held-out results. Caveat: one author wrote both the sentences
and the rules, so even held-out sentences share the author's sense of the problem.

Nynorsk (language/data/eval_sentences_nn.toml: 85 sentences, 46 with problem phrasing and
48 labels; 19 sentences and 12 labels held out by the same hash), written 2026-12-07 before
any nynorsk rule work. Baseline, the bokmål-only rules: dev precision 0.875, recall 0.389
(F1 0.538) on 36 labels; held-out precision 0.500, recall 0.083 (F1 0.143). Then nynorsk
forms were added to the existing patterns (ikkje, berre, saman, ho, eg/me, ein, kva, viss,
-ar/-ane, sjølv, sjukdomsinnsikt …), looking only at dev misses: dev precision 1.000,
recall 0.889 (F1 0.941); bokmål unchanged (whole set 0.980 / 0.942). The first and only
held-out run after that: precision 0.917, recall 0.917 (F1 0.917) on 12 labels – a small
part, so one phrase moves recall by 0.08. One dev label was widened after the baseline (see
the note in the file); the baseline found nothing in that sentence. Still missed on dev,
on purpose not patched: «burde vite betre» (the bokmål rule leaves «burde vite» alone too),
and phrasing with no bokmål rule («ikkje noko du kan velje sjølv», «psykoedukasjon»,
«tiltaksplanen din»). Same caveat: one author wrote the sentences and the nynorsk forms.

Scoring: a finding is correct if its category matches a labelled phrase's category and
its span overlaps that phrase. Precision = correct findings / all findings; recall =
labelled phrases hit by at least one finding of their category / all labelled phrases.
"""

import argparse
import hashlib
import os
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medvandrer.settings")

from language.checking import check  # noqa: E402
from language.readability import readability  # noqa: E402
from language.rules import CATEGORIES  # noqa: E402

SENTENCES = ROOT / "language" / "data" / "eval_sentences.toml"
SENTENCES_NN = ROOT / "language" / "data" / "eval_sentences_nn.toml"
SETS = {"bm": ("bokmål", SENTENCES), "nn": ("nynorsk", SENTENCES_NN)}
HELD_OUT_PERCENT = 30


def load_sentences(path: Path = SENTENCES) -> list[dict]:
    with path.open("rb") as f:
        sentences = tomllib.load(f)["s"]
    for s in sentences:
        s["held_out"] = is_held_out(s["text"])
        s["labels"] = []
        for item in s["find"]:
            start = s["text"].index(item["phrase"])
            s["labels"].append((item["cat"], start, start + len(item["phrase"])))
    return sentences


def is_held_out(text: str) -> bool:
    return int(hashlib.sha256(text.encode()).hexdigest(), 16) % 100 < HELD_OUT_PERCENT


def overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def score(sentences: list[dict]) -> dict:
    """Counts per category and overall, plus the misses and false alarms."""
    counts = {c: {"tp": 0, "fp": 0, "found": 0, "labels": 0} for c in (*CATEGORIES, "all")}
    misses, false_alarms = [], []
    for s in sentences:
        findings = check(s["text"])
        for f in findings:
            good = any(cat == f.category and overlaps(f.start, f.end, a, b) for cat, a, b in s["labels"])
            for key in (f.category, "all"):
                counts[key]["tp" if good else "fp"] += 1
            if not good:
                false_alarms.append((s["text"], f))
        for cat, a, b in s["labels"]:
            hit = any(f.category == cat and overlaps(f.start, f.end, a, b) for f in findings)
            for key in (cat, "all"):
                counts[key]["labels"] += 1
                counts[key]["found"] += hit
            if not hit:
                misses.append((s["text"], cat, s["text"][a:b], findings))
    return {"counts": counts, "misses": misses, "false_alarms": false_alarms}


def prf(c: dict) -> tuple[float, float, float]:
    flagged = c["tp"] + c["fp"]
    p = c["tp"] / flagged if flagged else 1.0
    r = c["found"] / c["labels"] if c["labels"] else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def summary_line(name: str, result: dict) -> str:
    c = result["counts"]["all"]
    p, r, f1 = prf(c)
    return f"{name:<34} labels {c['labels']:>3}  precision {p:.3f}  recall {r:.3f}  F1 {f1:.3f}"


def report(name: str, sentences: list[dict], show_errors: bool = True) -> dict:
    result = score(sentences)
    positive = sum(1 for s in sentences if s["labels"])
    print(
        f"\n== {name}: {len(sentences)} sentences ({positive} with problem phrasing, {len(sentences) - positive} clean)"
    )
    print(f"{'category':<12} {'labels':>6} {'flagged':>7} {'precision':>9} {'recall':>7} {'F1':>6}")
    for cat in (*CATEGORIES, "all"):
        c = result["counts"][cat]
        p, r, f1 = prf(c)
        print(f"{cat:<12} {c['labels']:>6} {c['tp'] + c['fp']:>7} {p:>9.3f} {r:>7.3f} {f1:>6.3f}")
    if show_errors:
        if result["misses"]:
            print(f"\nMisses ({len(result['misses'])}):")
            for text, cat, phrase, findings in result["misses"]:
                got = ", ".join(f"{f.category}:«{text[f.start : f.end]}»" for f in findings) or "nothing"
                print(f"  - [{cat}] «{phrase}» in: {text}  (got {got})")
        if result["false_alarms"]:
            print(f"\nFalse alarms ({len(result['false_alarms'])}):")
            for text, f in result["false_alarms"]:
                print(f"  - [{f.category}] «{text[f.start : f.end]}» in: {text}")
    return result


def speed(repeat: int = 5) -> None:
    sentences = [s["text"] for s in load_sentences()]
    text = ""
    i = 0
    while len(text) < 20_000:
        text += sentences[i % len(sentences)] + (" " if i % 7 else "\n\n")
        i += 1
    text = text[:20_000]
    check(text)  # warm the rule cache
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        findings = check(text)
        readability(text)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(
        f"\nSpeed: a 20,000-character text ({len(text.split())} words, {len(findings)} findings): "
        f"median {times[len(times) // 2] * 1000:.0f} ms, worst {times[-1] * 1000:.0f} ms over {repeat} runs"
    )
    adversarial = {
        "«du må du må …» (one endless sentence)": ("du må " * 4000)[:20_000],
        "«hun sier at du burde …» (reported speech, no full stop)": ("hun sier at du burde men " * 1000)[:20_000],
        "one 20,000-letter word": "rusmisbruker" + "a" * 19_988,
        "«…» quotes nested and unclosed": ("«du må «burde " * 2000)[:20_000],
    }
    for name, text in adversarial.items():
        t0 = time.perf_counter()
        check(text)
        readability(text)
        print(f"Speed, adversarial {name}: {(time.perf_counter() - t0) * 1000:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dev-only", action="store_true", help="score and show errors for the dev part only")
    parser.add_argument(
        "--set",
        choices=("bm", "nn", "all"),
        default="all",
        help="bm: bokmål sentences, nn: nynorsk sentences, all: each, then both together (default)",
    )
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurement")
    args = parser.parse_args()
    keys = ("bm", "nn") if args.set == "all" else (args.set,)
    loaded = {key: load_sentences(SETS[key][1]) for key in keys}
    summary = []
    for key, sentences in loaded.items():
        language = SETS[key][0]
        dev = [s for s in sentences if not s["held_out"]]
        held_out = [s for s in sentences if s["held_out"]]
        if args.dev_only:
            summary.append(summary_line(f"{language}, dev", report(f"{language}, dev", dev)))
            continue
        summary.append(summary_line(f"{language}, whole set", report(f"{language}, whole set", sentences, False)))
        summary.append(summary_line(f"{language}, dev", report(f"{language}, dev (used while tuning)", dev)))
        # Looking at held-out misses would spoil it: only the counts are printed.
        result = report(f"{language}, held-out (never tuned on)", held_out, show_errors=False)
        summary.append(summary_line(f"{language}, held-out", result))
    if len(keys) > 1:
        every = [s for key in keys for s in loaded[key]]
        parts = {"dev": [s for s in every if not s["held_out"]]}
        if not args.dev_only:
            parts = {"whole set": every, **parts, "held-out": [s for s in every if s["held_out"]]}
        for part, sentences in parts.items():
            result = report(f"bokmål + nynorsk, {part}", sentences, show_errors=False)
            summary.append(summary_line(f"bokmål + nynorsk, {part}", result))
    print("\n== Summary")
    for line in summary:
        print(line)
    if not args.dev_only and not args.no_speed:
        speed()


if __name__ == "__main__":
    main()
