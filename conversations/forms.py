"""Forms for conversation mode and the two evaluations. Texts are free (up to 20,000
characters); scales are 1–5 with plain anchors; nothing is required that a tired person
at the end of a walk would have to think hard about."""

from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.catalogue import catalogue, person_element_names, plain_element_choices
from conversations.models import Conversation, MotivationStage, PersonEvaluation, StaffEvaluation
from items.forms import PAST_DATE, VersionedForm
from medvandrer.forms import date_field, text_field
from plans.forms import limit_to_goals
from plans.models import Goal, GoalStatus

PICK_FROM_LIST = _("Velg fra listen.")
LET_THE_PERSON_LEAD = _("La personen lede")
MAX_NEXT_STEPS = 5


def element_choices():
    return list(catalogue().element_names.items())


def scale_field(label, low, high, help_text=""):
    """A 1–5 question, drawn by the one scale component (templates/_scale.html) with `low` and
    `high` as the words at its two ends."""
    field = forms.TypedChoiceField(
        label=label,
        required=False,
        coerce=int,
        empty_value=None,
        help_text=help_text,
        choices=[(n, str(n)) for n in range(1, 6)],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Velg et tall fra 1 til 5.")},
    )
    field.scale = (low, high)
    return field


SHARED, SEARCH_ONLY = "del", "sok"


class StartForm(forms.ModelForm):
    phase = forms.ChoiceField(
        label=_("Fase i samtalen"), required=False, error_messages={"invalid_choice": PICK_FROM_LIST}
    )
    focus = forms.ChoiceField(
        label=_("CHIME-fokus"),
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": PICK_FROM_LIST},
    )
    situation = text_field(
        _("Det vi vil snakke om (valgfritt)"),
        required=False,
        rows=2,
        max_length=1000,
        help_text=_(
            "Med dine egne ord, for eksempel «har ikke snakket med noen på flere uker». Da får du spørsmål som passer."
        ),
    )
    situation_use = forms.ChoiceField(
        label=_("Hva skal skje med det du skrev?"),
        required=False,
        widget=forms.RadioSelect,
        choices=[
            (SHARED, _("Lagre det i samtalen, som «Det vi ville snakke om» – personen ser det")),
            (SEARCH_ONLY, _("Bare for å finne spørsmål – det lagres ikke, og ingen ser det senere")),
        ],
        initial=SHARED,
        error_messages={"invalid_choice": PICK_FROM_LIST},
    )

    class Meta:
        model = Conversation
        fields = ["phase", "focus", "situation"]

    def __init__(self, *args, for_person=False, **kwargs):
        super().__init__(*args, **kwargs)
        content = catalogue()
        self.fields["phase"].choices = [("", _("Ikke valgt"))] + list(content.phases)
        focus = list(person_element_names().items()) if for_person else element_choices()
        self.fields["focus"].choices = [("", LET_THE_PERSON_LEAD)] + focus
        # «… ser dette» must not contradict «Bare for å finne spørsmål – det lagres ikke».
        self.fields["situation"].reads_when = _("hvis du lagrer det i samtalen")

    def clean_situation(self):
        return self.cleaned_data["situation"].strip()

    def clean_situation_use(self):
        return self.cleaned_data["situation_use"] or SHARED


