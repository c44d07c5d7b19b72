"""The pages every person-owned item shares: «Ta bort …?» and «Noen andre lagret samtidig».

Each app's view decides access (people.access), then hands over. The templates
(items/confirm_delete.html, items/conflict.html) carry the words every item shares; an app's
own template extends them and fills in only the sentence that differs (`{% block consequence %}`,
`{% block saved %}`, `{% block fields %}`).
"""

from django.contrib import messages
from django.shortcuts import redirect, render

from items import actions as items
from items import conflicts


def delete_page(
    request,
    obj,
    grant,
    *,
    question: str,
    done: str,
    then: str,
    back: str,
    template: str = "items/confirm_delete.html",
    delete=items.delete,
    context: dict | None = None,
):
    """GET asks `question` («Ta bort samtalen 3. mars 2026?»), POST deletes (audited, with the
    grant's basis), says `done` and goes to `then`; «Avbryt» goes `back`."""
    if request.method == "POST":
        delete(obj, actor=request.user, basis=grant.basis)
        messages.success(request, done)
        return redirect(then)
    return render(
        request,
        template,
        {"person": obj.person, "obj": obj, "question": question, "back": back, "nav": "plan", **(context or {})},
    )


def conflict_page(
    request,
    *,
    person,
    typed,
    current,
    names,
    retry_with,
    what: str,
    action: str,
    back: str,
    template: str = "items/conflict.html",
    context: dict | None = None,
):
    """409: what was `typed` (a bound, valid form) beside what is saved now (`current`) for the
    fields `names`; `retry_with(current)` makes the form that keeps the typed text, now against the
    saved version (made after the comparison: a model form's validation writes into its instance).
    `what` names the item in «Mens du skrev, ble … lagret av …» («notatene», «målet»)."""
    rows = conflicts.differing_rows(typed, current, names)
    return render(
        request,
        template,
        {
            "person": person,
            "obj": current,
            "rows": rows,
            "form": retry_with(current),
            "what": what,
            "action": action,
            "back": back,
            "nav": "plan",
            **(context or {}),
        },
        status=409,
    )
