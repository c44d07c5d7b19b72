"""Geometry for the CHIME charts (the 0–10 timelines are items/timeline.py's). As in
plans/charts.py, the markup lives in templates so every text is escaped; this module
only computes numbers.

No colour here says "good" or "bad": one calm colour for now, a dashed grey line for the
earlier rating, and no totals.
"""

import math

from chime.models import ELEMENTS, HIGHEST
from items.svgtext import text_width, wrap_text
from items.timeline import scale_timeline, span_text

NOW_COLOUR = "#0b5d63"
EARLIER_COLOUR = "#4a555c"

# Sized so that on a 375 px phone (drawn at about 0.78) the area names are read at 12.5 px and
# the longest, «Myndiggjøring», fits beside the pentagon; «Å bestemme selv» takes two lines.
RADAR_WIDTH, RADAR_HEIGHT = 440, 250
RADAR_CX, RADAR_CY, RADAR_R = 220, 126, 86
LABEL_GAP = 12
LABEL_SIZE, TICK_SIZE = 16, 15.5
LABEL_LINE = LABEL_SIZE * 1.15
GRID_STEPS = (2, 4, 6, 8, 10)


def _axis_angle(index: int) -> float:
    return -90 + index * 360 / len(ELEMENTS)


def _polar(radius: float, degrees: float) -> tuple[float, float]:
    radians = math.radians(degrees)
    return round(RADAR_CX + radius * math.cos(radians), 1), round(RADAR_CY + radius * math.sin(radians), 1)


def _radar_series(rating, label: str, colour: str, dash: str) -> dict:
    dots = []
    for index, element in enumerate(ELEMENTS):
        value = getattr(rating, element.key)
        x, y = _polar(value / HIGHEST * RADAR_R, _axis_angle(index))
        dots.append({"x": x, "y": y, "value": value, "name": element.name})
    return {
        "label": label,
        "when": rating.created,
        "colour": colour,
        "dash": dash,
        "points": " ".join(f"{d['x']},{d['y']}" for d in dots),
        "dots": dots,
    }


def radar(now, earlier=None) -> dict:
    """Five axes (0 in the middle, 10 at the edge), the latest rating and, if given, an earlier one."""
    if now is None:
        return {"empty": True}
    axes = []
    for index, element in enumerate(ELEMENTS):
        angle = _axis_angle(index)
        x, y = _polar(RADAR_R, angle)
        lx, ly = _polar(RADAR_R + LABEL_GAP, angle)
        cos = math.cos(math.radians(angle))
        anchor = "middle" if abs(cos) < 0.2 else ("start" if cos > 0 else "end")
        room = RADAR_WIDTH - lx if anchor == "start" else (lx if anchor == "end" else RADAR_WIDTH)
        lines = wrap_text(element.name, room - 2, 2, lambda text: text_width(text, LABEL_SIZE))
        # Labels above the centre sit on their baseline (more lines grow upwards); below it
        # they hang from the top.
        above, below = ly < RADAR_CY - 5, ly > RADAR_CY + 5
        dy = -4 - (len(lines) - 1) * LABEL_LINE if above else (LABEL_SIZE * 0.8 if below else 4)
        axes.append(
            {"x": x, "y": y, "label_x": lx, "label_y": ly, "anchor": anchor, "dy": round(dy, 1), "lines": lines}
        )
    grid = [
        " ".join("{},{}".format(*_polar(step / HIGHEST * RADAR_R, _axis_angle(i))) for i in range(len(ELEMENTS)))
        for step in GRID_STEPS
    ]
    series = []
    if earlier is not None:
        series.append(_radar_series(earlier, "Tidligere", EARLIER_COLOUR, "6 4"))
    series.append(_radar_series(now, "Nå", NOW_COLOUR, ""))
    rows = [
        {
            "name": element.name,
            "now": getattr(now, element.key),
            "earlier": getattr(earlier, element.key) if earlier is not None else None,
        }
        for element in ELEMENTS
    ]
    return {
        "empty": False,
        "label_size": LABEL_SIZE,
        "label_line": LABEL_LINE,
        "tick_size": TICK_SIZE,
        "width": RADAR_WIDTH,
        "height": RADAR_HEIGHT,
        "cx": RADAR_CX,
        "cy": RADAR_CY,
        "axes": axes,
        "grid": grid,
        "ticks": [{"x": RADAR_CX + 4, "y": round(RADAR_CY - s / HIGHEST * RADAR_R, 1), "text": s} for s in (5, 10)],
        "series": series,
        "now": now,
        "earlier": earlier,
        "rows": rows,
    }


def timelines(ratings, *, id_prefix: str = "chime") -> list[dict]:
    """One small chart per element, from the oldest rating to the newest."""
    oldest_first = sorted(ratings, key=lambda r: (r.created, r.pk))
    moments = [r.created for r in oldest_first]
    charts = []
    if not moments:
        return charts
    for element in ELEMENTS:
        values = [getattr(r, element.key) for r in oldest_first]
        chart = scale_timeline(
            moments,
            [{"label": element.name, "colour": NOW_COLOUR, "values": values}],
            chart_id=f"{id_prefix}-{element.key}",
            title=f"{element.name} over tid",
            desc=f"Tallene for {element.name.lower()} på en skala fra 0 til 10, {span_text(moments)}. "
            f"Sist: {values[-1]}. Alle tallene står i tabellen under diagrammene.",
        )
        chart.update({"key": element.key, "name": element.name, "latest": values[-1]})
        charts.append(chart)
    return charts
