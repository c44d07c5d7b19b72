"""The conversations in the plan documents (print and PDF): what was talked about, where in
the motivation circle, the next steps, and both evaluations – in a fixed number of queries."""

from conversations.models import Conversation

SHOWN = 20


def export_context(person) -> dict:
    conversations = list(
        Conversation.objects.filter(person=person, ended__isnull=False)
        .select_related("created_by", "person_evaluation", "staff_evaluation")
        .prefetch_related("steps")[:SHOWN]
    )
    return {"conversations": conversations}
