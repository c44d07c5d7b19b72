"""In crisis the suggestions step aside: the safety card comes first, and no question about
dreams, the future or big questions of identity is offered."""

import tomllib

import pytest

from content.suggestions import suggest
from conversations.models import Conversation
from conversations.questions import suggested
from crisis.recogniser import recognise
from crisis.support import DATA, avoided_themes, card_for, grounded_question_ids

pytestmark = pytest.mark.django_db

with (DATA / "eval_sentences.toml").open("rb") as f:
    SENTENCES = tomllib.load(f)["sentence"]
CRISIS = [s["text"] for s in SENTENCES if s["kinds"]]


def test_no_grounded_question_comes_from_a_theme_to_avoid(django_db_setup):
    from content.catalogue import catalogue

    questions = catalogue().questions_by_id
    assert all(qid in questions for qid in grounded_question_ids())
    assert {questions[qid].theme_id for qid in grounded_question_ids()} & avoided_themes() == set()


def test_every_recognised_crisis_sentence_gets_the_card_and_only_grounded_questions():
    grounded, avoided = set(grounded_question_ids()), avoided_themes()
    recognised = [text for text in CRISIS if recognise(text)]
    assert len(recognised) >= 0.8 * len(CRISIS)  # the rest is measured by `make eval`
    for text in recognised:
        card = card_for([text])
        assert card is not None and card.questions and card.contacts[0].number == "113", text
        ranked = suggest(text, limit=8, recognition=card.recognition)
        assert ranked, text
        assert all(s.question_id in grounded and s.theme_key not in avoided for s in ranked), text


@pytest.mark.parametrize(
    "situation, not_this",
    [
        ("Han sier han ikke orker mer og har tenkt på å ta livet sitt", "M2.3"),  # «ta … livet» is not «ta små steg»
        ("hun vil ikke leve lenger", "I4.2"),  # «leve» is not «leve i tråd med dem»
        ("hører stemmer og er redd", "E3.2"),  # «stemmer» is not «stemmen din blir hørt»
    ],
)
def test_the_crisis_words_are_never_read_as_ordinary_words(situation, not_this):
    ids = [s.question_id for s in suggest(situation, limit=20)]
    assert ids and not_this not in ids and "H4.1" not in ids


def test_the_phase_krise_alone_brings_the_card_and_grounded_questions():
    card = card_for(["vi skal snakke om uka"], phase="krise")
    assert card is not None and not card.words
    ranked = suggest("vi skal snakke om uka", phase="krise", limit=8)
    assert {s.question_id for s in ranked} <= set(grounded_question_ids())


def test_the_card_holds_the_seeds_guidance_for_every_element_and_its_own_questions():
    card = card_for(["han vil dø"])
    assert {g.element for g in card.guidance} == {"connectedness", "hope", "identity", "meaning", "empowerment"}
    assert card.guidance[0].label == "Når personen er i motløshet eller akutt krise"
    assert card.questions[:2] == [
        "Hva hjelper deg å holde ut akkurat nå?",
        "Hvem eller hva gir deg et lite pust av håp i dag?",
    ]


def test_the_number_that_fits_comes_right_after_113():
    assert [c.number for c in card_for(["han har tatt en overdose"]).contacts[:2]] == ["113", "22 59 13 00"]
    assert [c.number for c in card_for(["han sier han skal drepe naboen"]).contacts[:2]] == ["113", "112"]


def test_no_crisis_no_card():
    assert card_for(["han har ikke snakket med noen på flere uker"]) is None


def test_crisis_words_in_the_notes_replace_questions_kept_from_a_hopeful_start(alice_client, charlie_person):
    # The start was about work and dreams, kept only as question ids; later the notes hold crisis
    # words. From then on only grounded questions – never the dream questions kept from the start.
    alice_client.post(
        f"/personer/{charlie_person.pk}/samtaler/ny/",
        {
            "phase": "",
            "focus": "",
            "situation": "Vil begynne å jobbe igjen og drømmer om egen leilighet",
            "situation_use": "sok",
        },
    )
    conversation = Conversation.objects.get()
    assert conversation.offered_questions and not conversation.crisis_kinds
    assert not set(conversation.offered_questions) <= set(grounded_question_ids())
    conversation.notes = "Sier at han har tenkt på å ta sitt eget liv i det siste."
    conversation.save()
    offered = [q.id for q in suggested(conversation)]
    assert offered and set(offered) <= set(grounded_question_ids())
