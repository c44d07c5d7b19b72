"""The rulers over time: one small 0–10 chart per topic, importance and confidence as two
lines told apart by colour, dash and marker (never by colour alone). Drawn by
items/_timeline.svg.html; the numbers are in a table next to it."""

from items.timeline import scale_timeline, span_text
from mitools.models import RULERS

IMPORTANCE_COLOUR = "#0b5d63"
CONFIDENCE_COLOUR = "#6b3fa0"
STYLES = {
    "importance": {"colour": IMPORTANCE_COLOUR, "dash": "", "marker": "circle"},
    "confidence": {"colour": CONFIDENCE_COLOUR, "dash": "5 3", "marker": "square"},
}


def ruler_timeline(readings, *, chart_id: str, topic: str) -> dict:
    oldest_first = sorted(readings, key=lambda r: (r.created, r.pk))
    moments = [r.created for r in oldest_first]
    if not moments:
        return {"empty": True}
    series = [
        {"label": ruler.short, "values": [getattr(r, ruler.name) for r in oldest_first], **STYLES[ruler.name]}
        for ruler in RULERS
    ]
    latest = oldest_first[-1]
    latest_text = ", ".join(
        f"{ruler.short.lower()} {getattr(latest, ruler.name)}"
        for ruler in RULERS
        if getattr(latest, ruler.name) is not None
    )
    chart = scale_timeline(
        moments,
        series,
        chart_id=chart_id,
        title=f"Hvor viktig og hvor sikker over tid: {topic}",
        desc=f"To linjer på en skala fra 0 til 10, {span_text(moments)}: hvor viktig det er (hel linje, runde "
        f"punkter) og hvor sikker på å få det til (stiplet linje, firkanter). Sist: {latest_text}. "
        "Tallene står i tabellen ved siden av.",
    )
    chart["legend"] = True
    chart["readings"] = oldest_first
    return chart
