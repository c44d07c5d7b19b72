"""One conversation of the person in the URL, through people.access (the entry point the page
needs: read by default, `object_for_page`, `_edit`, `_delete`, `_self_only` …)."""

from conversations.models import Conversation
from people import access


def conversation_for(request, person_id, conversation_id, *, entry=access.object_for_read, **how):
    """(conversation, grant) through the access entry point the page needs."""
    return entry(
        request,
        Conversation.objects.select_related("person", "created_by", "updated_by"),
        conversation_id,
        person_id=person_id,
        **how,
    )
