"""Forms for the plan. Every editable item carries its version; texts are the person's own
words (no length beyond reason, no required tags); dates are checked with a plain message."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.catalogue import plain_element_choices
from items.forms import VersionedForm
from medvandrer.forms import date_field, text_field
from plans import safety_plan
from plans.models import (
    ContactGroup,
    CrisisContact,
    CrisisPlanPart,
    DayGoal,
    DayPart,
    Goal,
    GoalStatus,
    LifeArea,
    NetworkEntry,
    NetworkGroup,
    ResourceCategory,
    ResourceEntry,
    Ring,
    Step,
    SubGoal,
    WarningSign,
    WeekActivity,
    Weekday,
)


def limit_to_goals(field, person, **filters) -> None:
    """A goal choice that offers only this person's goals, each shown by its own words."""
    field.queryset = Goal.objects.filter(person=person, **filters)
    field.label_from_instance = lambda goal: goal.text[:80]


class GoalForm(VersionedForm):
    text = text_field(
        _("Målet, med dine egne ord"),
        help_text=_(
            "Skriv det slik du ville sagt det selv, for eksempel «Jeg vil komme meg ut av senga før klokka tolv»."
        ),
        empty_message=_("Skriv litt om hva du vil – med dine egne ord."),
    )
    chime = forms.MultipleChoiceField(
        label=_("Hva handler målet om? (valgfritt)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Bare hvis det hjelper deg å se hva målet handler om."),
        error_messages={"invalid_choice": _("Velg fra listen.")},
    )
    life_area = forms.ChoiceField(
        label=_("Livsområde (valgfritt)"),
        required=False,
        choices=[("", _("Ikke valgt"))] + list(LifeArea.choices),
        error_messages={"invalid_choice": _("Velg fra listen.")},
    )
    supporters = text_field(_("Hvem støtter deg i dette? (valgfritt)"), required=False, rows=0, max_length=500)
    target_date = date_field(_("Når vil du gjerne ha nådd det? (valgfritt)"))
    evaluate_on = date_field(_("Når vil dere se på det sammen? (valgfritt)"))
    evaluation = text_field(
        _("Hvordan vet vi at dette fungerer for deg? (valgfritt)"),
        required=False,
        help_text=_("Du bestemmer selv hva som er fremgang."),
    )
    date_fields = ("target_date", "evaluate_on")

    class Meta:
        model = Goal
        fields = ["text", "chime", "life_area", "supporters", "target_date", "evaluate_on", "status", "evaluation"]
        labels = {"status": _("Hvor står målet nå?")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chime"].choices = plain_element_choices()
        self.fields["status"].choices = GoalStatus.choices


class SubGoalForm(VersionedForm):
    text = text_field(_("Delmål"), rows=2, empty_message=_("Skriv delmålet."))

    class Meta:
        model = SubGoal
        fields = ["text", "done"]
        labels = {"done": _("Nådd")}


class StepForm(VersionedForm):
    text = text_field(
        _("Et lite, realistisk steg"),
        rows=2,
        help_text=_("Hva er et lite, realistisk første steg? Gjerne noe som tar fem minutter."),
        empty_message=_("Skriv steget – det kan være lite."),
    )
    helper = text_field(_("Hvem hjelper? (valgfritt)"), required=False, rows=0, max_length=200)
    due = date_field(_("Når? (valgfritt)"))
    subgoal = forms.ModelChoiceField(
        queryset=SubGoal.objects.none(),
        required=False,
        label=_("Del av delmål (valgfritt)"),
        empty_label=_("Ingen"),
        error_messages={"invalid_choice": _("Delmålet finnes ikke lenger. Velg et annet, eller ingen.")},
    )
    date_fields = ("due",)

    class Meta:
        model = Step
        fields = ["text", "helper", "due", "subgoal"]

    def __init__(self, *args, goal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subgoal"].queryset = SubGoal.objects.filter(goal=goal)


class WinForm(forms.Form):
    text = text_field(
        _("Hva har du fått til?"),
        rows=2,
        help_text=_("Stort eller lite – det teller."),
        empty_message=_("Skriv hva du fikk til, gjerne med ett ord."),
    )


class DayGoalForm(VersionedForm):
    text = text_field(
        _("Hva er viktig de neste 24 timene?"),
        rows=2,
        empty_message=_("Skriv én ting som er viktig i dag eller i morgen."),
    )
    for_date = forms.ChoiceField(label=_("Når"), choices=[("i-dag", _("I dag")), ("i-morgen", _("I morgen"))])

    class Meta:
        model = DayGoal
        fields = ["text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["for_date"] = "i-morgen" if self.instance.for_date > timezone.localdate() else "i-dag"

    def clean_for_date(self):
        """«I dag» or «I morgen» is the day it is for, read when the form is sent."""
        today = timezone.localdate()
        return today + timedelta(days=1) if self.cleaned_data.get("for_date") == "i-morgen" else today


class ResourceForm(VersionedForm):
    category = forms.ChoiceField(label=_("Hva slags ressurs"), choices=ResourceCategory.choices)
    text = text_field(_("Ressurs"), rows=2, empty_message=_("Skriv ressursen med dine egne ord."))

    class Meta:
        model = ResourceEntry
        fields = ["category", "text"]


class NetworkForm(VersionedForm):
    name = forms.CharField(
        label=_("Hvem eller hva"),
        max_length=200,
        error_messages={
            "required": _("Skriv et navn, for eksempel «Mamma» eller «Turgruppa»."),
            "max_length": _("Navnet kan være på høyst 200 tegn."),
        },
    )
    ring = forms.ChoiceField(label=_("Hvor nær"), choices=Ring.choices)
    group = forms.ChoiceField(label=_("Gruppe"), choices=NetworkGroup.choices)
    note = text_field(_("Hva betyr de for deg? (valgfritt)"), required=False, rows=2)
    contact = forms.CharField(
        label=_("Slik når du dem (valgfritt)"),
        required=False,
        max_length=300,
        error_messages={"max_length": _("Skriv høyst 300 tegn.")},
    )

    class Meta:
        model = NetworkEntry
        fields = ["name", "ring", "group", "note", "contact"]


class CrisisPartForm(VersionedForm):
    """One text part of the plan for hard days, or the words beside a list (the warning signs,
    the contacts); its title and hint come from the part."""

    text = text_field(_("Med dine egne ord"), required=False, rows=5)

    class Meta:
        model = CrisisPlanPart
        fields = ["text"]

    def __init__(self, *args, part, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = part.title if part.is_text else _("Noe mer du vil skrive her (valgfritt)")
        if part.is_text:
            self.fields["text"].help_text = part.hint
        elif part.holds == safety_plan.SIGNS:
            self.fields["text"].help_text = _("For eksempel hva som pleier å komme først, eller hva andre kan se.")
        else:
            self.fields["text"].help_text = _("For eksempel når det passer å ringe, eller hva du vil at de skal vite.")


class WarningSignForm(VersionedForm):
    sign = text_field(
        _("Tegn på at det begynner å bli vanskelig"), rows=2, empty_message=_("Beskriv tegnet med dine egne ord.")
    )
    what_to_do = text_field(_("Dette gjør jeg da, eller dette kan andre gjøre (valgfritt)"), required=False, rows=2)

    class Meta:
        model = WarningSign
        fields = ["sign", "what_to_do"]


class CrisisContactForm(VersionedForm):
    network_entry = forms.ModelChoiceField(
        queryset=NetworkEntry.objects.none(),
        required=False,
        label=_("Fra nettverkskartet (valgfritt)"),
        empty_label=_("Ingen – skriv navnet under"),
        error_messages={
            "invalid_choice": _("Den personen finnes ikke lenger i nettverkskartet. Skriv navnet i stedet.")
        },
    )
    name = forms.CharField(
        label=_("Hvem"),
        required=False,
        max_length=200,
        error_messages={"max_length": _("Navnet kan være på høyst 200 tegn.")},
    )
    how_to_reach = forms.CharField(
        label=_("Telefonnummer, eller slik når du dem"),
        required=False,
        max_length=300,
        error_messages={"max_length": _("Skriv høyst 300 tegn.")},
    )
    can_help_with = text_field(_("Det de kan hjelpe med (valgfritt)"), required=False, rows=2)
    group = forms.ChoiceField(
        label=_("Hvor i planen"),
        required=False,  # a form without it (an older page) puts the contact among those to ask for help
        choices=ContactGroup.choices,
        initial=ContactGroup.HELP,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Velg en av delene i listen.")},
    )

    class Meta:
        model = CrisisContact
        fields = ["group", "network_entry", "name", "how_to_reach", "can_help_with"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["network_entry"].queryset = NetworkEntry.objects.filter(person=person)
        self.fields["name"].label = _("Hvem eller hvor")

    def clean(self):
        data = super().clean()
        data["group"] = data.get("group") or ContactGroup.HELP
        entry = data.get("network_entry")
        if entry is not None:
            data["name"] = data.get("name") or entry.name
            data["how_to_reach"] = data.get("how_to_reach") or entry.contact
        if not data.get("name") and not self.errors:
            self.add_error("name", _("Skriv hvem, eller velg fra nettverkskartet."))
        return data


class WeekActivityForm(VersionedForm):
    weekday = forms.TypedChoiceField(label=_("Dag"), choices=Weekday.choices, coerce=int)
    part = forms.TypedChoiceField(label=_("Tid på dagen"), choices=DayPart.choices, coerce=int)
    text = forms.CharField(
        label=_("Hva"),
        max_length=300,
        error_messages={"required": _("Skriv hva du vil gjøre."), "max_length": _("Skriv høyst 300 tegn.")},
    )
    goal = forms.ModelChoiceField(
        queryset=Goal.objects.none(),
        required=False,
        label=_("Hører til målet (valgfritt)"),
        empty_label=_("Ingen"),
        error_messages={"invalid_choice": _("Målet finnes ikke lenger. Velg et annet, eller ingen.")},
    )

    class Meta:
        model = WeekActivity
        fields = ["weekday", "part", "text", "kind", "goal"]
        labels = {"kind": _("Hva slags")}

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_goals(self.fields["goal"], person)
