"""What the conflict view shows when someone else saved first: the fields where what was
typed differs from what is saved now, each side by side – for every versioned item
(plan items, conversation notes, ambivalence crosses)."""

import datetime

from django import forms
from django.utils.formats import date_format


def display(value) -> str:
    if value is None or value == "" or value == []:
        return "(tomt)"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, datetime.date):
        return date_format(value, "j. F Y")  # «5. mars 2026», not «2026-03-05»
    return getattr(value, "text", None) or str(value)  # a linked goal shows its own words


def _readable(field, value):
    """A choice's label rather than its stored key (a linked goal is shown by `display`)."""
    if not isinstance(field, forms.ChoiceField) or isinstance(field, forms.ModelChoiceField):
        return value
    labels = {str(key): label for key, label in field.choices}
    if isinstance(value, list):
        return [labels.get(str(v), v) for v in value]
    return labels.get(str(value), value) if value not in (None, "") else value


def differing_rows(form, current, names) -> list[dict]:
    """[{"label", "mine", "theirs"}] for each of `names` (fields of `form`) where the typed
    value differs from `current`'s."""
    rows = []
    for name in names:
        field = form.fields[name]
        mine, theirs = form.cleaned_data.get(name), getattr(current, name)
        if mine != theirs:
            rows.append(
                {
                    "label": field.label,
                    "mine": display(_readable(field, mine)),
                    "theirs": display(_readable(field, theirs)),
                }
            )
    return rows


def retry_data(request, current):
    """What was typed, now against the saved version: saving it again is a deliberate choice."""
    data = request.POST.copy()
    data["version"] = current.version
    return data
