"""Geometry for the plan's server-rendered SVG charts. The markup lives in templates
(plans/_network_map.svg.html, plans/_resource_growth.svg.html), so everything the person
wrote is escaped like any other template text; this module only computes numbers."""

import math
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from items.svgtext import is_shortened, text_width, wrap_text
from plans.models import NetworkGroup, ResourceCategory, Ring

NETWORK_SIZE = 360
CENTRE = NETWORK_SIZE / 2
# Labels reach outside the rings; the canvas leaves this much room for them on both sides. Kept
# small, so that on a 375 px phone the map is drawn at about 0.7 of its size, and a name of
# NAME_SIZE units is read at about 13 px (plans/tests/test_network_names.py measures it).
LABEL_ROOM = 60
# (inner, outer) radius of each ring's band
RING_BANDS = {Ring.CLOSE: (34, 78), Ring.MIDDLE: (78, 122), Ring.OUTER: (122, 166)}
GROUP_ORDER = [NetworkGroup.FAMILY_FRIENDS, NetworkGroup.HELPERS, NetworkGroup.COMMUNITIES]
GROUP_COLOURS = {
    NetworkGroup.FAMILY_FRIENDS: "#1f5f8b",
    NetworkGroup.HELPERS: "#6b3fa0",
    NetworkGroup.COMMUNITIES: "#2e6b2e",
}
NAME_SIZE = 18  # font size of a name, in the map's units
LINE_HEIGHT = NAME_SIZE * 1.15
LABEL_GAP = 7  # from the dot to its name
MAX_LABELS_PER_CELL = 4  # more than this in one ring and group: dots and a count, the names in the list


@dataclass
class Node:
    x: float
    y: float
    name: str
    colour: str
    label_anchor: str
    lines: list[str] = field(default_factory=list)  # the name as drawn: wrapped, shortened only if it must

    @property
    def shortened(self) -> bool:
        return is_shortened(self.lines, self.name)

    @property
    def first_dy(self) -> float:
        """Where the first line sits, so that the lines are centred on the dot."""
        return round(NAME_SIZE * 0.35 - (len(self.lines) - 1) * LINE_HEIGHT / 2, 1)


def name_width(text: str) -> float:
    return text_width(text, NAME_SIZE)


def wrap_name(name: str, room: float, lines: int, measure=name_width) -> list[str]:
    return wrap_text(name, room, lines, measure)


def _point(radius: float, degrees: float) -> tuple[float, float]:
    radians = math.radians(degrees)
    return round(CENTRE + radius * math.cos(radians), 1), round(CENTRE + radius * math.sin(radians), 1)


