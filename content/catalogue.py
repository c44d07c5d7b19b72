"""Small, rarely changing lists from the content (elements, themes, phases, situations),
cached per process and refreshed when the content fingerprint changes."""

import threading
import time
from dataclasses import dataclass
from functools import cached_property

from content.models import ContentState, Element, Phase, Question, Situation, Theme, ThemeSituation
from language.words import word_for


@dataclass(frozen=True)
class Catalogue:
    fingerprint: str
    elements: tuple  # (key, name_nb, name)
    themes: tuple  # (key, name, element key)
    phases: tuple  # (key, name)
    situations: tuple  # (key, name)
    questions: tuple  # Question objects in bank order, theme and element loaded; treat as read-only
    theme_phases: dict  # theme key -> frozenset of phase keys
    theme_situations: dict  # theme key -> frozenset of situation keys
    situation_themes: dict  # situation key -> theme keys, the themes it fits best first

    @cached_property
    def questions_by_id(self) -> dict:
        return {question.id: question for question in self.questions}

    @cached_property
    def element_names(self) -> dict:
        """Element key -> Norwegian name, in the bank's order."""
        return {key: name_nb for key, name_nb, _name in self.elements}


_FINGERPRINT_TTL = 1.0  # seconds: new content is noticed within a second, at one query per second at most
_fingerprint: tuple[str, float] = ("", 0.0)


def current_fingerprint() -> str:
    global _fingerprint
    value, checked = _fingerprint
    now = time.monotonic()
    if now - checked > _FINGERPRINT_TTL or not value:
        value = ContentState.objects.filter(pk=1).values_list("fingerprint", flat=True).first() or ""
        _fingerprint = (value, now)
    return value


def forget_fingerprint() -> None:
    """After loading content in this process, look again at once."""
    global _fingerprint
    _fingerprint = ("", 0.0)


def cached_by_fingerprint(load):
    """`load(fingerprint)` once per process and content version: the returned function gives
    the cached result until the content in the database changes (its `fingerprint`)."""
    lock = threading.Lock()
    cached = None

    def get():
        nonlocal cached
        fingerprint = current_fingerprint()
        if cached is None or cached.fingerprint != fingerprint:
            with lock:
                if cached is None or cached.fingerprint != fingerprint:  # another thread may have loaded it
                    cached = load(fingerprint)
        return cached

    return get


def _load_catalogue(fingerprint: str) -> Catalogue:
    return Catalogue(
        fingerprint=fingerprint,
        elements=tuple(Element.objects.values_list("key", "name_nb", "name")),
        themes=tuple(Theme.objects.values_list("key", "name", "element_id")),
        phases=tuple(Phase.objects.values_list("key", "name")),
        situations=tuple(Situation.objects.values_list("key", "name")),
        questions=tuple(Question.objects.select_related("theme__element", "element")),
        theme_phases=_group(Theme.phases.through.objects.values_list("theme_id", "phase_id")),
        theme_situations=_group(ThemeSituation.objects.values_list("theme_id", "situation_id")),
        situation_themes=_group(
            ThemeSituation.objects.order_by("position", "theme__element__order", "theme__order").values_list(
                "situation_id", "theme_id"
            ),
            into=tuple,
        ),
    )


catalogue = cached_by_fingerprint(_load_catalogue)


def _group(pairs, into=frozenset) -> dict:
    """{key: the values paired with it}, as a frozenset, or in order (`into=tuple`)."""
    grouped: dict = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return {key: into(values) for key, values in grouped.items()}


# A few plain words beside each element's name, for the person in recovery, who has not read
# about CHIME (our own wording, as on the self-rating page).
PLAIN_MEANING = {
    "connectedness": "å ha folk og steder rundt seg",
    "hope": "at ting kan bli bedre",
    "identity": "å vite hvem man er og få være seg selv",
    "meaning": "at det man gjør, betyr noe",
    "empowerment": "å ha noe å si over eget liv",
}
# Elements whose staff name the person never reads (language/data/words.toml): Myndiggjøring.
PERSON_WORD = {"empowerment": "empowerment"}


def person_element_name(key: str, name_nb: str) -> str:
    return word_for(PERSON_WORD[key], for_person=True) if key in PERSON_WORD else name_nb


def person_element_names() -> dict[str, str]:
    """{key: the element's name in the person's words} – «Å bestemme selv», not «Myndiggjøring»."""
    return {key: person_element_name(key, name_nb) for key, name_nb, _name in catalogue().elements}


def plain_element_choices() -> list[tuple[str, str]]:
    """(key, "Håp – at ting kan bli bedre") for forms the person fills in, or fills in with staff."""
    return [
        (key, f"{name} – {PLAIN_MEANING[key]}" if key in PLAIN_MEANING else name)
        for key, name in person_element_names().items()
    ]
