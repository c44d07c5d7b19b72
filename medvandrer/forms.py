"""Small helpers shared by every app's forms and views."""

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_TEXT = 20_000
LONG_TEXT_ERRORS = {"max_length": _("Teksten kan være på høyst %(limit_value)d tegn (nå er den %(show_value)d).")}


def text_field(label, *, required=True, help_text="", rows=3, max_length=MAX_TEXT, empty_message=""):
    errors = dict(LONG_TEXT_ERRORS)
    if empty_message:
        errors["required"] = empty_message
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput(),
        error_messages=errors,
    )


def date_field(label, help_text=""):
    return forms.DateField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Skriv datoen som dd.mm.åååå.")},
    )


def posted(request):
    """The POST data when the request is a POST – even an empty one – else None.

    `Form(request.POST or None)` leaves an empty POST unbound, so the person gets the form
    back without a word about what is missing. This binds it.
    """
    return request.POST if request.method == "POST" else None
