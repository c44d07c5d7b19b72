"""The language check for staff: a JSON API and an htmx fragment for the editor.

Neither stores or audits anything: the text is checked and forgotten. Persons in recovery
are never checked – their words are theirs.
"""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from language.checking import MAX_CHARS, check, present
from language.readability import readability

STAFF_ONLY = "Språksjekken er for ansatte."


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _too_long(length: int) -> str:
    return f"Teksten er for lang til å sjekkes: høyst {MAX_CHARS:,} tegn, denne har {length:,}.".replace(",", " ")


@require_POST
def language_check_api(request):
    """POST /api/v1/language-check with {"text": "..."} → findings and readability."""
    if not request.user.is_authenticated:
        return _error("Du må være logget inn for å bruke API-et.", 401)
    if request.user.is_person:
        return _error(STAFF_ONLY, 403)
    try:
        body = request.body
    except RequestDataTooBig:
        return _error(_too_long(int(request.META.get("CONTENT_LENGTH") or 0)))
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _error('Vi kunne ikke lese forespørselen. Send JSON som {"text": "…"}.')
    if not isinstance(data, dict) or "text" not in data:
        return _error('Teksten mangler. Send JSON som {"text": "…"}.')
    text = data["text"]
    if not isinstance(text, str):
        return _error("«text» må være en tekst.")
    if len(text) > MAX_CHARS:
        return _error(_too_long(len(text)))
    return JsonResponse({"findings": [f.as_dict() for f in check(text)], "readability": readability(text)})


@login_required
@require_POST
def language_check(request):
    """htmx fragment: the findings for one textarea, for the live check in a form.

    Takes `text`, or `field` naming the posted field that holds the text (so hx-include of any
    textarea works)."""
    if request.user.is_person:
        return HttpResponse(STAFF_ONLY, status=403, content_type="text/plain; charset=utf-8")
    name = request.POST.get("field") or "text"
    text = request.POST.get(name)
    if text is None:
        text = request.POST.get("text", "")
    context = {"checked": bool(text.strip())}
    if len(text) > MAX_CHARS:
        context["too_long"] = _too_long(len(text))
    elif text.strip():
        context["items"] = present(text, check(text))
        context["readability"] = readability(text)
    return render(request, "language/_findings.html", context)
