"""The team leader's forms: a new staff member, a staff member's role and teams, a team, the
organisation's sign-in, and the care relations (start, end, hand over)."""

from django import forms
from django.utils import timezone

from accounts.managers import roles_the_leader_may_give
from accounts.models import User
from people.models import Team


class StaffForm(forms.Form):
    full_name = forms.CharField(
        label="Fullt navn", max_length=150, error_messages={"required": "Skriv hele navnet, for eksempel Mona Berg."}
    )
    role = forms.ChoiceField(
        label="Rolle",
        error_messages={"required": "Velg en rolle.", "invalid_choice": "Velg en av rollene i listen."},
    )
    email = forms.EmailField(
        label="E-post (valgfritt)",
        required=False,
        help_text="Brukes bare til «Glemt passord?».",
        error_messages={"invalid": "Skriv en hel e-postadresse, for eksempel mona@kommune.no."},
    )
    teams = forms.ModelMultipleChoiceField(
        label="Team", queryset=Team.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, leader, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles_the_leader_may_give(leader)
        self.fields["teams"].queryset = Team.objects.filter(organisation_id=leader.organisation_id)


class NewStaffForm(StaffForm):
    username = forms.RegexField(
        label="Brukernavn",
        max_length=150,
        regex=r"^[\w.@+-]+$",
        help_text="Det hun eller han logger inn med, for eksempel mona.berg. Bokstaver, tall og . @ + - _",
        error_messages={
            "required": "Skriv et brukernavn.",
            "invalid": "Brukernavnet kan bare ha bokstaver, tall og tegnene . @ + - _ (ingen mellomrom).",
        },
    )
    field_order = ["full_name", "username", "email", "role", "teams"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("Det brukernavnet er tatt. Prøv et annet, for eksempel med etternavnet.")
        return username


class ChangeStaffForm(StaffForm):
    is_active = forms.BooleanField(
        label="Kontoen er i bruk",
        required=False,
        help_text="Tar du bort haken, blir hun eller han logget ut med en gang og kan ikke logge inn.",
    )


class TeamForm(forms.Form):
    name = forms.CharField(label="Navn på teamet", max_length=200)

    def __init__(self, organisation_id, *args, team=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id, self.team = organisation_id, team

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Team.objects.filter(organisation_id=self.organisation_id, name__iexact=name)
        if self.team is not None:
            others = others.exclude(pk=self.team.pk)
        if others.exists():
            raise forms.ValidationError("Det finnes allerede et team med det navnet.")
        return name


class SignInProviderForm(forms.Form):
    signin_provider = forms.ChoiceField(
        label="Innlogging for ansatte",
        widget=forms.RadioSelect,
        required=False,
        error_messages={"invalid_choice": "Velg en av innloggingene i listen."},
    )

    def __init__(self, staff_providers, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signin_provider"].choices = [("", "Brukernavn, passord og kode fra en app")] + [
            (p.name, p.label) for p in staff_providers
        ]


def _staff_choices(staff):
    return forms.ModelChoiceField(
        label="Ansatt",
        queryset=staff,
        empty_label="Velg ansatt",
        error_messages={"required": "Velg en ansatt.", "invalid_choice": "Velg en av de ansatte i listen."},
    )


class StartRelationForm(forms.Form):
    def __init__(self, staff, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"] = _staff_choices(staff)
        self.fields["staff"].label = "Ny fast kontakt"


class HandoverForm(forms.Form):
    starts = forms.DateField(
        label="Fra og med",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Velg datoen den nye tar over.", "invalid": "Skriv datoen som dd.mm.åååå."},
    )
    note = forms.CharField(
        label="Beskjed til personen",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For eksempel: «Kari slutter, og Mona tar over fra 1. mars. Mona ringer deg før det.»",
    )

    def __init__(self, staff, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_staff"] = _staff_choices(staff)
        self.fields["to_staff"].label = "Hvem tar over"
        self.order_fields(["to_staff", "starts", "note"])
        self.initial.setdefault("starts", timezone.localdate())

    def clean_starts(self):
        starts = self.cleaned_data["starts"]
        if starts < timezone.localdate():
            raise forms.ValidationError("Velg i dag eller en dato fram i tid.")
        return starts


class NewPersonForm(forms.Form):
    display_name = forms.CharField(
        label="Navn",
        max_length=150,
        help_text="Slik personen vil kalles, for eksempel fornavn og etternavn.",
        error_messages={"required": "Skriv navnet til personen."},
    )

    def __init__(self, staff, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"] = _staff_choices(staff)
        self.fields["staff"].label = "Fast kontakt (valgfritt)"
        self.fields["staff"].required = False
        self.fields["staff"].empty_label = "Ingen ennå"
