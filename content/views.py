from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from content import bank, suggestions
from content.forms import QuestionFilterForm, SuggestionForm
from content.models import (
    Element,
    Favourite,
    GuidanceCollection,
    Phase,
    PhaseGuidance,
    Question,
    Theme,
)
from crisis.recogniser import Recognition
from crisis.support import card_for


def _favourite_ids(user) -> set[str]:
    return set(Favourite.objects.filter(user=user).values_list("question_id", flat=True))


def _phase_guidance(phase_key: str):
    return PhaseGuidance.objects.filter(phases=phase_key).select_related("element")


@login_required
def question_bank(request):
    form = QuestionFilterForm(request.GET or None)
    filters = form.valid_values() if request.GET else {}
    result = bank.find_questions(**filters)
    phase = Phase.objects.filter(key=filters.get("phase")).first() if filters.get("phase") else None
    return render(
        request,
        "content/bank.html",
        {
            "nav": "bank",
            "form": form,
            "result": result,
            "groups": [] if result.searched else bank.group_by_theme(result.questions),
            "favourite_ids": _favourite_ids(request.user),
            "phase": phase,
            "phase_guidance": _phase_guidance(phase.key) if phase else [],
            "query_string": request.GET.urlencode(),
        },
    )


@login_required
def question_cards(request):
    form = QuestionFilterForm(request.GET or None)
    filters = form.valid_values() if request.GET else {}
    result = bank.find_questions(**filters)
    questions = result.questions
    if request.GET.get("favoritter") == "1":
        favourite_ids = _favourite_ids(request.user)
        questions = [q for q in questions if q.id in favourite_ids]
    return render(request, "content/cards.html", {"nav": "bank", "form": form, "questions": questions})


@login_required
def question_detail(request, question_id):
    question = get_object_or_404(Question.objects.select_related("theme", "element"), pk=question_id)
    guidance = (
        PhaseGuidance.objects.filter(element=question.element, phases__in=question.theme.phases.all())
        .distinct()
        .prefetch_related("phases")
    )
    return render(
        request,
        "content/question_detail.html",
        {
            "nav": "bank",
            "question": question,
            "siblings": question.theme.questions.exclude(pk=question.pk),
            "phases": question.theme.phases.all(),
            "situations": question.theme.situations.all(),
            "guidance": guidance,
            "favourite_ids": _favourite_ids(request.user),
        },
    )


@login_required
@require_POST
def toggle_favourite(request, question_id):
    question = get_object_or_404(Question, pk=question_id)
    if request.POST.get("favourite") == "1":
        Favourite.objects.get_or_create(user=request.user, question=question)
    else:
        Favourite.objects.filter(user=request.user, question=question).delete()
    if request.htmx:
        return render(
            request,
            "content/_favourite_button.html",
            {"question": question, "favourite_ids": _favourite_ids(request.user)},
        )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "content:favourites"
    return redirect(next_url)


@login_required
def favourites(request):
    questions = [
        f.question
        for f in Favourite.objects.filter(user=request.user).select_related("question__theme", "question__element")
    ]
    return render(
        request,
        "content/favourites.html",
        {"nav": "favourites", "questions": questions, "favourite_ids": {q.id for q in questions}},
    )


@login_required
def suggest(request):
    form = SuggestionForm(request.GET or None)
    results, situations, phase, card = [], [], None, None
    if request.GET and form.is_valid():
        data = form.cleaned_data
        card = card_for([data["situation"]], phase=data["phase"], organisation_id=request.user.organisation_id)
        results = suggestions.suggest(
            data["situation"],
            phase=data["phase"],
            element=data["element"],
            limit=data["limit"] or 8,
            recognition=card.recognition if card else Recognition(),
        )
        situations = suggestions.matched_situations(data["situation"])
        phase = Phase.objects.filter(key=data["phase"]).first() if data["phase"] else None
    return render(
        request,
        "content/suggest.html",
        {
            "nav": "suggest",
            "form": form,
            "results": results,
            "situations": situations,
            "phase": phase,
            "phase_guidance": _phase_guidance(phase.key) if phase and not card else [],
            "favourite_ids": _favourite_ids(request.user),
            "searched": bool(request.GET) and form.is_valid(),
            "card": card,
        },
    )


@login_required
def element_detail(request, key):
    themes = Theme.objects.prefetch_related(
        Prefetch("questions", queryset=Question.objects.select_related("element").order_by("order"))
    )
    element = get_object_or_404(
        Element.objects.prefetch_related(
            Prefetch("themes", queryset=themes),
            Prefetch("guidance", queryset=PhaseGuidance.objects.order_by("order")),
        ),
        pk=key,
    )
    return render(
        request,
        "content/element.html",
        {"nav": "bank", "element": element, "favourite_ids": _favourite_ids(request.user)},
    )


@login_required
def guidance_index(request):
    return render(
        request,
        "content/guidance_index.html",
        {"nav": "guidance", "collections": GuidanceCollection.objects.all(), "elements": Element.objects.all()},
    )


@login_required
def guidance_detail(request, slug):
    collection = get_object_or_404(GuidanceCollection.objects.prefetch_related("items__chime"), pk=slug)
    return render(
        request,
        "content/guidance_detail.html",
        {"nav": "guidance", "collection": collection, "items": collection.items.all()},
    )
