"""Forms for finding questions. The HTML pages and the JSON API validate through these."""

from django import forms
from django.utils.translation import gettext_lazy as _

from content.catalogue import catalogue
from content.suggestions import MAX_SITUATION_CHARS
from content.text import has_searchable_words

MAX_SEARCH_CHARS = 300
UNKNOWN_CHOICE = _("Vi kjenner ikke igjen «%(value)s». Velg fra listen.")


def _choices(empty_label, pairs):
    return [("", empty_label)] + list(pairs)


def _element_choices(content):
    return [(key, f"{name_nb} ({name})") for key, name_nb, name in content.elements]


class QuestionFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Søk"),
        required=False,
        max_length=MAX_SEARCH_CHARS,
        error_messages={"max_length": _("Søket kan være på høyst %(limit_value)d tegn (du skrev %(show_value)d).")},
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    element = forms.ChoiceField(
        label=_("CHIME-element"), required=False, error_messages={"invalid_choice": UNKNOWN_CHOICE}
    )
    theme = forms.ChoiceField(label=_("Tema"), required=False, error_messages={"invalid_choice": UNKNOWN_CHOICE})
    phase = forms.ChoiceField(
        label=_("Fase i samtalen"), required=False, error_messages={"invalid_choice": UNKNOWN_CHOICE}
    )
    situation = forms.ChoiceField(
        label=_("Situasjon"), required=False, error_messages={"invalid_choice": UNKNOWN_CHOICE}
    )

    FILTERS = ("element", "theme", "phase", "situation")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        content = catalogue()
        self.fields["element"].choices = _choices(_("Alle elementer"), _element_choices(content))
        self.fields["theme"].choices = [("", _("Alle temaer"))] + [
            (name_nb, [(key, name) for key, name, element in content.themes if element == element_key])
            for element_key, name_nb, _name in content.elements
        ]
        self.fields["phase"].choices = _choices(_("Alle faser"), content.phases)
        self.fields["situation"].choices = _choices(_("Alle situasjoner"), content.situations)

    def clean_q(self):
        return self.cleaned_data["q"].strip()

    def valid_values(self) -> dict:
        """The filters that are valid; invalid ones are left out (their errors stay on the form)."""
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") for name in ("q",) + self.FILTERS if name in self.cleaned_data}


class SuggestionForm(forms.Form):
    situation = forms.CharField(
        label=_("Beskriv situasjonen med egne ord"),
        max_length=MAX_SITUATION_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Skriv noen ord om situasjonen, for eksempel «han har ikke snakket med noen på flere uker»."),
            "max_length": _(
                "Beskrivelsen kan være på høyst %(limit_value)d tegn (du skrev %(show_value)d). Prøv å korte den ned litt."
            ),
        },
    )
    phase = forms.ChoiceField(
        label=_("Fase i samtalen (valgfritt)"), required=False, error_messages={"invalid_choice": UNKNOWN_CHOICE}
    )
    element = forms.ChoiceField(
        label=_("CHIME-fokus (valgfritt)"), required=False, error_messages={"invalid_choice": UNKNOWN_CHOICE}
    )
    limit = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=20,
        error_messages={
            "invalid": _("Antall må være et helt tall."),
            "min_value": _("Antall må være minst %(limit_value)s."),
            "max_value": _("Antall kan være høyst %(limit_value)s."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        content = catalogue()
        self.fields["phase"].choices = _choices(_("Ingen bestemt fase"), content.phases)
        self.fields["element"].choices = _choices(_("La personen lede"), _element_choices(content))

    def clean_situation(self):
        situation = self.cleaned_data["situation"].strip()
        if not has_searchable_words(situation):
            raise forms.ValidationError(
                _("Vi fant ingen ord å gå etter. Skriv et par ord om hva som skjer, for eksempel «hun er mye alene»."),
                code="no_words",
            )
        return situation
