"""What Medvandrer puts in front of a practitioner when crisis words come up, or a
conversation is in the phase «krise»: the safety card.

The card holds the seed's guidance for the hardest moments (one row per CHIME element,
seed 004), the present and grounded questions those rows name, the numbers to call (the
national ones and the organisation's own), and – in a conversation – a link to this
person's own plan for hard days. It never holds a risk score or an assessment: only the
words it recognised, so the practitioner sees why it is there.

`questions.toml` also says which bank questions the suggestions may offer in crisis
(`grounded`); content.suggestions uses `grounded_question_ids()` for that.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from django.urls import reverse

from content.catalogue import cached_by_fingerprint
from content.safety import CRISIS_PHASE
from crisis.recogniser import Recognition, kind_name, recognise

DATA = Path(__file__).resolve().parent / "data"
QUOTED_QUESTION = re.compile(r"«([^«»]+\?)»")


@dataclass(frozen=True)
class Contact:
    name: str
    number: str
    tel: str
    when: str = ""
    own: bool = False  # the organisation's own number, not a national one
    first_for: tuple = ()

    def as_dict(self) -> dict:
        return {"name": self.name, "number": self.number, "tel": f"tel:{self.tel}", "when": self.when}


@dataclass(frozen=True)
class Guidance:
    element: str
    element_name: str
    label: str
    text: str

    def as_dict(self) -> dict:
        return {"element": self.element, "element_name": self.element_name, "label": self.label, "text": self.text}


@dataclass
class Card:
    recognition: Recognition
    phase_crisis: bool
    guidance: list[Guidance]
    questions: list[str]
    contacts: list[Contact]
    plan_url: str = ""  # this person's plan for hard days, in a conversation
    kinds: list[tuple[str, str]] = field(default_factory=list)  # (key, plain Norwegian words)

    @property
    def words(self) -> list[str]:
        return self.recognition.words

    @property
    def quoted_kinds(self) -> list[tuple[str, str]]:
        """The kinds of the words the card quotes (found by a phrase)."""
        quoted = {hit.kind for hit in self.recognition.hits if not hit.learned}
        return [(key, name) for key, name in self.kinds if key in quoted]

    @property
    def read_kinds(self) -> list[tuple[str, str]]:
        """The kinds only the learned reader found: the card names them, but quotes nothing for them."""
        quoted = {key for key, _name in self.quoted_kinds}
        read = {hit.kind for hit in self.recognition.hits if hit.learned}
        return [(key, name) for key, name in self.kinds if key in read and key not in quoted]

    def as_dict(self, *, for_person: bool = False) -> dict:
        if for_person:  # their own help, not guidance meant for staff
            return {
                "kinds": [key for key, _name in self.kinds],
                "help": reverse("hard_now"),
                "contacts": [c.as_dict() for c in self.contacts],
            }
        return {
            "kinds": [key for key, _name in self.kinds],
            "words": self.words,
            "guidance": [g.as_dict() for g in self.guidance],
            "questions": self.questions,
            "contacts": [c.as_dict() for c in self.contacts],
        }


@lru_cache(maxsize=1)
def _questions_file() -> dict:
    with (DATA / "questions.toml").open("rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=1)
def national_contacts() -> tuple[Contact, ...]:
    with (DATA / "contacts.toml").open("rb") as f:
        rows = tomllib.load(f)["contact"]
    return tuple(
        Contact(row["name"], row["number"], row["tel"], row.get("when", ""), first_for=tuple(row.get("first_for", ())))
        for row in rows
    )


def grounded_question_ids() -> tuple[str, ...]:
    return tuple(_questions_file()["grounded"])


def avoided_themes() -> frozenset[str]:
    return frozenset(_questions_file()["avoid_themes"])


@dataclass(frozen=True)
class _SeedGuidance:
    fingerprint: str
    rows: tuple


def _load_guidance(fingerprint: str) -> _SeedGuidance:
    from content.models import PhaseGuidance

    order = _questions_file()["guidance_order"]
    chosen = {}
    for row in PhaseGuidance.objects.select_related("element").prefetch_related("phases").order_by("order"):
        phases = {p.key for p in row.phases.all()}
        rank = 0 if CRISIS_PHASE in phases else 1 if "motstand" in phases else None
        if rank is None:
            continue
        best = chosen.get(row.element_id)
        if best is None or rank < best[0]:
            chosen[row.element_id] = (rank, Guidance(row.element_id, row.element.name_nb, row.label, row.text))
    return _SeedGuidance(fingerprint, tuple(chosen[key][1] for key in order if key in chosen))


seed_guidance = cached_by_fingerprint(_load_guidance)


def grounded_questions(guidance: list[Guidance]) -> list[str]:
    """The questions the seed itself names in those rows («Hva hjelper deg å holde ut akkurat nå?» …)."""
    found = []
    for row in guidance:
        for question in QUOTED_QUESTION.findall(row.text):
            if question not in found:
                found.append(question)
    return found


def contacts_for(organisation_id: int | None, kinds: list[str] = ()) -> list[Contact]:
    """113 first; then the number that fits what was recognised (112, Giftinformasjonen);
    then the organisation's own numbers; then the rest of the national list."""
    from crisis.models import OrganisationContact

    national = list(national_contacts())
    first, fitting, rest = national[:1], [], []
    for contact in national[1:]:
        (fitting if set(contact.first_for) & set(kinds) else rest).append(contact)
    own = []
    if organisation_id is not None:
        own = [
            Contact(c.name, c.number, c.tel, c.when, own=True)
            for c in OrganisationContact.objects.filter(organisation_id=organisation_id)
            if c.tel
        ]
    return first + fitting + own + rest


def card_for(
    texts, *, phase: str = "", organisation_id: int | None = None, plan_url: str = "", known_kinds=()
) -> Card | None:
    """The safety card for what a practitioner has written (`texts`) and the chosen phase,
    or None when neither says crisis. `known_kinds`: crisis kinds of a text that was not kept
    (a conversation's situation «bare for å finne spørsmål»)."""
    recognition = Recognition(tuple(hit for text in texts if text for hit in recognise(text).hits))
    phase_crisis = phase == CRISIS_PHASE
    if not recognition and not phase_crisis and not known_kinds:
        return None
    guidance = list(seed_guidance().rows)
    return Card(
        recognition=recognition,
        phase_crisis=phase_crisis,
        guidance=guidance,
        questions=grounded_questions(guidance),
        contacts=contacts_for(organisation_id, recognition.kinds or list(known_kinds)),
        plan_url=plan_url,
        kinds=[(kind, kind_name(kind)) for kind in (recognition.kinds or list(known_kinds))],
    )
