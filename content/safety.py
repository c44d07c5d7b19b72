"""The crisis check the bank asks before it suggests or searches.

The crisis app reads the bank (the seed's guidance for the hardest moments, the questions it
grounds on), so the bank cannot import it back without a circle. Instead crisis plugs its
check in here when Django starts (crisis.apps.ready), and the bank calls these functions.
Until it has, every call fails loudly: the bank never answers without the crisis check.
"""

from collections.abc import Callable
from dataclasses import dataclass

CRISIS_PHASE = "krise"  # the conversation phase (content/data/phases.toml) that is crisis by itself


@dataclass(frozen=True)
class CrisisCheck:
    recognise: Callable  # (text) -> crisis.recogniser.Recognition: falsy when no crisis words
    nothing_found: Callable  # () -> an empty Recognition
    card_for: Callable  # (texts, *, phase, organisation_id) -> crisis.support.Card or None
    grounded_question_ids: Callable  # () -> the present, grounded questions, best first
    avoided_themes: Callable  # () -> themes never offered in crisis (dreams, the future …)


_plugged: CrisisCheck | None = None


class NotPluggedIn(RuntimeError):
    pass


def plug_in(check: CrisisCheck) -> None:
    global _plugged
    _plugged = check


def _check() -> CrisisCheck:
    if _plugged is None:
        raise NotPluggedIn(
            "The crisis check is not plugged in (crisis.apps.ready); the bank will not answer without it."
        )
    return _plugged


def recognise(text: str):
    return _check().recognise(text)


def nothing_found():
    return _check().nothing_found()


def card_for(texts, *, phase: str = "", organisation_id=None):
    return _check().card_for(texts, phase=phase, organisation_id=organisation_id)


def grounded_question_ids() -> tuple[str, ...]:
    return _check().grounded_question_ids()


def avoided_themes() -> frozenset[str]:
    return _check().avoided_themes()
