"""The CHIME self-rating form: eleven choices (0–10) per element, an optional comment for
each and an optional note. Anything missing or out of range gets a plain message, and
everything already chosen or written stays in the form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from chime.models import ELEMENTS, HIGHEST, LOWEST
from medvandrer.forms import text_field

COMMENT_MAX = 5_000
SCALE = [(n, str(n)) for n in range(LOWEST, HIGHEST + 1)]


def scale_field(label: str, help_text: str, *, required: bool = True, missing: str = "") -> forms.TypedChoiceField:
    """0–10 as radio buttons; anything else (11, -1, «mye») is refused with a plain message."""
    out_of_range = _("Velg et tall fra 0 til 10.")
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=SCALE,
        coerce=int,
        required=required,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"required": missing or out_of_range, "invalid_choice": out_of_range},
    )


class ChimeRatingForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for element in ELEMENTS:
            self.fields[element.key] = scale_field(
                element.name,
                element.question,
                missing=_("Velg et tall fra 0 til 10 for %(name)s.") % {"name": element.name},
            )
            self.fields[f"{element.key}_comment"] = text_field(
                _("Vil du si noe mer om %(name)s? (valgfritt)") % {"name": element.name.lower()},
                required=False,
                rows=2,
                max_length=COMMENT_MAX,
            )
        self.fields["note"] = text_field(
            _("Er det noe annet du vil si om hvordan du har det nå? (valgfritt)"), required=False, rows=3
        )

    def elements(self):
        """(element, its scale field, its comment field), for the template."""
        return [(element, self[element.key], self[f"{element.key}_comment"]) for element in ELEMENTS]

    def missing(self) -> list[str]:
        """Names of the elements still without a number (for the summary at the top)."""
        return [element.name for element in ELEMENTS if element.key in self.errors]
