"""The evaluations after a conversation: both side by side, the person's and the practitioner's
own forms, and a one-time link to the person's own phone (answered in conversations/links.py,
the app's one path without sign-in)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.qr import qr_svg
from audit.models import Action
from audit.types import ObjectType
from content.catalogue import person_element_names
from conversations import actions, evaluation_numbers
from conversations.forms import (
    PersonEvaluationForm,
    StaffEvaluationForm,
)
from conversations.lookup import conversation_for
from conversations.models import (
    LINK_LIFETIME,
    Conversation,
    PersonEvaluation,
    StaffEvaluation,
)
from items import actions as items
from items.forms import sent_version
from language import gate
from medvandrer.forms import posted
from people import access


@login_required
def evaluations(request, person_id, conversation_id):
    """Both evaluations side by side, with where they differ."""
    conversation, grant = conversation_for(request, person_id, conversation_id)
    return _render_evaluations(request, conversation, grant)


def _staff_questions(for_person: bool) -> dict:
    """The practitioner's questions as the page shows them (`….label`): to the person, asked to them."""
    if not for_person:
        return StaffEvaluationForm.base_fields
    return {name: {"label": label} for name, label in StaffEvaluationForm.FOR_THE_PERSON.items()}


def _render_evaluations(request, conversation, grant, new_link="", short_code=""):
    mine = PersonEvaluation.objects.filter(conversation=conversation).first()
    staff = StaffEvaluation.objects.filter(conversation=conversation).select_related("created_by").first()
    return render(
        request,
        "conversations/evaluations.html",
        {
            "person": conversation.person,
            "conversation": conversation,
            "access": grant,
            "mine": mine,
            "staff": staff,
            "comparison": evaluation_numbers.compare(mine, staff, person_element_names()),
            # The questions as the two forms ask them, so the page and the forms never differ.
            "asks": {"person": PersonEvaluationForm.base_fields, "staff": _staff_questions(grant.is_self)},
            "new_link": new_link,
            "new_link_qr": qr_svg(new_link) if new_link else "",
            "short_code": short_code,
            "link_days": LINK_LIFETIME.days,
            "nav": "plan",
        },
    )


def _save_evaluation(request, conversation, model, form, existing, grant):
    """Create the evaluation, or update it if the form was opened on the saved one. A form
    opened before anyone had saved (no version) meeting a saved one is a conflict (see
    items.actions.update), as is a second person saving the very first one at the same moment."""
    fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
    if existing is not None:
        return items.update(existing, sent_version(form), actor=request.user, basis=grant.basis, **fields)
    try:
        return items.create(
            model,
            conversation.person,
            actor=request.user,
            basis=grant.basis,
            conversation=conversation,
            **fields,
        )
    except IntegrityError:
        raise items.Conflict(current=model.objects.get(conversation=conversation)) from None


def _evaluation_form(request, person_id, conversation_id, *, model, form_class, entry, template):
    writing = request.method == "POST"
    conversation, grant = entry(
        request,
        Conversation.objects.select_related("person", "created_by"),
        conversation_id,
        person_id=person_id,
        on_post=Action.UPDATE,
        object_type=model.audit_type,
    )
    existing = model.objects.filter(conversation=conversation).first()
    form = form_class(posted(request), instance=existing or model(conversation=conversation))
    conflict = False
    language_ask = gate.to_ask_about(request, form) if writing and form.is_valid() else {}
    if writing and form.is_valid() and not language_ask:
        try:
            _save_evaluation(request, conversation, model, form, existing, grant)
        except items.Conflict as saved:
            conflict = True
            data = request.POST.copy()
            data["version"] = saved.current.version
            form = form_class(data, instance=saved.current)
            messages.warning(
                request,
                "Svarene ble lagret fra et annet sted mens du skrev. Se over og lagre igjen – det du skrev, står her.",
            )
        else:
            messages.success(request, "Takk! Evalueringen er lagret.")
            return redirect("evaluations", person_id=conversation.person_id, conversation_id=conversation.pk)
    return render(
        request,
        template,
        {
            "person": conversation.person,
            "conversation": conversation,
            "form": form,
            "language_ask": language_ask,
            "nav": "plan",
        },
        status=409 if conflict else 200,
    )


@login_required
def person_evaluation(request, person_id, conversation_id):
    """The person's own form. Only the person themself fills it in."""
    return _evaluation_form(
        request,
        person_id,
        conversation_id,
        model=PersonEvaluation,
        form_class=PersonEvaluationForm,
        entry=access.object_for_self_only,
        template="conversations/person_evaluation.html",
    )


@login_required
def staff_evaluation(request, person_id, conversation_id):
    """The practitioner's own form (care relation only)."""
    return _evaluation_form(
        request,
        person_id,
        conversation_id,
        model=StaffEvaluation,
        form_class=StaffEvaluationForm,
        entry=access.object_for_care_relation_only,
        template="conversations/staff_evaluation.html",
    )


@login_required
@require_POST
def evaluation_link(request, person_id, conversation_id):
    conversation, grant = access.object_for_care_relation_only(
        request,
        Conversation.objects.select_related("person"),
        conversation_id,
        person_id=person_id,
        action=Action.CREATE,
        object_type=ObjectType.EVALUATION_LINK,
    )
    token, code = actions.make_link(conversation, actor=request.user, basis=grant.basis)
    # Shown once, in this response; only hashes are stored anywhere.
    link = request.build_absolute_uri(reverse("evaluation_by_link", args=[token]))
    return _render_evaluations(request, conversation, grant, new_link=link, short_code=code)
