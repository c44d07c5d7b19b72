"""`{{ field|described }}`: a form field's input, tied to its hint and its error message by
aria-describedby (and aria-invalid when it has an error), so a screen reader reads them with it.
content/_field.html and chime/_scale.html give the hint and error those ids."""

from django import template

register = template.Library()


def hint_id(field) -> str:
    return f"{field.auto_id}_helptext"  # Django's own name for it, so its widgets and ours agree


def error_id(field) -> str:
    return f"{field.auto_id}_error"


@register.filter
def described(field):
    ids = [hint_id(field)] if field.help_text else []
    attrs = {}
    if field.errors:
        ids.append(error_id(field))
        attrs["aria-invalid"] = "true"
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    return field.as_widget(attrs=attrs)


@register.filter
def hint_id_of(field) -> str:
    return hint_id(field)


@register.filter
def error_id_of(field) -> str:
    return error_id(field)
