from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import STAFF_ROLES, User
from items.forms import VersionField
from medvandrer.forms import text_field
from people.models import Team

MAX_ABOUT_CHARS = 20_000
MAX_CONSENT_DAYS = 3 * 365


class AboutForm(forms.Form):
    about = text_field(
        _("Om meg"),
        required=False,
        max_length=MAX_ABOUT_CHARS,
        rows=8,
        help_text=_("Det du vil at de du samarbeider med skal vite om deg – med dine egne ord."),
    )
    version = VersionField(required=True)


class ConsentForm(forms.Form):
    team = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.none(),
        empty_label=_("Velg team"),
        error_messages={
            "required": _("Velg hvilket team som skal få se planen."),
            "invalid_choice": _("Velg et team fra listen."),
        },
    )
    valid_until = forms.DateField(
        label=_("Gjelder til og med"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Du kan trekke samtykket tilbake før det, når som helst."),
        error_messages={"required": _("Velg en sluttdato."), "invalid": _("Skriv datoen som dd.mm.åååå.")},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(organisation=organisation)

    def clean_valid_until(self):
        date = self.cleaned_data["valid_until"]
        today = timezone.localdate()
        if date < today:
            raise forms.ValidationError(_("Sluttdatoen kan ikke være tilbake i tid."))
        if date > today + timedelta(days=MAX_CONSENT_DAYS):
            raise forms.ValidationError(_("Et samtykke kan gjelde i høyst tre år om gangen."))
        return date


class BlockForm(forms.Form):
    staff = forms.ModelChoiceField(
        label=_("Hvem vil du sperre?"),
        queryset=User.objects.none(),
        empty_label=_("Velg en person"),
        error_messages={"required": _("Velg hvem du vil sperre."), "invalid_choice": _("Velg en person fra listen.")},
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = User.objects.filter(
            organisation=organisation, role__in=STAFF_ROLES, is_active=True
        ).order_by("full_name")
        self.fields["staff"].label_from_instance = lambda user: (
            f"{user.display_name} ({user.get_role_display().lower()})"
        )


class EraseForm(forms.Form):
    confirm = forms.CharField(
        label=_("Skriv SLETT for å bekrefte"),
        max_length=20,
        error_messages={"required": _("Skriv SLETT i feltet for å bekrefte.")},
    )

    def clean_confirm(self):
        if self.cleaned_data["confirm"].strip().upper() != "SLETT":
            raise forms.ValidationError(_("Skriv SLETT (med store eller små bokstaver) for å bekrefte."))
        return "SLETT"
