"""The conversation as a person item. It is started and held on conversation mode's own pages
(conversations/views.py); «Ta bort samtalen» is medvandrer/item_views.py's page."""

from django.utils.formats import date_format

from conversations.models import Conversation
from items.kinds import Kind

CONVERSATION = Kind(
    "samtale",
    Conversation,
    None,
    "samtale",
    "samtalen",
    "conversations",
    detail_page="conversation",
    rows=lambda: Conversation.objects.select_related("person", "created_by", "updated_by"),
    delete_template="conversations/confirm_delete.html",
    delete_question=lambda conversation: f"Ta bort samtalen {date_format(conversation.held_on, 'j. F Y')}?",
    deleted=lambda conversation: "Samtalen er tatt bort. Steg som ble lagt i planen, står der fortsatt.",
)