def network_map(entries) -> dict:
    """Positions for the circle diagram: three rings (close, middle, outer) × three groups."""
    nodes, counts = [], []
    for group_index, group in enumerate(GROUP_ORDER):
        start = -90 + group_index * 120
        for ring, (inner, outer) in RING_BANDS.items():
            cell = [e for e in entries if e.ring == ring and e.group == group]
            crowded = len(cell) > MAX_LABELS_PER_CELL
            step = 120 / (len(cell) + 1)
            # two lines where the names in the cell are far enough apart, else one
            lines = 2 if math.radians(step) * (inner + outer) / 2 >= 2 * LINE_HEIGHT + 2 else 1
            for i, entry in enumerate(cell):
                angle = start + (i + 1) * step
                # Crowded cells alternate between two radii so the dots do not sit on each other.
                radius = (inner + outer) / 2 + ((i % 2) * 2 - 1) * 9 * crowded
                x, y = _point(radius, angle)
                anchor = "start" if x >= CENTRE else "end"
                room = (NETWORK_SIZE + LABEL_ROOM - x if anchor == "start" else x + LABEL_ROOM) - LABEL_GAP
                node = Node(x, y, entry.name, GROUP_COLOURS[group], anchor)
                if not crowded:
                    node.lines = wrap_name(entry.name, room, lines)
                nodes.append(node)
            if crowded:
                x, y = _point((inner + outer) / 2, start + 60)
                counts.append({"x": x, "y": y, "text": str(len(cell))})
    dividers = [_point(RING_BANDS[Ring.OUTER][1], -90 + i * 120) for i in range(3)]
    sector_labels = []
    for i, group in enumerate(GROUP_ORDER):
        x, y = _point(RING_BANDS[Ring.OUTER][1] + 8, -90 + i * 120 + 60)
        sector_labels.append({"x": x, "y": y, "text": group.label, "colour": GROUP_COLOURS[group]})
    text = [
        {
            "ring": ring.label,
            "groups": [
                {"group": group.label, "names": [e for e in entries if e.ring == ring and e.group == group]}
                for group in GROUP_ORDER
            ],
        }
        for ring in RING_BANDS
    ]
    return {
        "size": NETWORK_SIZE,
        "view_x": -LABEL_ROOM,
        "view_width": NETWORK_SIZE + 2 * LABEL_ROOM,
        "centre": CENTRE,
        "name_size": NAME_SIZE,
        "line_height": LINE_HEIGHT,
        "gap": LABEL_GAP,
        "radii": [band[1] for band in RING_BANDS.values()],
        "dividers": [{"x": x, "y": y} for x, y in dividers],
        "sector_labels": sector_labels,
        "nodes": nodes,
        "counts": counts,
        "text": text,
        "count": len(entries),
    }


GROWTH_WIDTH, GROWTH_HEIGHT, PAD = 340, 180, 30
LINE_APART = 2.5  # px between lines that share a count
CATEGORY_COLOURS = {
    ResourceCategory.STRENGTHS: "#9c4a17",
    ResourceCategory.INTERESTS: "#1f5f8b",
    ResourceCategory.NETWORK: "#6b3fa0",
    ResourceCategory.COPING: "#2e6b2e",
}


def resource_growth(changes) -> dict:
    """How many resources were on the map in each category, over time (a step line per category)."""
    now = timezone.now()
    if not changes:
        return {"empty": True}
    start = changes[0].at
    span = max((now - start).total_seconds(), 1.0)
    counts = {key: 0 for key in CATEGORY_COLOURS}
    history = {key: [(start, 0)] for key in CATEGORY_COLOURS}
    for change in changes:
        if change.kind == "lagt-til":
            counts[change.category] += 1
        elif change.kind == "tatt-bort":
            counts[change.category] -= 1
        else:
            continue
        history[change.category].append((change.at, counts[change.category]))
    highest = max([1] + [count for points in history.values() for _, count in points])

    def x(moment):
        return round(PAD + (moment - start).total_seconds() / span * (GROWTH_WIDTH - 2 * PAD), 1)

    def y(count):
        return round(GROWTH_HEIGHT - PAD - count / highest * (GROWTH_HEIGHT - 2 * PAD), 1)

    series = []
    for index, (key, label) in enumerate(ResourceCategory.choices):
        # Categories with the same count would hide each other: each line runs a little apart.
        apart = (index - (len(CATEGORY_COLOURS) - 1) / 2) * LINE_APART
        points, last = [], 0
        for moment, count in history[key]:
            points += [(x(moment), y(last) + apart), (x(moment), y(count) + apart)]
            last = count
        points.append((x(now), y(last) + apart))
        series.append(
            {
                "label": label,
                "colour": CATEGORY_COLOURS[key],
                "points": " ".join(f"{px},{py}" for px, py in points),
                "now": last,
            }
        )
    return {
        "empty": False,
        # Made today: there is no growth to draw yet, only what is on the map.
        "young": now - start < timedelta(days=1),
        "width": GROWTH_WIDTH,
        "height": GROWTH_HEIGHT,
        "pad": PAD,
        "series": series,
        "start": start,
        "highest": highest,
        "axis_y": GROWTH_HEIGHT - PAD,
        "axis_right": GROWTH_WIDTH - PAD,
    }
