"""The one way a form carries and reads an item's version, and the form every versioned item uses.

The version travels in a hidden field. Whatever comes back unreadable – missing, a word, a
negative or absurd number – counts as «unknown», and an unknown version is a conflict (both
texts side by side), never a form error the person cannot see or fix (a form may still say
the field is required).
"""

import re
from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_YEARS_AHEAD = 5
PAST_DATE = _("Den datoen er passert. Velg i dag eller en dag fremover.")


class VersionField(forms.CharField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value) -> int | None:
        return read_version(value)

    def validate(self, value):
        # Unknown is None, not an error – unless the form cannot work without it («Om meg»).
        if value is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")


def read_version(value) -> int | None:
    """The version a page was opened at, or None when it cannot be read."""
    text = str(value if value is not None else "").strip()
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text) else None


def sent_version(form) -> int | None:
    return form.cleaned_data.get("version")


class VersionedForm(forms.ModelForm):
    """A form for an item that may be edited by two people at once. `date_fields` may not be
    set to a day that has passed (an unchanged date may), nor more than five years ahead."""

    version = VersionField()
    date_fields: tuple = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version
        self._saved_dates = {name: getattr(self.instance, name, None) for name in self.date_fields}

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        for name in self.date_fields:
            value = data.get(name)
            if value is None or value == self._saved_dates.get(name):
                continue  # an unchanged date may lie in the past
            if value < today:
                self.add_error(name, PAST_DATE)
            elif value > today + timedelta(days=365 * MAX_YEARS_AHEAD):
                self.add_error(name, _("Velg en dato innen fem år – planen kan alltid justeres underveis."))
        return data
