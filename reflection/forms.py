"""The week's journal entry as one form, built from the seeds' texts in the content database.

Every text is optional (one line is enough), at most 20,000 characters, with a plain
Norwegian message; an entirely empty entry is not saved. The version is read leniently:
a missing or odd value counts as "a new page", which at worst shows both versions.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from items.forms import VersionField
from medvandrer.forms import text_field
from reflection.guidance import JournalGuidance
from reflection.models import CheckChoice

NOTHING_WRITTEN = _("Skriv eller velg noe før du lagrer – én linje holder.")
NO_METHOD = ""
SKIP = ""


def answer_name(slug: str, key: str) -> str:
    return f"svar-{slug}-{key}"


def check_name(key: str) -> str:
    return f"sjekk-{key}"


def instead_name(key: str) -> str:
    return f"istedenfor-{key}"


class EntryForm(forms.Form):
    version = VersionField()

    def __init__(self, *args, guidance: JournalGuidance, **kwargs):
        super().__init__(*args, **kwargs)
        self.guidance = guidance
        self.answer_fields: list[tuple[str, str, str]] = []  # (field name, collection slug, item key)
        for question_set in guidance.question_sets:
            for item in question_set.items:
                name = answer_name(question_set.slug, item.key)
                self.fields[name] = text_field(item.title, required=False, help_text=item.text, rows=3)
                self.answer_fields.append((name, question_set.slug, item.key))
        self.fields["method"] = forms.ChoiceField(
            label=_("Ukas metode"),
            required=False,
            choices=[(NO_METHOD, _("Ingen metode denne uka"))] + [(m.key, m.title) for m in guidance.methods],
            widget=forms.RadioSelect,
            error_messages={"invalid_choice": _("Velg en av metodene i listen, eller «Ingen metode denne uka».")},
        )
        self.fields["method_plan"] = text_field(
            _("Slik vil jeg prøve den denne uka"),
            required=False,
            help_text=_("Hvor, med hvem, hva er et lite første steg?"),
        )
        self.fields["method_follow_up"] = text_field(
            _("Slik gikk det"),
            required=False,
            help_text=_("Skriv gjerne mot slutten av uka: Hva fungerte? Hva lærte du? Hva tar du med videre?"),
        )
        self.check_fields: list[tuple[str, str, str]] = []  # (choice field, note field, item key)
        for item in guidance.killers.items:
            self.fields[check_name(item.key)] = forms.ChoiceField(
                label=item.title,
                required=False,
                choices=[*CheckChoice.choices, (SKIP, _("Hopp over"))],
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Velg ett av svarene.")},
            )
            self.fields[instead_name(item.key)] = text_field(
                _("Hva vil jeg gjøre i stedet? (valgfritt)"), required=False, rows=2
            )
            self.check_fields.append((check_name(item.key), instead_name(item.key), item.key))
        notes_help = guidance.question_sets[0].collection.outro if guidance.question_sets[0].collection else ""
        self.fields["notes"] = text_field(_("Notater til meg selv"), required=False, help_text=notes_help, rows=5)

    @classmethod
    def initial_for(cls, entry) -> dict:
        """The form's starting values from a saved entry."""
        initial = {"version": str(entry.version), "method": entry.method_key}
        initial.update(method_plan=entry.method_plan, method_follow_up=entry.method_follow_up, notes=entry.notes)
        for slug, answers in (entry.answers or {}).items():
            for key, text in (answers or {}).items():
                initial[answer_name(slug, key)] = text
        for key, check in (entry.self_check or {}).items():
            initial[check_name(key)] = check.get("choice", "")
            initial[instead_name(key)] = check.get("note", "")
        return initial

    def clean(self):
        data = super().clean()
        if not self.errors and not any(self.entry_fields().values()):
            raise forms.ValidationError(NOTHING_WRITTEN, code="empty")
        return data

    def entry_fields(self) -> dict:
        """The cleaned data in the entry's shape (only what was written or chosen)."""
        data = self.cleaned_data
        answers: dict[str, dict] = {}
        for name, slug, key in self.answer_fields:
            if data.get(name):
                answers.setdefault(slug, {})[key] = data[name]
        self_check: dict[str, dict] = {}
        for choice_name, note_name, key in self.check_fields:
            check = {"choice": data.get(choice_name) or "", "note": data.get(note_name) or ""}
            if check["choice"] or check["note"]:
                self_check[key] = check
        return {
            "answers": answers,
            "method_key": data.get("method") or "",
            "method_plan": data.get("method_plan") or "",
            "method_follow_up": data.get("method_follow_up") or "",
            "self_check": self_check,
            "notes": data.get("notes") or "",
        }