class SteerForm(forms.Form):
    """«Endre fase, fokus eller tema» while the conversation goes on. Only what is sent changes:
    the one-tap «Det har blitt en krise» sends the phase alone."""

    phase = forms.ChoiceField(label=_("Fase"), required=False, error_messages={"invalid_choice": PICK_FROM_LIST})
    focus = forms.ChoiceField(label=_("Fokus"), required=False, error_messages={"invalid_choice": PICK_FROM_LIST})
    situation = text_field(_("Det vi vil snakke om"), required=False, rows=2, max_length=1000)

    def __init__(self, *args, conversation, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "phase": conversation.phase,
                "focus": conversation.focus,
                "situation": conversation.situation if conversation.situation_saved else "",
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = [("", _("Ikke valgt"))] + list(catalogue().phases)
        self.fields["focus"].choices = [("", LET_THE_PERSON_LEAD)] + element_choices()
        if not conversation.situation_saved:
            self.fields["situation"].never_read = True  # no «… ser dette»: these words are never kept
            self.fields["situation"].help_text = _(
                "Som da dere startet: bare for å finne spørsmål. Det lagres ikke, og ingen ser det senere."
            )

    def changes(self) -> dict:
        """What was sent, and only that."""
        return {name: self.cleaned_data[name] for name in self.fields if name in self.data}


class NotesForm(VersionedForm):
    """What is saved while the conversation goes on (also by autosave)."""

    notes = text_field(
        _("Notater dere skriver sammen"),
        required=False,
        rows=4,
        help_text=_("Skriv gjerne med personens egne ord."),
    )
    stage = forms.ChoiceField(
        label=_("Hvor i motivasjonssirkelen er personen nå?"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("", _("Ikke valgt nå"))] + list(MotivationStage.choices),
        error_messages={"invalid_choice": PICK_FROM_LIST},
    )

    class Meta:
        model = Conversation
        fields = ["notes", "stage"]

    def __init__(self, *args, for_person: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if for_person:  # the person reads and writes their own conversation: speak to them
            self.fields["notes"].help_text = _("Skriv med dine egne ord.")
            self.fields["stage"].label = _("Hvor i motivasjonssirkelen kjenner du at du er nå?")


class NextStepsForm(forms.Form):
    """Next steps typed at the end; each becomes a micro-step in the plan."""

    goal = forms.ModelChoiceField(
        queryset=Goal.objects.none(),
        required=False,
        label=_("Stegene hører til målet"),
        empty_label=_("Et nytt mål (skriv det under)"),
        error_messages={"invalid_choice": _("Målet finnes ikke lenger. Velg et annet, eller skriv et nytt.")},
    )
    new_goal = text_field(
        _("Nytt mål, med personens egne ord"),
        required=False,
        rows=0,
        max_length=1000,
        help_text=_("Bare hvis stegene ikke hører til et mål som finnes."),
    )
    follow_up_on = date_field(_("Når snakkes dere igjen? (valgfritt)"))

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_goals(self.fields["goal"], person, status=GoalStatus.UNDERWAY)
        for n in range(1, MAX_NEXT_STEPS + 1):
            self.fields[f"step_{n}"] = text_field(
                _("Neste steg %(n)d") % {"n": n} if n > 1 else _("Hva er et lite, realistisk første steg?"),
                required=False,
                rows=0,
                max_length=1000,
            )

    def clean_follow_up_on(self):
        value = self.cleaned_data.get("follow_up_on")
        today = timezone.localdate()
        if value is not None and value < today:
            raise forms.ValidationError(PAST_DATE)
        if value is not None and value > today + timedelta(days=365):
            raise forms.ValidationError(_("Velg en dato innen et år."))
        return value

    def step_fields(self):
        return [self[f"step_{n}"] for n in range(1, MAX_NEXT_STEPS + 1)]

    def steps(self) -> list[str]:
        return [
            self.cleaned_data[f"step_{n}"].strip()
            for n in range(1, MAX_NEXT_STEPS + 1)
            if self.cleaned_data.get(f"step_{n}", "").strip()
        ]

    def clean(self):
        data = super().clean()
        new_goal = (data.get("new_goal") or "").strip()
        data["new_goal"] = new_goal
        if self.steps() and data.get("goal") is None and not new_goal and not self.errors:
            self.add_error("new_goal", _("Velg hvilket mål stegene hører til, eller skriv et nytt mål."))
        return data


def _elements_field(label):
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": PICK_FROM_LIST},
    )


class EvaluationForm(VersionedForm):
    """Every question is optional, but a form with no answer at all is not an evaluation."""

    def clean(self):
        data = super().clean()
        if not self.errors and all(data.get(name) in (None, "", []) for name in self.Meta.fields):
            raise forms.ValidationError(_("Svar på minst ett av spørsmålene – det holder med ett."))
        return data


class PersonEvaluationForm(EvaluationForm):
    heard = scale_field(_("Hvor godt følte du deg hørt og forstått?"), _("lite"), _("veldig godt"))
    elements = _elements_field(_("Hvilke av disse områdene føltes mest relevante?"))
    takeaway = text_field(_("Hva tar du med deg fra samtalen?"), required=False)
    next_steps = text_field(_("Hvilke neste steg føles riktige for deg?"), required=False)

    class Meta:
        model = PersonEvaluation
        fields = ["heard", "elements", "takeaway", "next_steps"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["elements"].choices = plain_element_choices()


class StaffEvaluationForm(EvaluationForm):
    """The practitioner's own look back. The person reads the answers beside their own, with the
    questions asked to them (`FOR_THE_PERSON`): «Fikk vi fram det du er god til?», not
    «styrkebasert» (language/data/words.toml)."""

    FOR_THE_PERSON = {
        "listening": _("Hvor mye lyttet jeg, og hvor mye ga jeg råd?"),
        "resources": _("Fikk vi fram det du har å spille på?"),
        "strengths_based": _("Fikk vi fram det du er god til?"),
        "elements": _("Hvilke områder tror jeg betydde mest for deg?"),
        "follow_up": _("Hva passer best å gjøre videre?"),
    }

    listening = scale_field(
        _("Hvordan balanserte jeg lytting og veiledning?"),
        _("jeg veiledet mest"),
        _("jeg lyttet mest"),
    )
    resources = scale_field(_("Fikk vi belyst personens ressurser?"), _("lite"), _("godt"))
    strengths_based = scale_field(_("Var tilnærmingen tilstrekkelig styrkebasert?"), _("lite"), _("helt"))
    elements = _elements_field(_("Hvilke CHIME-områder tror du var mest relevante for personen?"))
    follow_up = text_field(_("Hvilke oppfølgingstiltak er mest hensiktsmessige?"), required=False)

    class Meta:
        model = StaffEvaluation
        fields = ["listening", "resources", "strengths_based", "elements", "follow_up"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["elements"].choices = element_choices()
