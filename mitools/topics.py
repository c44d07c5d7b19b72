"""Crosses and ruler readings grouped by their topic (the overview page and the export share this)."""

from mitools import charts
from mitools.models import topic_key


def _tidy(topic: str) -> str:
    return " ".join(topic.split())


def group_by_topic(crosses, readings, *, chart_prefix="linjal") -> list[dict]:
    """Crosses and ruler readings together per topic (newest first within each), the topic
    written in or changed most recently first, under its latest wording. Each topic with
    readings gets its timeline chart."""
    groups: dict[str, dict] = {}
    for kind, items in (("crosses", crosses), ("readings", readings)):
        for item in items:
            group = groups.setdefault(
                topic_key(item.topic),
                {"topic": _tidy(item.topic), "crosses": [], "readings": [], "latest": item.updated},
            )
            group[kind].append(item)
            if item.updated > group["latest"]:  # a cross edited today counts as today
                group["latest"], group["topic"] = item.updated, _tidy(item.topic)
    ordered = sorted(groups.values(), key=lambda g: g["latest"], reverse=True)
    for index, group in enumerate(ordered, start=1):
        group["crosses"].sort(key=lambda c: (c.created, c.pk), reverse=True)
        group["readings"].sort(key=lambda r: (r.created, r.pk), reverse=True)
        group["chart"] = (
            charts.ruler_timeline(group["readings"], chart_id=f"{chart_prefix}-{index}", topic=group["topic"])
            if group["readings"]
            else {"empty": True}
        )
        group["index"] = index
        # «Ny måling om dette» names the newest item of the topic, never the topic itself (?fra=…)
        group["source"] = f"linjal-{group['readings'][0].pk}" if group["readings"] else f"kors-{group['crosses'][0].pk}"
    return ordered
