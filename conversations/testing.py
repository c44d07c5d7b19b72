"""Test data for the authorization matrix (tests/world.py): one of everything, with the
canary in every text a person or their helper can write."""

from django.utils import timezone

from conversations.models import Conversation, EvaluationLink, PersonEvaluation, StaffEvaluation


def plant_conversations(person, canary: str) -> dict:
    author = person.user
    common = {"person": person, "created_by": author, "updated_by": author}
    conversation = Conversation.objects.create(
        situation=f"Situasjon {canary}",
        notes=f"Notater {canary}",
        used_questions=["C1.1", "E1.1"],
        ended=timezone.now(),
        **common,
    )
    PersonEvaluation.objects.create(
        conversation=conversation,
        heard=4,
        elements=["empowerment"],
        takeaway=f"Tar med {canary}",
        next_steps=f"Neste {canary}",
        **common,
    )
    StaffEvaluation.objects.create(
        conversation=conversation, listening=3, elements=["empowerment"], follow_up=f"Oppfølging {canary}", **common
    )
    open_conversation = Conversation.objects.create(notes=f"Pågår {canary}", **common)
    _link, token = EvaluationLink.create_for(open_conversation, created_by=author)
    return {"conversation": conversation.pk, "open_conversation": open_conversation.pk, "evaluation_token": token}


def conversation_models() -> set:
    return {Conversation, PersonEvaluation, StaffEvaluation}
