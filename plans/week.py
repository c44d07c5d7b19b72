"""The week plan laid out by day and part of the day: for the week page and the plan document."""

from plans.models import DayPart, Weekday


def week_days(activities) -> list[dict]:
    """[{"key", "name", "parts": [(part label, activities)], "empty"}] for Monday to Sunday."""
    return [
        {
            "key": day,
            "name": label,
            "parts": [
                (part_label, [a for a in activities if a.weekday == day and a.part == part])
                for part, part_label in DayPart.choices
            ],
            "empty": not any(a.weekday == day for a in activities),
        }
        for day, label in Weekday.choices
    ]
