"""Measure how well situation suggestions rank, on the hand-judged sets in benchmarks/suggestions/.

    .venv/bin/python benchmarks/eval_suggestions.py            # dev and test halves
    .venv/bin/python benchmarks/eval_suggestions.py --set test --show

The sets were written independently of the ranker (graded: 2 = among the very
best questions to ask, 1 = fitting). `dev` and `test` were used while building the
ranker (test only after its first held-out run, see docs/SUGGESTIONS.md);
`holdout` was written last and is the number to report. Never tune on it.

Metrics, averaged over the cases of a set:
  nDCG@5    graded ranking quality of the first five suggestions (1.0 = ideal order)
  P@5       share of the first five that are relevant (grade 1 or 2)
  best@3    share of cases with at least one grade-2 question in the first three
  MRR       1 / rank of the first relevant suggestion
  R@10      share of the relevant questions found in the first ten
"""

import argparse
import math
import os
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medvandrer.settings")

CASES_DIR = ROOT / "benchmarks" / "suggestions"


def load_cases(name: str) -> list[dict]:
    with (CASES_DIR / f"{name}.toml").open("rb") as f:
        return tomllib.load(f)["cases"]


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


def evaluate(cases: list[dict], rank) -> dict[str, float]:
    totals: dict[str, float] = {}
    for case in cases:
        for metric, value in score_case(rank(case), case["relevant"]).items():
            totals[metric] = totals.get(metric, 0.0) + value
    return {metric: value / len(cases) for metric, value in totals.items()}


def lexical_ranker(case: dict) -> list[str]:
    from content.suggestions import suggest

    return [s.question_id for s in suggest(case["situation"], phase=case.get("phase", ""), limit=10)]


def print_table(rows: list[tuple[str, dict]]) -> None:
    metrics = ["nDCG@5", "P@5", "best@3", "MRR", "R@10"]
    print(f"{'':28}" + "".join(f"{m:>9}" for m in metrics))
    for label, result in rows:
        print(f"{label:28}" + "".join(f"{result[m]:9.3f}" for m in metrics))


def main() -> None:
    import django

    django.setup()
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["dev", "test", "holdout", "all"], default="all")
    parser.add_argument("--show", action="store_true", help="print each case with its top five")
    args = parser.parse_args()

    names = ["dev", "test", "holdout"] if args.set == "all" else [args.set]
    rows = []
    for name in names:
        cases = load_cases(name)
        rows.append((f"{name} ({len(cases)} cases)", evaluate(cases, lexical_ranker)))
        if args.show:
            for case in cases:
                ranked = lexical_ranker(case)
                marks = " ".join(
                    f"{q}{'**' if case['relevant'].get(q) == 2 else '*' if q in case['relevant'] else ''}"
                    for q in ranked[:5]
                )
                print(f"  {case['situation'][:60]:60} [{case.get('phase', '')}] {marks}")
    print_table(rows)


if __name__ == "__main__":
    main()
