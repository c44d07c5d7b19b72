"""«Jeg har det vanskelig nå», the page a person can keep on their phone without a network,
the one-page crisis card, and the organisation's own crisis numbers.

The person's pages get their data through people.access like every other person page;
the organisation's numbers are not person data and belong to its team leaders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.managers import manager_or_404
from audit.models import Action
from audit.types import ObjectType
from crisis import actions, kept
from crisis.forms import NumberForm
from crisis.models import OrganisationContact
from crisis.support import contacts_for
from items import conflicts, pages
from items.forms import sent_version
from medvandrer.documents import download, filename_for, render_pdf
from medvandrer.forms import posted
from people import access
from people.models import Person
from plans import safety_plan

OFFLINE_CACHE = "medvandrer-vanskelig-v2"  # v2: the copy holds its owner tag and when it was kept


def _own_person(request):
    if not request.user.is_authenticated or not request.user.is_person:
        return None
    own = Person.objects.filter(user=request.user).only("pk").first()
    if own is None:
        return None
    person, _grant = access.person_for_self_only(request, own.pk, ObjectType.HARD_NOW)
    return person


@never_cache
@require_GET
def hard_now(request):
    """One calm page: the person's own steps in their own order, whom to call, the national
    numbers. Signed out (or staff), it shows the numbers alone, so help is always one tap away.

    The person's own page carries their owner tag; a phone that keeps a copy sends that copy's
    tag, and is told to forget it when it is no longer theirs (crisis/kept.py)."""
    person = _own_person(request)
    plan = safety_plan.plan_of(person) if person else None
    organisation_id = person.organisation_id if person else getattr(request.user, "organisation_id", None)
    steps = [s for s in safety_plan.sections(plan, only=safety_plan.IN_THE_MOMENT) if not s["empty"]]
    response = render(
        request,
        "crisis/hard_now.html",
        {
            "person": person,
            "plan": plan,
            "steps": steps,
            "contacts": contacts_for(organisation_id),
            "offline_cache": OFFLINE_CACHE,
            "nav": "hard_now",
        },
    )
    if person is not None:
        response[kept.TAG_HEADER] = kept.tag_for(request.user)
    kept_tag = request.headers.get(kept.KEPT_HEADER)
    if kept_tag is not None and not kept.still_theirs(kept_tag):
        response[kept.FORGET_HEADER] = "1"
    return response


@require_GET
def service_worker(request):
    """The small service worker that keeps «Jeg har det vanskelig nå» on the phone – only after
    the person has said yes on the page, and only that page, its stylesheet and its icon."""
    body = render_to_string(
        "crisis/sw.js",
        {
            "cache": OFFLINE_CACHE,
            "personal_header": kept.TAG_HEADER,
            "kept_header": kept.KEPT_HEADER,
            "forget_header": kept.FORGET_HEADER,
            "max_age_ms": int(kept.MAX_AGE.total_seconds() * 1000),
        },
    )
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


def _card_context(person):
    plan = safety_plan.plan_of(person)
    wanted = (safety_plan.SafetyPart.SIGNS,) + safety_plan.IN_THE_MOMENT
    return {
        "person": person,
        "steps": [s for s in safety_plan.sections(plan, only=wanted) if not s["empty"]],
        "contacts": contacts_for(person.organisation_id),
    }


@login_required
def crisis_card(request, person_id):
    """The one-page crisis card: for the wallet (cut out) or the fridge."""
    person, grant = access.person_for_read(request, person_id, ObjectType.CRISIS_CARD, action=Action.PRINT)
    return render(request, "crisis/card.html", _card_context(person))


@login_required
def crisis_card_pdf(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.CRISIS_CARD, action=Action.EXPORT)
    pdf = render_pdf("crisis/card.html", _card_context(person), stylesheet="css/crisis-card.css")
    return download(pdf, "application/pdf", filename_for(person, "krisekort", "pdf"))


@login_required
def organisation_numbers(request):
    """Team leaders add the organisation's own numbers to the crisis card."""
    organisation_id = manager_or_404(request).organisation_id
    form = NumberForm(posted(request))
    if request.method == "POST" and form.is_valid():
        actions.add_number(organisation_id, actor=request.user, **form.fields_to_save())
        messages.success(request, f"«{form.cleaned_data['name']}» står nå på krisekortet.")
        return redirect("organisation_numbers")
    return render(
        request,
        "crisis/numbers.html",
        {
            "form": form,
            "numbers": OrganisationContact.objects.filter(organisation_id=organisation_id),
            "national": contacts_for(None),
            "nav": "numbers",
        },
    )


@login_required
def organisation_number_edit(request, number_id):
    organisation_id = manager_or_404(request).organisation_id
    contact = get_object_or_404(OrganisationContact, pk=number_id, organisation_id=organisation_id)
    form = NumberForm(posted(request), instance=contact)
    if request.method == "POST" and form.is_valid():
        try:
            actions.change_number(contact, sent_version(form), actor=request.user, **form.fields_to_save())
        except actions.Conflict as conflict:
            return _number_conflict(request, form, conflict.current)
        messages.success(request, "Nummeret er lagret.")
        return redirect("organisation_numbers")
    return render(request, "crisis/number_edit.html", {"form": form, "contact": contact, "nav": "numbers"})


def _number_conflict(request, form, current):
    """Someone else saved first: both versions side by side, and the form keeps what was typed."""
    return pages.conflict_page(
        request,
        person=None,
        typed=form,
        current=current,
        names=["name", "number", "when"],
        retry_with=lambda saved: NumberForm(conflicts.retry_data(request, saved), instance=saved),
        what="nummeret",
        action=request.path,
        back=reverse("organisation_numbers"),
        context={"nav": "numbers"},
    )


@login_required
def organisation_number_delete(request, number_id):
    organisation_id = manager_or_404(request).organisation_id
    contact = get_object_or_404(OrganisationContact, pk=number_id, organisation_id=organisation_id)
    if request.method == "POST":
        actions.remove_number(contact, actor=request.user)
        messages.success(request, f"«{contact.name}» er tatt bort fra krisekortet.")
        return redirect("organisation_numbers")
    return render(request, "crisis/number_delete.html", {"contact": contact, "nav": "numbers"})
