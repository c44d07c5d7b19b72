"""Readability of staff text: LIX (läsbarhetsindex), with a level and a plain hint."""

from __future__ import annotations

import re

READABILITY_MIN_WORDS = 40

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
LIX_SENTENCE_END = re.compile(r"[.!?:;…]+(?=\s|$)|\n\s*\n|\n(?=\s*(?:[-*•–]|\d+[.)])\s)")


def readability(text: str) -> dict:
    """LIX = words/sentences + 100 × long words (> 6 letters)/words.

    For texts of at least 40 words there is a level (lett < 40, middels 40–49, tung ≥ 50)
    and a plain hint; shorter texts get the numbers only (level and hint are None).
    """
    text = text if isinstance(text, str) else ""
    words = WORD.findall(text)
    n = len(words)
    long_words = sum(1 for w in words if sum(ch.isalpha() for ch in w) > 6)
    sentences = sum(1 for part in LIX_SENTENCE_END.split(text) if WORD.search(part)) if n else 0
    sentences = max(sentences, 1) if n else 0
    lix = round(n / sentences + 100 * long_words / n) if n else None
    level = hint = None
    if n >= READABILITY_MIN_WORDS:
        if lix < 40:
            level = "lett"
            hint = f"Teksten er lett å lese (LIX {lix})."
        elif lix < 50:
            level = "middels"
            hint = f"Teksten er middels lett å lese (LIX {lix}). Kortere setninger gjør den enda lettere."
        else:
            level = "tung"
            hint = f"Teksten er ganske tung å lese (LIX {lix}). Kortere setninger og hverdagsord gjør den lettere."
    return {"words": n, "sentences": sentences, "long_words": long_words, "lix": lix, "level": level, "hint": hint}
