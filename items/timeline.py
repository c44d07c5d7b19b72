"""A person's numbers over time, as a small line chart (geometry only: the markup is in
items/_timeline.svg.html, so every text is escaped), and the dates said the Norwegian way.
Used by CHIME self-ratings, the MI rulers and the evaluations after conversations."""

from django.utils import formats, timezone

TIMELINE_WIDTH, TIMELINE_HEIGHT = 320, 132
TL_LEFT, TL_RIGHT, TL_TOP, TL_BOTTOM = 30, 14, 12, 26
LINE_APART = 3  # px between lines that share values


def scale_timeline(
    moments: list, series: list[dict], *, chart_id: str, title: str, desc: str, lowest: int = 0, highest: int = 10
) -> dict:
    """A small line chart of a scale (0–10 unless told) over time (template: items/_timeline.svg.html).

    `moments`: datetimes, oldest first; `series`: [{"label", "colour", "values", optional "dash"
    and "marker" ("circle" or "square")}] with one value (0–10, or None for "not given") per
    moment. A missing value is left out (the line joins the values given; the table shows the gap).
    `chart_id` must be unique on the page.
    """
    count = len(moments)
    if not count:
        return {"empty": True}
    inner_w = TIMELINE_WIDTH - TL_LEFT - TL_RIGHT
    inner_h = TIMELINE_HEIGHT - TL_TOP - TL_BOTTOM
    span = (moments[-1] - moments[0]).total_seconds()
    if count == 1:
        xs = [TL_LEFT + inner_w / 2]
    elif span <= 0:
        xs = [TL_LEFT + i * inner_w / (count - 1) for i in range(count)]
    else:
        xs = [TL_LEFT + (m - moments[0]).total_seconds() / span * inner_w for m in moments]

    def y(value):
        return round(TL_TOP + inner_h - (value - lowest) / (highest - lowest) * inner_h, 1)

    drawn = []
    for index, line in enumerate(series):
        # Lines with the same values would hide each other: each runs a little apart.
        apart = (index - (len(series) - 1) / 2) * LINE_APART
        points = [
            (round(x, 1), round(y(value) + apart, 1))
            for x, value in zip(xs, line["values"], strict=True)
            if value is not None
        ]
        dots = [{"x": px, "y": py} for px, py in points]
        drawn.append(
            {
                "label": line["label"],
                "colour": line["colour"],
                "dash": line.get("dash", ""),
                "marker": line.get("marker", "circle"),
                "segments": [" ".join(f"{px},{py}" for px, py in points)] if len(points) > 1 else [],
                "dots": dots,
            }
        )
    return {
        "empty": False,
        "width": TIMELINE_WIDTH,
        "height": TIMELINE_HEIGHT,
        "left": TL_LEFT,
        "right": TIMELINE_WIDTH - TL_RIGHT,
        "top": TL_TOP,
        "bottom": TL_TOP + inner_h,
        "ticks": [{"y": y(v), "text": v} for v in (lowest, (lowest + highest) // 2, highest)],
        "series": drawn,
        "first": moments[0],
        "last": moments[-1],
        "count": count,
        "single": count == 1 or span <= 0,
        "same_day": timezone.localdate(moments[0]) == timezone.localdate(moments[-1]),
        "first_x": round(TL_LEFT + inner_w / 2, 1) if count == 1 or span <= 0 else TL_LEFT,
        "first_anchor": "middle" if count == 1 or span <= 0 else "start",
        "chart_id": chart_id,
        "title": title,
        "desc": desc,
        "legend": len(series) > 1,
    }


def day(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j. F Y")


def span_text(moments) -> str:
    if len(moments) == 1:
        return f"én gang, {day(moments[0])}"
    return f"{len(moments)} ganger, fra {day(moments[0])} til {day(moments[-1])}"
