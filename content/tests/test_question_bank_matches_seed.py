"""The question bank in the database is seed 004's bank: every question, under the right
element and theme, with the seed's own wording (PDF artefacts repaired).

The seed is parsed here independently of content/data/: the bank region of each
element runs from the table header to "Veiledning for bruk"; themes are found by
name in order, and every "?" in a theme's part of the table ends one question.
"""

import re
from pathlib import Path

import pytest

from content.models import Element, PhaseGuidance, Question, Theme

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SHARED_SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEED_004 = SEEDS / "004_e3f1f1957731ef30.txt"
EXPECTED = {"connectedness": 21, "hope": 24, "identity": 23, "meaning": 23, "empowerment": 21}
HEADINGS = {
    "connectedness": "Connectedness",
    "hope": "Hope",
    "identity": "Identity",
    "meaning": "Meaning",
    "empowerment": "Empowerment",
}


def squash(text: str) -> str:
    """Compare text whatever the slide layout did: repair artefacts, drop quotes, spaces and case."""
    text = re.sub(r"(?<=\S) 3(?=\s)", " –", text)
    text = re.sub(r"(?m)^3 (?=\S)", "– ", text)
    text = re.sub(r"[<=«»\"”“’‘]", "", text)
    text = text.replace("…", "")
    return re.sub(r"\s+", "", text).lower()


def seed_sections() -> dict[str, dict[str, str]]:
    text = SEED_004.read_text(encoding="utf-8")
    sections = {}
    for part in text.split("CHIME-element:")[1:]:
        heading = part.split("\n", 1)[0]
        key = next(k for k, name in HEADINGS.items() if heading.strip().startswith(name))
        bank_start = part.index("Temaområde Eksempler på spørsmål Når det er relevant")
        guidance_start = part.index("Veiledning for bruk")
        sections[key] = {
            "intro": part[:bank_start],
            "bank": part[bank_start:guidance_start],
            "guidance": part[guidance_start:],
        }
    return sections


@pytest.fixture(scope="module")
def seed():
    return seed_sections()


def test_repository_copy_of_the_seeds_is_the_shared_one():
    if not SHARED_SEEDS.exists():
        pytest.skip("../shared/seeds finnes ikke på denne maskinen; testen bruker kopien i content/seeds.")
    for shared in SHARED_SEEDS.glob("*.txt"):
        assert (SEEDS / shared.name).read_bytes() == shared.read_bytes(), shared.name


def test_seed_has_112_questions_as_the_issue_says(seed):
    counts = {key: section["bank"].count("?") for key, section in seed.items()}
    assert counts == EXPECTED
    assert sum(counts.values()) == 112


@pytest.mark.django_db
def test_every_question_is_in_the_database_with_its_element(seed):
    counts = {e.key: e.questions.count() for e in Element.objects.all()}
    assert counts == EXPECTED
    assert Question.objects.count() == 112
    for question in Question.objects.select_related("element"):
        assert squash(question.text) in squash(seed[question.element_id]["bank"]), question.id


@pytest.mark.django_db
def test_every_question_sits_under_its_own_theme_in_the_seed(seed):
    for element in Element.objects.all():
        bank = squash(seed[element.key]["bank"])
        themes = list(element.themes.order_by("order"))
        positions = [bank.find(squash(theme.name)) for theme in themes]
        assert all(p >= 0 for p in positions), [t.name for t, p in zip(themes, positions, strict=True) if p < 0]
        assert positions == sorted(positions), f"themes of {element.key} are out of the seed's order"
        for i, theme in enumerate(themes):
            end = positions[i + 1] if i + 1 < len(themes) else len(bank)
            segment = bank[positions[i] : end]
            questions = list(theme.questions.all())
            assert segment.count("?") == len(questions), (
                f"{theme.key} has {len(questions)} questions, seed has {segment.count('?')}"
            )
            for question in questions:
                assert squash(question.text) in segment, f"{question.id} is not under «{theme.name}» in the seed"
            assert squash(theme.when_relevant) in segment, f"when-relevant text of {theme.key}"


@pytest.mark.django_db
def test_question_ids_are_stable_and_name_their_theme():
    for question in Question.objects.all():
        assert re.fullmatch(r"[CHIME]\d\.\d", question.id)
        assert question.id.split(".")[0] == question.theme_id


@pytest.mark.django_db
def test_phase_guidance_principles_and_purposes_are_the_seeds(seed):
    for element in Element.objects.all():
        section = seed[element.key]
        guidance = squash(section["guidance"])
        rows = PhaseGuidance.objects.filter(element=element)
        assert rows.count() == 5
        for row in rows:
            assert squash(row.label) in guidance, row.label
            assert squash(row.text) in guidance, row.label
        for principle in element.key_principles:
            assert squash(principle) in guidance, principle
        for purpose in element.purposes:
            assert squash(purpose) in squash(section["intro"]), purpose
        assert squash(element.heading) in squash("CHIME-element:" + section["intro"])


@pytest.mark.django_db
def test_every_theme_is_tagged_with_at_least_one_phase():
    untagged = [t.key for t in Theme.objects.all() if not t.phases.exists()]
    assert untagged == []
