from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from content import bank, safety, suggestions
from content.forms import QuestionFilterForm, SuggestionForm
from content.models import (
    Element,
    Favourite,
    GuidanceCollection,
    GuidanceItem,
    Phase,
    PhaseGuidance,
    Question,
    Theme,
)

CARRIED = "carried_words"


def _out_of_the_address(request, typed: tuple):
    """An old address with typed words in it (a bookmark, «?situation=…»): the words are kept
    for one page view in the session, and the browser is sent to the address without them."""
    if request.method != "GET" or not any(name in request.GET for name in typed):
        return None
    request.session[CARRIED] = {name: request.GET[name] for name in typed if name in request.GET}
    rest = request.GET.copy()
    for name in typed:
        rest.pop(name, None)
    return redirect(request.path + (f"?{rest.urlencode()}" if rest else ""))


def _form_data(request):
    """The form's data: the POST body; or the filters in the address, with words carried over once."""
    if request.method == "POST":
        return request.POST
    carried = request.session.pop(CARRIED, None)
    if carried:
        data = request.GET.copy()
        data.update(carried)
        return data
    return request.GET or None


def _filters_only(data) -> str:
    """The filters of a search for a link (the question cards), without the words typed."""
    if data is None:
        return ""
    kept = data.copy()
    for name in ("q", "csrfmiddlewaretoken"):
        kept.pop(name, None)
    return kept.urlencode()


def _favourite_ids(user) -> set[str]:
    return set(Favourite.objects.filter(user=user).values_list("question_id", flat=True))


def _opening_questions() -> list[str]:
    """The three opening questions of seed 001 («Hva er viktig for deg denne uka?» …)."""
    return list(
        GuidanceItem.objects.filter(collection_id="apningssporsmal", key__startswith="apning-")
        .order_by("order")
        .values_list("title", flat=True)[:3]
    )


def _phase_guidance(phase_key: str):
    return PhaseGuidance.objects.filter(phases=phase_key).select_related("element")


def _searched(request):
    """(form data, form, filters, result) of a bank search; the search word only from a POST body."""
    data = _form_data(request)
    form = QuestionFilterForm(data)
    filters = form.valid_values() if data else {}
    return data, form, filters, bank.find_questions_crisis_first(filters, organisation_id=request.user.organisation_id)


@login_required
def question_bank(request):
    moved = _out_of_the_address(request, ("q",))
    if moved:
        return moved
    data, form, filters, result = _searched(request)
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
            "phase_guidance": _phase_guidance(phase.key) if phase and not result.crisis_card else [],
            "query_string": _filters_only(data),
            "card": result.crisis_card,
        },
    )


@login_required
def question_cards(request):
    moved = _out_of_the_address(request, ("q",))
    if moved:
        return moved
    data, form, _filters, result = _searched(request)
    questions = result.questions
    if (data or {}).get("favoritter") == "1":
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


EXAMPLES = (
    ("han har ikke snakket med noen på flere uker", ""),
    ("hun sier at ingenting kommer til å bli bedre", "motstand"),
    ("vil gjerne begynne å jobbe igjen", ""),
)


@login_required
def suggest(request):
    moved = _out_of_the_address(request, ("situation",))
    if moved:
        return moved
    data = _form_data(request)
    form = SuggestionForm(data)
    results, situations, phase, card = [], [], None, None
    if data is not None and form.is_valid():
        chosen = form.cleaned_data
        card = safety.card_for(
            [chosen["situation"]], phase=chosen["phase"], organisation_id=request.user.organisation_id
        )
        results = suggestions.suggest(
            chosen["situation"],
            phase=chosen["phase"],
            element=chosen["element"],
            limit=chosen["limit"] or 8,
            recognition=card.recognition if card else safety.nothing_found(),
        )
        situations = suggestions.matched_situations(chosen["situation"])
        phase = Phase.objects.filter(key=chosen["phase"]).first() if chosen["phase"] else None
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
            # nothing in the words pointed anywhere: say so, with seed 001's safe opening questions
            "opening_questions": _opening_questions() if results and results[0].fallback else [],
            "favourite_ids": _favourite_ids(request.user),
            "searched": data is not None and form.is_valid(),
            "card": card,
            "examples": EXAMPLES,
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
