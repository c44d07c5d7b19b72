"""The person's evaluation by link: the app's one way into person data without a login.

The link (or the short code typed instead of it, accounts.passwords.short_code) is the key:
only its hash is stored, it opens nothing but the one form, it works once and for 14 days,
and every use or refusal is audited with the basis «link»."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache

from accounts.passwords import forget_code
from audit.log import record
from audit.models import Action, Basis
from audit.types import ObjectType
from conversations import actions
from conversations.forms import PersonEvaluationForm
from conversations.models import LINK_LIFETIME, EvaluationLink, PersonEvaluation
from medvandrer.forms import posted

LINKS = EvaluationLink.objects.select_related("conversation", "conversation__created_by", "person")


def _problem_with(request, link) -> str:
    """ "" if the link can be used; else why not – audited, as is opening a usable one."""
    problem = ""
    if link is None:
        problem = "unknown"
    elif link.used is not None or PersonEvaluation.objects.filter(conversation_id=link.conversation_id).exists():
        problem = "used"
    elif link.expired:
        problem = "expired"
    if problem or request.method == "GET":  # a usable link opened shows the conversation's date and who held it
        record(
            actor=request.user,
            action=Action.DENIED if problem else Action.READ,
            object_type=ObjectType.EVALUATION_LINK,
            object_id=link.pk if link else "",
            person_id=link.person_id if link else None,
            basis=Basis.LINK,
            organisation_id=link.person.organisation_id if link else None,
        )
    return problem


@never_cache
def evaluation_by_link(request, token):
    """The person's evaluation form, opened from a link on their own phone, without a login."""
    return _answer(request, LINKS.filter(token_hash=EvaluationLink.hash(token[:100])).first())


def evaluation_with(request, pk):
    """The same form, reached by the short code the person typed."""
    return _answer(request, LINKS.filter(pk=pk).first())


def _answer(request, link):
    if request.user.is_authenticated and not request.user.is_person:
        # Answers by link are the person's; staff give theirs in their own form.
        return render(
            request,
            "conversations/link_problem.html",
            {"problem": "staff", "link_days": LINK_LIFETIME.days},
            status=403,
        )
    problem = _problem_with(request, link)
    if problem:
        return render(
            request,
            "conversations/link_problem.html",
            {"problem": problem, "link_days": LINK_LIFETIME.days},
            status=410 if link else 404,
        )
    form = PersonEvaluationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in PersonEvaluationForm.Meta.fields}
        if actions.evaluate_by_link(link, fields, request=request) is None:
            return render(
                request,
                "conversations/link_problem.html",
                {"problem": "used", "link_days": LINK_LIFETIME.days},
                status=410,
            )
        forget_code(request)
        return render(request, "conversations/link_thanks.html")
    return render(
        request,
        "conversations/link_evaluation.html",
        {"form": form, "conversation": link.conversation, "held_by": link.conversation.created_by},
    )
