"""Measured on the hand-labelled sentences (language/data/eval_sentences.toml): overall
precision at least 0.9 and recall at least 0.8. The numbers themselves are printed by
benchmarks/eval_language.py."""

from benchmarks.eval_language import load_sentences, prf, score


def test_the_labelled_set_is_big_and_balanced():
    sentences = load_sentences()
    problem = [s for s in sentences if s["labels"]]
    assert len(sentences) >= 200
    assert 0.35 <= len(problem) / len(sentences) <= 0.65
    held_out = [s for s in sentences if s["held_out"]]
    assert 0.2 <= len(held_out) / len(sentences) <= 0.4


def test_precision_and_recall_on_the_whole_set():
    precision, recall, _ = prf(score(load_sentences())["counts"]["all"])
    assert precision >= 0.9
    assert recall >= 0.8


def test_precision_and_recall_on_the_held_out_part():
    precision, recall, _ = prf(score([s for s in load_sentences() if s["held_out"]])["counts"]["all"])
    assert precision >= 0.9
    assert recall >= 0.8
