"""JSON API over the question bank (docs/API.md).

Words a user types – a search, a situation – travel in a POST body, never in the address,
so they never reach server or proxy logs or the browser's history. Filters (element, theme,
phase, situation key) may be in the address."""

import json
from functools import wraps

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse, QueryDict
from django.views.decorators.http import require_http_methods

from content import bank, safety
from content import suggestions as suggestion_engine
from content.forms import QuestionFilterForm, SuggestionForm

DEFAULT_SUGGESTION_LIMIT = 5


def api_login_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"error": "Du må være logget inn for å bruke API-et."}, status=401)
        return view(request, *args, **kwargs)

    return wrapper


def _bad_request(form) -> JsonResponse:
    errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
    first = next(iter(errors.values()))[0]
    return JsonResponse({"error": first, "errors": errors}, status=400)


MAX_BODY = 10_000
NOT_IN_THE_ADDRESS = (
    "Ord du skriver, sendes ikke i adressen (der havner de i logger og nettleserhistorikk). "
    'Send dem i en POST med JSON, for eksempel {"situation": "…"}.'
)


SEND_JSON = 'Vi kunne ikke lese forespørselen. Send JSON som {"situation": "…"}.'


def _body(request) -> tuple[QueryDict | None, JsonResponse | None]:
    """The POST body's JSON object as form data, or a Norwegian 400."""
    if request.content_type == "multipart/form-data":  # streamed: Django has no raw body to give
        return None, JsonResponse({"error": SEND_JSON}, status=400)
    try:
        raw = request.body
    except RequestDataTooBig:
        return None, JsonResponse({"error": "Forespørselen er for stor."}, status=400)
    if len(raw) > MAX_BODY:
        return None, JsonResponse({"error": "Forespørselen er for stor."}, status=400)
    try:
        data = json.loads(raw.decode("utf-8") or "{}")
    except (UnicodeDecodeError, ValueError):
        return None, JsonResponse({"error": SEND_JSON}, status=400)
    if not isinstance(data, dict):
        return None, JsonResponse({"error": "Send et JSON-objekt."}, status=400)
    values = QueryDict(mutable=True)
    for key, value in data.items():
        if isinstance(value, str | int) and not isinstance(value, bool):
            values[key] = str(value)
        else:
            return None, JsonResponse({"error": f"«{key}» må være en tekst eller et tall."}, status=400)
    return values, None


def _unknown_parameters(request, allowed: set[str], values=None) -> JsonResponse | None:
    unknown = sorted(set(request.GET if values is None else values) - allowed)
    if unknown:
        names = ", ".join(unknown)
        return JsonResponse(
            {"error": f"Ukjent parameter: {names}. Tillatte parametere er {', '.join(sorted(allowed))}."},
            status=400,
        )
    return None


@require_http_methods(["GET", "POST"])
@api_login_required
def questions(request):
    """GET with filters in the address; a search word (`q`) only in a POST body."""
    if request.method == "GET" and "q" in request.GET:
        return JsonResponse({"error": NOT_IN_THE_ADDRESS, "errors": {"q": [NOT_IN_THE_ADDRESS]}}, status=400)
    values, problem = _body(request) if request.method == "POST" else (request.GET, None)
    problem = problem or _unknown_parameters(request, {"q", *QuestionFilterForm.FILTERS}, values)
    if problem:
        return problem
    form = QuestionFilterForm(values)
    if not form.is_valid():
        return _bad_request(form)
    result = bank.find_questions_crisis_first(form.valid_values(), organisation_id=request.user.organisation_id)
    return JsonResponse(
        {
            "results": [
                {
                    "id": q.id,
                    "text": q.text,
                    "element": q.element_id,
                    "theme": q.theme.name,
                    "theme_key": q.theme_id,
                    "when_relevant": q.theme.when_relevant,
                }
                for q in result.questions
            ],
            "count": len(result.questions),
            "crisis": result.crisis_card.as_dict(for_person=request.user.is_person) if result.crisis_card else None,
        }
    )


@require_http_methods(["GET", "POST"])
@api_login_required
def suggestions(request):
    """POST only: the situation is the user's own words."""
    if request.method == "GET":
        return JsonResponse({"error": NOT_IN_THE_ADDRESS}, status=405, headers={"Allow": "POST"})
    values, problem = _body(request)
    problem = problem or _unknown_parameters(request, {"situation", "phase", "element", "limit"}, values)
    if problem:
        return problem
    form = SuggestionForm(values)
    if not form.is_valid():
        return _bad_request(form)
    data = form.cleaned_data
    card = safety.card_for([data["situation"]], phase=data["phase"], organisation_id=request.user.organisation_id)
    ranked = suggestion_engine.suggest(
        data["situation"],
        phase=data["phase"],
        element=data["element"],
        limit=data["limit"] or DEFAULT_SUGGESTION_LIMIT,
        recognition=card.recognition if card else safety.nothing_found(),
    )
    return JsonResponse(
        {
            "results": [
                {
                    "id": s.question_id,
                    "text": s.text,
                    "element": s.element,
                    "theme": s.theme,
                    "score": s.score,
                    "why": s.why,
                    "open": s.fallback,
                }
                for s in ranked
            ],
            "crisis": card.as_dict(for_person=request.user.is_person) if card else None,
        }
    )
