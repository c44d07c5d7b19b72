"""«Vil du lagre likevel?»: when a staff member saves text the person will read, and the
language check has something to say about it, the page asks once – keeping the text exactly
as typed – and «Lagre likevel» saves it. It never blocks; a person's own words are never
checked, and neither is text the staff member left as it was."""

from django import forms

from language.checking import MAX_CHARS, FieldResult, check
from language.readability import readability

CONFIRM = "sprak_ok"  # the button «Lagre likevel» sends this


def writing_for_a_person(request) -> bool:
    """A staff member on a person's page (the person reads what is written here)."""
    person_access = getattr(request, "person_access", None)
    user = request.user
    return bool(person_access) and not person_access.is_self and user.is_authenticated and not user.is_person


def to_ask_about(request, form, names=None) -> dict:
    """{field label: FieldResult} for the text fields of a valid `form` the language check has
    remarks on, when the page should ask before saving; {} when it should just save."""
    if request.method != "POST" or request.POST.get(CONFIRM) == "1" or not writing_for_a_person(request):
        return {}
    found = {}
    changed = set(form.changed_data)  # words already saved – often the person's own – are not asked about again
    for name in names or [n for n, f in form.fields.items() if isinstance(f, forms.CharField)]:
        if name not in changed:
            continue
        text = form.cleaned_data.get(name)
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_CHARS:
            continue
        findings = tuple(check(text))
        if findings:
            found[str(form.fields[name].label)] = FieldResult(
                str(form.fields[name].label), text, findings, readability(text)
            )
    return found
