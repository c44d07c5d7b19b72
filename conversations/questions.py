"""Which questions conversation mode offers: from the bank, for the chosen phase, CHIME focus
and – when one is typed – the situation (content.suggestions ranks and explains)."""

from dataclasses import dataclass

from content.bank import find_questions
from content.catalogue import catalogue, person_element_name
from content.suggestions import suggest
from crisis.recogniser import recognise
from crisis.support import CRISIS_PHASE

SUGGESTED = 8


@dataclass(frozen=True)
class Offered:
    id: str
    text: str
    theme: str
    element_name: str
    why: str


def one(question_id: str, why: str = "") -> Offered:
    """A question as the conversation offers it: the element in the person's words («Å bestemme selv»),
    since the conversation is theirs too."""
    question = catalogue().questions_by_id[question_id]
    element = person_element_name(question.element_id, question.element.name_nb)
    return Offered(question.id, question.text, question.theme.name, element, why)


def in_crisis(conversation) -> bool:
    """The phase «krise», crisis words in the situation or the notes, or – for a situation that
    was not saved – the crisis kinds it held."""
    return (
        conversation.phase == CRISIS_PHASE
        or bool(conversation.crisis_kinds)
        or bool(recognise(conversation.situation))
        or bool(recognise(conversation.notes))
    )


def offered_for(situation: str, *, phase: str, focus: str, limit: int = SUGGESTED) -> dict:
    """What a situation that is not to be saved leaves behind: question ids and crisis kinds."""
    recognition = recognise(situation)
    ranked = suggest(situation, phase=phase, element=focus, limit=limit, recognition=recognition)
    # words that point nowhere keep no questions: the page then spreads over phase and focus (suggested())
    pointed = bool(ranked) and not ranked[0].fallback
    return {"offered_questions": [s.id for s in ranked] if pointed else [], "crisis_kinds": recognition.kinds}


FROM_THE_START = "Foreslått ut fra det du beskrev (det ble ikke lagret)."


def suggested(conversation, limit: int = SUGGESTED) -> list[Offered]:
    # Crisis first: questions kept from a hopeful start must not come back once crisis words appear.
    crisis = in_crisis(conversation)
    if not crisis and not conversation.situation and conversation.offered_questions:
        known = catalogue().questions_by_id
        return [one(qid, FROM_THE_START) for qid in conversation.offered_questions if qid in known][:limit]
    if conversation.situation or crisis:
        ranked = suggest(
            conversation.situation,
            phase=conversation.phase,
            element=conversation.focus,
            limit=limit,
            in_crisis=crisis,
        )
        # in crisis only the grounded questions, never the bank at large; when the words point
        # nowhere (the ranker's open questions), the spread over the chosen phase and focus below
        if crisis or (ranked and not ranked[0].fallback):
            return [one(s.id, s.why) for s in ranked]
    # Without a situation (or nothing in it pointed anywhere): the first question of each fitting theme,
    # so the list spans the themes instead of dwelling on one.
    found = find_questions(element=conversation.focus, phase=conversation.phase).questions
    offered, themes = [], set()
    for question in found:
        if question.theme_id in themes:
            continue
        themes.add(question.theme_id)
        why = f"Fra temaet «{question.theme.name}»" + (" i fasen du valgte." if conversation.phase else ".")
        offered.append(one(question.id, why))
        if len(offered) == limit:
            break
    return offered


def used(conversation) -> list[Offered]:
    questions = catalogue().questions_by_id
    return [one(qid) for qid in conversation.used_questions if qid in questions]
