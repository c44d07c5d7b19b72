"""Forms for the MI tools. Topics and answers are the person's own words; the goal list holds
only this person's goals; 0–10 is checked with a plain message; nothing typed is lost."""

from django import forms
from django.utils.translation import gettext_lazy as _

from chime.forms import scale_field
from items.forms import VersionField, sent_version
from medvandrer.forms import text_field
from mitools.models import CROSS_FIELDS, RULERS, TOPIC_MAX, AmbivalenceCross, RulerReading
from plans.forms import limit_to_goals
from plans.models import Goal

ANSWER_MAX = 5_000
TOPIC_HELP = _("Med dine egne ord – for eksempel «å begynne å trene», «røyken» eller «å søke jobb».")
TOPIC_MISSING = _("Skriv kort hva det handler om, med dine egne ord.")


def topic_field():
    return forms.CharField(
        label=_("Hva handler det om?"),
        max_length=TOPIC_MAX,
        help_text=TOPIC_HELP,
        widget=forms.TextInput(attrs={"list": "tema-forslag", "autocomplete": "off"}),
        error_messages={
            "required": TOPIC_MISSING,
            "max_length": _(
                "Skriv høyst %(limit_value)d tegn her (nå er det %(show_value)d). Resten kan stå i feltene under."
            ),
        },
    )


def goal_field():
    return forms.ModelChoiceField(
        queryset=Goal.objects.none(),
        required=False,
        label=_("Hører til målet (valgfritt)"),
        empty_label=_("Ingen"),
        error_messages={"invalid_choice": _("Målet finnes ikke lenger. Velg et annet, eller ingen.")},
    )


class PersonGoalsMixin:
    """The goal list shows only this person's goals (like plans.forms.WeekActivityForm)."""

    def limit_goals(self, person):
        limit_to_goals(self.fields["goal"], person)


class CrossForm(PersonGoalsMixin, forms.ModelForm):
    topic = topic_field()
    goal = goal_field()
    version = VersionField()

    class Meta:
        model = AmbivalenceCross
        fields = ["topic", "goal", *[name for name, _key, _title, _hint in CROSS_FIELDS]]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_goals(person)
        for name, _key, title, hint in CROSS_FIELDS:
            self.fields[name] = text_field(title, required=False, help_text=hint, rows=4)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean_version(self):
        # A new cross has nothing saved to compare with.
        return sent_version(self) if self.instance.pk else 0

    def quadrant_fields(self):
        return [self[name] for name, _key, _title, _hint in CROSS_FIELDS]


class RulerForm(PersonGoalsMixin, forms.ModelForm):
    # "At least one of the two numbers" is the model's constraint (mitools_ruler_one_value);
    # the form checks it with the constraint's plain message.
    topic = topic_field()
    goal = goal_field()

    class Meta:
        model = RulerReading
        fields = ["topic", "goal", "importance", "confidence"] + [
            f"{ruler.name}_{part}" for ruler in RULERS for part in ("not_lower", "one_up")
        ]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_goals(person)
        for ruler in RULERS:
            self.fields[ruler.name] = scale_field(ruler.question, "", required=False)
            self.fields[f"{ruler.name}_not_lower"] = text_field(
                ruler.not_lower_label, required=False, rows=2, max_length=ANSWER_MAX
            )
            self.fields[f"{ruler.name}_one_up"] = text_field(
                ruler.one_up_label, required=False, rows=2, max_length=ANSWER_MAX
            )

    def rulers(self):
        """(ruler, its scale field, its two follow-up fields), for the template."""
        return [
            (ruler, self[ruler.name], self[f"{ruler.name}_not_lower"], self[f"{ruler.name}_one_up"]) for ruler in RULERS
        ]
