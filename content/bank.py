"""Finding questions in the bank: filters and full-text search, shared by pages and API.

The bank is read from the per-process catalogue (content/catalogue.py), so browsing
costs no query for the questions themselves; only the full-text search goes to the database.
"""

from dataclasses import dataclass, field

from content import safety, search
from content.catalogue import catalogue

ADDED_PER_SITUATION = 6


@dataclass
class BankResult:
    questions: list
    searched: bool
    matched_all_words: bool
    crisis_card: object = None  # crisis.support.Card, when the search word holds crisis words
    left_out_in_crisis: int = 0
    through: list = field(default_factory=list)  # names of the situations whose themes were added
    added: frozenset = frozenset()  # ids of the questions added from those themes (no word matched them)

    @property
    def added_count(self) -> int:
        return sum(1 for question in self.questions if question.id in self.added)

    @property
    def found_count(self) -> int:
        """Questions that hold the words searched for (not counting those added from a theme)."""
        return len(self.questions) - self.added_count


def find_questions_crisis_first(filters: dict, *, organisation_id=None) -> BankResult:
    """find_questions(), crisis first: when the search word holds crisis words the result
    brings the safety card, and no question from a theme to avoid in crisis (dreams, the
    future, big questions of identity)."""
    result = find_questions(**filters)
    card = safety.card_for([filters["q"]], organisation_id=organisation_id) if filters.get("q") else None
    if card is None:
        return result
    avoided = safety.avoided_themes()
    kept = [question for question in result.questions if question.theme_id not in avoided]
    return BankResult(
        kept,
        result.searched,
        result.matched_all_words,
        card,
        len(result.questions) - len(kept),
        result.through,
        result.added,
    )


def find_questions(q: str = "", element: str = "", theme: str = "", phase: str = "", situation: str = "") -> BankResult:
    content = catalogue()
    questions = [
        question
        for question in content.questions
        if (not element or question.element_id == element)
        and (not theme or question.theme_id == theme)
        and (not phase or phase in content.theme_phases.get(question.theme_id, ()))
        and (not situation or situation in content.theme_situations.get(question.theme_id, ()))
    ]
    if not q:
        return BankResult(questions, searched=False, matched_all_words=True)

    hits = search.search(q)
    rank = {qid: i for i, qid in enumerate(hits.ranked_ids)}
    found = sorted((question for question in questions if question.id in rank), key=lambda question: rank[question.id])
    # Then the themes of the situations the words point to («rus» → tilbakefall), in the order
    # the words named them, the themes the situation fits best first.
    added, through = [], []
    for key in hits.situations:
        fitting = [
            question
            for theme in content.situation_themes.get(key, ())
            for question in questions
            if question.theme_id == theme and question.id not in rank and question not in added
        ][:ADDED_PER_SITUATION]
        if fitting:
            added += fitting
            through.append(dict(content.situations).get(key, key))
    return BankResult(
        found + added,
        searched=True,
        matched_all_words=hits.matched_all_words,
        through=through,
        added=frozenset(question.id for question in added),
    )


def group_by_theme(questions: list) -> list[tuple]:
    """[(theme, [questions])] in bank order, for browsing without a search."""
    groups: dict = {}
    for question in questions:
        groups.setdefault(question.theme_id, (question.theme, []))[1].append(question)
    return list(groups.values())
