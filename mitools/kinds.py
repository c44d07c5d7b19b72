"""The ambivalence cross and the rulers as person items, served by medvandrer/item_views.py. A cross is
changed and keeps every saved state (mitools.actions); a ruler reading is not changed: a new
one shows how things move."""

import re

from django.db.models import Count

from items.kinds import Kind
from items.timeline import day
from mitools import actions
from mitools.forms import CrossForm, RulerForm
from mitools.models import TOPIC_MAX, AmbivalenceCross, RulerReading, topic_key
from people import access


def _topic_and_goal(request, person, grant) -> dict:
    """«Ny måling om dette»: ?fra=kors-<id> or ?fra=linjal-<id> names one of this person's own
    items, and the new form takes its topic and goal – the topic, the person's words, never
    travels in the address. ?mal=<id> comes from a goal."""
    initial = {}
    source = re.fullmatch(r"(kors|linjal)-([0-9]{1,12})", request.GET.get("fra", ""))
    if source:
        model = AmbivalenceCross if source[1] == "kors" else RulerReading
        try:  # an id that is not theirs is refused and audited, and the form starts empty
            item = access.one_of_theirs(request, model.objects.only("topic", "goal_id"), source[2], person, grant)
        except access.NoAccess:
            item = None
        if item is not None:
            initial["topic"] = " ".join(item.topic.split())[:TOPIC_MAX]
            if item.goal_id:
                initial["goal"] = item.goal_id
    goal = request.GET.get("mal", "")
    if goal.isascii() and goal.isdigit() and len(goal) < 12:  # "¹" is a digit to isdigit(), not to int()
        initial["goal"] = int(goal)  # the form's list holds only this person's goals; anything else is ignored
    return initial


def known_topics(person) -> dict:
    """Topics used before, offered while typing (so the same topic is grouped together)."""
    seen, topics = set(), []
    for model in (AmbivalenceCross, RulerReading):
        for topic in model.objects.filter(person=person).order_by("-created").values_list("topic", flat=True)[:50]:
            if topic_key(topic) not in seen:
                seen.add(topic_key(topic))
                topics.append(topic)
    return {"topics": topics}


MI_TOOL = {
    "form_needs": ("person",),
    "initial": _topic_and_goal,
    "context": known_topics,
    "check_language": False,  # the person's own words and numbers, even when staff type them in
    "delete_template": "mitools/confirm_delete.html",
}

CROSS = Kind(
    "kors",
    AmbivalenceCross,
    CrossForm,
    "kors",  # «For og imot»: «ambivalenskors» is a staff word (language/data/words.toml)
    "korset",
    "mi",
    detail_page="mi_cross",
    rows=lambda: AmbivalenceCross.objects.select_related("person", "goal", "updated_by").annotate(
        revision_count=Count("revisions")
    ),
    form_template="mitools/cross_form.html",
    conflict_template="mitools/cross_conflict.html",
    new_heading="Skriv ned for og imot",
    edit_heading="Endre korset",
    added="Korset er lagret.",
    again="Korset var allerede lagret – det er ikke lagret to ganger.",
    changed="Endringene er lagret. Den forrige utgaven er tatt vare på.",
    delete_question=lambda cross: "Ta bort korset?",
    deleted=lambda cross: f"Korset om «{cross.topic[:60]}» er tatt bort.",
    create=actions.create_cross,
    update=actions.update_cross,
    **MI_TOOL,
)

RULER = Kind(
    "linjal",
    RulerReading,
    RulerForm,
    "måling",
    "målingen",
    "mi",
    detail_page="mi_ruler",
    rows=lambda: RulerReading.objects.select_related("person"),
    form_template="mitools/ruler_form.html",
    new_heading="Ny måling med linjalene",
    added="Målingen er lagret.",
    again="Målingen var allerede lagret – den er ikke lagret to ganger.",
    delete_question=lambda reading: f"Ta bort målingen fra {day(reading.created)}?",
    deleted=lambda reading: f"Målingen fra {day(reading.created)} er tatt bort.",
    **MI_TOOL,
)
