"""Numbers for the evaluation pages: where the person's and the practitioner's evaluations
differ, and the trend over conversations (drawn by conversations/_trend.svg.html)."""

from dataclasses import dataclass, field
from datetime import datetime, time

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from items.timeline import scale_timeline, span_text

FELT_HEARD_SELF = "Du: følte deg hørt"
NOTABLE_GAP = 2  # on a 1–5 scale, this far apart is worth talking about
SERIES = [
    # (attribute, evaluation, label, colour)
    ("heard", "person_evaluation", "Personen: følte seg hørt", "#1f5f8b"),  # for the person: FELT_HEARD_SELF
    ("listening", "staff_evaluation", "Fagperson: lyttet mer enn veiledet", "#6b3fa0"),
    ("resources", "staff_evaluation", "Fagperson: ressursene kom fram", "#2e6b2e"),
]


@dataclass
class Comparison:
    both: bool
    heard_gap: bool = False  # the person felt less (or more) heard than the practitioner thought they listened
    only_person: list = field(default_factory=list)  # CHIME areas only the person chose
    only_staff: list = field(default_factory=list)
    shared: list = field(default_factory=list)


def compare(mine, staff, element_names: dict) -> Comparison:
    if mine is None or staff is None:
        return Comparison(both=False)
    gap = mine.heard is not None and staff.listening is not None and abs(mine.heard - staff.listening) >= NOTABLE_GAP
    person_set, staff_set = set(mine.elements), set(staff.elements)
    order = list(element_names)
    return Comparison(
        both=True,
        heard_gap=gap,
        only_person=[element_names[k] for k in order if k in person_set - staff_set],
        only_staff=[element_names[k] for k in order if k in staff_set - person_set],
        shared=[element_names[k] for k in order if k in person_set & staff_set],
    )


def evaluation_of(conversation, relation):
    """The person's or the practitioner's evaluation of the conversation, or None."""
    try:
        return getattr(conversation, relation)
    except ObjectDoesNotExist:
        return None


def evaluation_trend(conversations, *, for_person: bool = False) -> dict:
    """The 1–5 answers over conversations, oldest first (drawn by items/_timeline.svg.html),
    with the rows of the table beside it. A missing form leaves a gap."""
    rows = _rows(conversations)
    if len(conversations) < 2:
        return {"empty": True, "rows": rows, "for_person": for_person}
    series = [
        {
            "label": FELT_HEARD_SELF if for_person and attribute == "heard" else label,
            "colour": colour,
            "values": [row["values"][n] for row in rows],
        }
        for n, (attribute, _relation, label, colour) in enumerate(SERIES)
    ]
    moments = [timezone.make_aware(datetime.combine(c.held_on, time(12))) for c in conversations]
    chart = scale_timeline(
        moments,
        [line for line in series if any(v is not None for v in line["values"])],
        chart_id="trend",
        title="Evalueringene over tid",
        desc=f"Svarene på skalaen 1 til 5, {span_text(moments)}. Tallene står i tabellen under.",
        lowest=1,
        highest=5,
    )
    return {**chart, "rows": rows, "for_person": for_person}


def _rows(conversations):
    rows = []
    for conversation in conversations:
        values = []
        for attribute, relation, _label, _colour in SERIES:
            evaluation = evaluation_of(conversation, relation)
            values.append(getattr(evaluation, attribute, None) if evaluation else None)
        rows.append({"date": conversation.held_on, "values": values})
    return rows
