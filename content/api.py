"""Read-only JSON API over the question bank (docs/API.md)."""

from functools import wraps

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from content import bank
from content import suggestions as suggestion_engine
from content.forms import QuestionFilterForm, SuggestionForm
from crisis.recogniser import Recognition
from crisis.support import card_for

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


def _unknown_parameters(request, allowed: set[str]) -> JsonResponse | None:
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        names = ", ".join(unknown)
        return JsonResponse(
            {"error": f"Ukjent parameter: {names}. Tillatte parametere er {', '.join(sorted(allowed))}."},
            status=400,
        )
    return None


@require_GET
@api_login_required
def questions(request):
    problem = _unknown_parameters(request, {"q", *QuestionFilterForm.FILTERS})
    if problem:
        return problem
    form = QuestionFilterForm(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    result = bank.find_questions(**form.valid_values())
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
        }
    )


@require_GET
@api_login_required
def suggestions(request):
    problem = _unknown_parameters(request, {"situation", "phase", "element", "limit"})
    if problem:
        return problem
    form = SuggestionForm(request.GET)
    if not form.is_valid():
        return _bad_request(form)
    data = form.cleaned_data
    card = card_for([data["situation"]], phase=data["phase"], organisation_id=request.user.organisation_id)
    ranked = suggestion_engine.suggest(
        data["situation"],
        phase=data["phase"],
        element=data["element"],
        limit=data["limit"] or DEFAULT_SUGGESTION_LIMIT,
        recognition=card.recognition if card else Recognition(),
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
                }
                for s in ranked
            ],
            "crisis": card.as_dict() if card else None,
        }
    )
