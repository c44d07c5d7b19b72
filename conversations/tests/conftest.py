import pytest

from conversations.models import Conversation


@pytest.fixture
def conversation(charlie_person, alice):
    return Conversation.objects.create(
        person=charlie_person, created_by=alice, updated_by=alice, phase="innledende", situation=""
    )


def url(conversation, tail=""):
    return f"/personer/{conversation.person_id}/samtaler/{conversation.pk}/{tail}"
