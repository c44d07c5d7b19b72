from django import forms
from django.utils.translation import gettext_lazy as _

from crisis.models import OrganisationContact
from crisis.phones import tel_target
from items.forms import VersionField


class NumberForm(forms.ModelForm):
    """A number the organisation adds to the crisis card (its crisis team, the night service)."""

    version = VersionField()
    name = forms.CharField(
        label=_("Navn"),
        max_length=150,
        help_text=_("Slik folk kjenner den, for eksempel «Kriseteamet i kommunen» eller «Nattjenesten på huset»."),
        error_messages={"required": _("Skriv et navn."), "max_length": _("Navnet kan være på høyst 150 tegn.")},
    )
    number = forms.CharField(
        label=_("Telefonnummer"),
        max_length=40,
        help_text=_("Åtte sifre, med eller uten mellomrom. Kan også starte med +47."),
        error_messages={"required": _("Skriv telefonnummeret."), "max_length": _("Nummeret er for langt.")},
    )
    when = forms.CharField(
        label=_("Når passer det å ringe? (valgfritt)"),
        max_length=200,
        required=False,
        help_text=_("For eksempel «hverdager kl. 8–22» eller «hele døgnet»."),
        error_messages={"max_length": _("Skriv høyst 200 tegn.")},
    )

    class Meta:
        model = OrganisationContact
        fields = ["name", "number", "when"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def fields_to_save(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def clean_number(self):
        number = self.cleaned_data["number"]
        if tel_target(number) is None:
            raise forms.ValidationError(
                _(
                    "Vi kjenner ikke igjen «%(value)s» som et telefonnummer. Skriv åtte sifre, med eller uten mellomrom."
                ),
                params={"value": number},
                code="not_a_number",
            )
        return number
