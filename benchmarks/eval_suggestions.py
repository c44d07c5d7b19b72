"""Measure how well situation suggestions rank, on the hand-judged sets in benchmarks/suggestions/.

    .venv/bin/python benchmarks/eval_suggestions.py            # dev and test halves
    .venv/bin/python benchmarks/eval_suggestions.py --set test --show

The sets were written independently of the ranker (graded: 2 = among the very
best questions to ask, 1 = fitting). `dev` and `test` were used while building the
ranker (test only after its first held-out run, see docs/SUGGESTIONS.md);
`holdout` was written last and is the number to report. Never tune on it.

`round2` (110 cases, benchmarks/suggestions/round2.toml) was written on 2026-12-03 by other
hands, without seeing the ranker or its data. It is split by a hash of each situation's text,
fixed before any tuning on it: `round2-dev` may be looked at (`--show`), `round2-holdout` is
only ever measured. The script prints the hold-out's digest, so a changed hold-out shows.

Metrics, averaged over the cases of a set:
  nDCG@5    graded ranking quality of the first five suggestions (1.0 = ideal order)
  P@5       share of the first five that are relevant (grade 1 or 2)
  best@3    share of cases with at least one grade-2 question in the first three
  MRR       1 / rank of the first relevant suggestion
  R@10      share of the relevant questions found in the first ten
and, in the second table (the goals of issue 14, on round2-holdout):
  P@3       share of the first three that fit (goal ≥ 0.8)
  2of3      share of cases where at least two of the first three fit (goal ≥ 0.85)
  empty     share of cases with no suggestion at all (goal 0)
  filler    share of cases where a reason quotes a filler word such as «ta», «gjerne» (goal 0)
"""

import argparse
import hashlib
import math
import os
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medvandrer.settings")

CASES_DIR = ROOT / "benchmarks" / "suggestions"


ROUND2 = "round2"
# Words a reason must never quote as evidence: they say nothing about the situation. Kept apart
# from the ranker's own list (content.suggestions.FILLER_WORDS) on purpose: the measure must not
# be whatever the ranker happens to leave out.
FILLER = frozenset(
    """ta tar tatt tok gå går gikk få får fikk gjøre gjør gjorde komme kommer kom gjerne nesten tre to
    liksom egentlig helt bare litt veldig mye sånn slik ting noe noen mer mest ganske skikkelig faktisk
    hele""".split()
)
QUOTED = re.compile(r"«([^»]+)»")


def in_holdout(case: dict) -> bool:
    return hashlib.sha256(case["situation"].encode()).digest()[0] % 2 == 1


def load_cases(name: str) -> list[dict]:
    if name.startswith(ROUND2):
        with (CASES_DIR / f"{ROUND2}.toml").open("rb") as f:
            cases = tomllib.load(f)["cases"]
        return [c for c in cases if in_holdout(c) == (name == f"{ROUND2}-holdout")]
    with (CASES_DIR / f"{name}.toml").open("rb") as f:
        return tomllib.load(f)["cases"]


def digest(cases: list[dict]) -> str:
    return hashlib.sha256("\n".join(sorted(c["situation"] for c in cases)).encode()).hexdigest()[:12]


def dcg(gains: list[float]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def score_case(ranked: list[str], relevant: dict[str, int]) -> dict[str, float]:
    top5 = [relevant.get(q, 0) for q in ranked[:5]]
    ideal = sorted(relevant.values(), reverse=True)[:5]
    first = next((i for i, q in enumerate(ranked) if q in relevant), None)
    return {
        "nDCG@5": dcg(top5) / dcg(ideal),
        "P@5": sum(1 for g in top5 if g > 0) / 5,
        "best@3": 1.0 if any(relevant.get(q) == 2 for q in ranked[:3]) else 0.0,
        "MRR": 0.0 if first is None else 1 / (first + 1),
        "R@10": len(set(ranked[:10]) & set(relevant)) / len(relevant),
    }


def quotes_filler(reasons: list[str]) -> bool:
    """Whether a reason quotes a filler word or a stop word as what the user wrote («ta», «men»)."""
    from content.text import STOP_WORDS

    for reason in reasons:
        said = reason.split("du skrev", 1)[1] if "du skrev" in reason else reason.split("Ordene", 1)[-1]
        for quoted in QUOTED.findall(said):
            if quoted.lower() in FILLER or quoted.lower() in STOP_WORDS:
                return True
    return False


def goals(suggestions: list, relevant: dict[str, int]) -> dict[str, float]:
    top3 = [s.question_id for s in suggestions[:3]]
    fitting = sum(1 for q in top3 if q in relevant)
    return {
        "P@3": fitting / 3,
        "2of3": 1.0 if fitting >= 2 else 0.0,
        "empty": 0.0 if suggestions else 1.0,
        "filler": 1.0 if quotes_filler([s.why for s in suggestions[:5]]) else 0.0,
    }


def evaluate(cases: list[dict], rank) -> dict[str, float]:
    totals: dict[str, float] = {}
    for case in cases:
        suggestions = rank(case)
        ranked = [s.question_id for s in suggestions]
        for metric, value in (score_case(ranked, case["relevant"]) | goals(suggestions, case["relevant"])).items():
            totals[metric] = totals.get(metric, 0.0) + value
    return {metric: value / len(cases) for metric, value in totals.items()}


def lexical_ranker(case: dict) -> list:
    from content.suggestions import suggest

    return suggest(case["situation"], phase=case.get("phase", ""), limit=10)


def print_table(rows: list[tuple[str, dict]], metrics=("nDCG@5", "P@5", "best@3", "MRR", "R@10")) -> None:
    print(f"{'':28}" + "".join(f"{m:>9}" for m in metrics))
    for label, result in rows:
        print(f"{label:28}" + "".join(f"{result[m]:9.3f}" for m in metrics))


def main() -> None:
    import django

    django.setup()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--set", choices=["dev", "test", "holdout", f"{ROUND2}-dev", f"{ROUND2}-holdout", "all"], default="all"
    )
    parser.add_argument("--show", action="store_true", help="print each case with its top five")
    args = parser.parse_args()

    names = ["dev", "test", "holdout", f"{ROUND2}-dev", f"{ROUND2}-holdout"] if args.set == "all" else [args.set]
    if args.show and args.set in ("all", f"{ROUND2}-holdout"):
        raise SystemExit("The round2 hold-out is only measured, never shown: pick another --set with --show.")
    rows = []
    for name in names:
        cases = load_cases(name)
        rows.append((f"{name} ({len(cases)} cases)", evaluate(cases, lexical_ranker)))
        if args.show:
            for case in cases:
                ranked = [s.question_id for s in lexical_ranker(case)]
                marks = " ".join(
                    f"{q}{'**' if case['relevant'].get(q) == 2 else '*' if q in case['relevant'] else ''}"
                    for q in ranked[:5]
                )
                print(f"  {case['situation'][:60]:60} [{case.get('phase', '')}] {marks}")
    print_table(rows)
    print()
    print_table(rows, ("P@3", "2of3", "nDCG@5", "empty", "filler"))
    holdout = load_cases(f"{ROUND2}-holdout")
    print(f"\nround2-holdout: {len(holdout)} cases, digest {digest(holdout)}")


if __name__ == "__main__":
    main()
