"""Conversation mode and the evaluations after it. Every view gets the person or the
conversation through people.access; changes go through plans.actions / conversations.actions.
The one exception is the person's evaluation by link, which has no login: the link itself
is the key, checked in `_link_for` and audited."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from audit.models import Action
from audit.types import ObjectType
from content.catalogue import cached_by_fingerprint, catalogue, person_element_names
from content.models import GuidanceItem
from conversations import actions, evaluation_numbers, questions
from conversations.forms import (
    LET_THE_PERSON_LEAD,
    SHARED,
    NextStepsForm,
    NotesForm,
    StartForm,
    SteerForm,
)
from conversations.lookup import conversation_for
from conversations.models import (
    Conversation,
    MotivationStage,
)
from crisis.support import CRISIS_PHASE, card_for
from items import actions as items
from items import conflicts, pages
from items.forms import sent_version
from language import gate
from language.checking import findings_for_fields
from medvandrer.forms import posted
from people import access

RECENT_FOR_TREND = 12


@login_required
def conversation_list(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.CONVERSATION)
    conversations = list(
        Conversation.objects.filter(person=person)
        .select_related("created_by", "person_evaluation", "staff_evaluation")
        .defer("notes", "situation")  # the list shows dates and stages, not the texts
    )
    evaluated = [
        c
        for c in conversations
        if evaluation_numbers.evaluation_of(c, "person_evaluation")
        or evaluation_numbers.evaluation_of(c, "staff_evaluation")
    ]
    return render(
        request,
        "conversations/list.html",
        {
            "person": person,
            "access": grant,
            "underway": [c for c in conversations if c.underway],
            "ended": [c for c in conversations if not c.underway],
            "trend": evaluation_numbers.evaluation_trend(
                list(reversed(evaluated[:RECENT_FOR_TREND])), for_person=grant.is_self
            ),
            "nav": "plan",
        },
    )


@login_required
def conversation_new(request, person_id):
    writing = request.method == "POST"
    person, grant = access.person_for_edit(request, person_id, ObjectType.CONVERSATION, on_post=Action.CREATE)
    form = StartForm(posted(request), for_person=grant.is_self)
    valid = writing and form.is_valid()
    saved = valid and form.cleaned_data["situation_use"] == SHARED
    language_ask = gate.to_ask_about(request, form, ["situation"]) if saved else {}
    if valid and not language_ask:
        data = form.cleaned_data
        conversation = actions.start(
            person,
            actor=request.user,
            basis=grant.basis,
            phase=data["phase"],
            focus=data["focus"],
            situation=data["situation"],
            save_situation=saved,
        )
        return redirect("conversation", person_id=person.pk, conversation_id=conversation.pk)
    return render(
        request, "conversations/new.html", {"person": person, "form": form, "language_ask": language_ask, "nav": "plan"}
    )


# The person's own page explains each stage in plain words (ours); staff see the seed's short notes.
STAGES_FOR_PERSON = {
    MotivationStage.SAFETY: "å kjenne seg trygg nok til å snakke om det",
    MotivationStage.EXPLORING: "å finne ut hva som er viktig for deg",
    MotivationStage.ANCHORING: "å knytte det til det du bryr deg om",
    MotivationStage.ACTION: "å prøve små steg",
    MotivationStage.INTEGRATION: "at det nye blir en del av hverdagen",
    MotivationStage.RELAPSE: "å falle tilbake og lære av det – det hører med",
}


@dataclass(frozen=True)
class _StageNotes:
    fingerprint: str
    texts: dict


_stage_notes = cached_by_fingerprint(
    lambda fingerprint: _StageNotes(
        fingerprint,
        dict(GuidanceItem.objects.filter(collection_id="motivasjonssirkelen").values_list("key", "text")),
    )
)


def _stages(for_person: bool):
    texts = STAGES_FOR_PERSON if for_person else _stage_notes().texts
    return [(key, label, texts.get(key, "")) for key, label in MotivationStage.choices]


@login_required
def conversation(request, person_id, conversation_id):
    """Conversation mode: questions, notes, the motivation circle. A POST saves the notes
    (the autosave posts here too, with htmx, and gets a small status back)."""
    writing = request.method == "POST"
    conversation, grant = conversation_for(
        request, person_id, conversation_id, entry=access.object_for_page, on_post=Action.UPDATE
    )
    person = conversation.person
    form = NotesForm(posted(request), instance=conversation, for_person=grant.is_self)
    if writing and form.is_valid():
        try:
            items.update(
                conversation,
                sent_version(form),
                actor=request.user,
                basis=grant.basis,
                notes=form.cleaned_data["notes"],
                stage=form.cleaned_data["stage"],
            )
        except items.Conflict as conflict:
            return _notes_conflict(request, conversation, form, conflict.current, grant)
        if request.htmx:
            # Crisis words just typed bring the safety card and grounded questions in beside
            # the notes (out of band), without touching the field being typed in.
            context = {"conversation": conversation, "person": person, "access": grant}
            context |= _crisis_context(request, conversation, grant)
            response = render(request, "conversations/_saved.html", context)
            response["HX-Trigger"] = "notes-saved"  # the page may now forget its draft
            return response
        messages.success(request, "Notatene er lagret.")
        # Without JavaScript the language check comes after saving, on the page it returns to.
        return redirect(reverse("conversation", args=[person.pk, conversation.pk]) + "?sjekk=1#notes-heading")
    if writing and request.htmx:
        return render(request, "conversations/_saved.html", {"form": form, "conversation": conversation}, status=400)
    return _conversation_page(request, conversation, grant, form=form)


def _conversation_page(request, conversation, grant, *, form=None, steer_form=None, language_ask=None, status=200):
    content = catalogue()
    return render(
        request,
        "conversations/conversation.html",
        {
            "person": conversation.person,
            "conversation": conversation,
            "access": grant,
            "form": form or NotesForm(instance=conversation, for_person=grant.is_self),
            "steer_form": steer_form or SteerForm(conversation=conversation),
            "language_ask": language_ask or {},
            "used": questions.used(conversation),
            "stages": _stages(grant.is_self),
            "phase_name": dict(content.phases).get(conversation.phase, ""),
            "focus_name": _element_names(grant.is_self).get(conversation.focus, ""),
            "turns": _turns(conversation, for_person=grant.is_self),
            "steps": list(conversation.steps.select_related("goal")),
            **_crisis_context(request, conversation, grant),
            "language": findings_for_fields(request.user, {"Notatene": conversation.notes})
            if request.GET.get("sjekk")
            else {},
            "nav": "plan",
        },
        status=status,
    )


def _element_names(for_person: bool) -> dict:
    """The CHIME elements by key, in the person's words on their own pages («Å bestemme selv»)."""
    return person_element_names() if for_person else catalogue().element_names


def _turns(conversation, *, for_person: bool) -> list[dict]:
    """The record of how the conversation turned, in words: «Fase: Krise», «Fokus: Håp»."""
    names = {"phase": dict(catalogue().phases), "focus": _element_names(for_person)}
    said = []
    for turn in conversation.turns:
        when = datetime.fromisoformat(turn["at"])
        if turn["what"] == "situation":
            text = "Det vi vil snakke om ble endret" if conversation.situation_saved else "Nye ord for å finne spørsmål"
        elif turn["what"] == "phase":
            text = f"Fase: {names['phase'].get(turn['to']) or 'Ikke valgt'}"
        else:
            text = f"Fokus: {names['focus'].get(turn['to']) or LET_THE_PERSON_LEAD}"
        said.append({"at": timezone.localtime(when), "text": text})
    return said


def _crisis_context(request, conversation, grant) -> dict:
    """The safety card and the questions on offer, for staff (the person's own words are never
    checked): the phase «krise», or crisis words in the situation or the notes, bring the card."""
    if grant.is_self:
        return {"card": None, "suggested": []}
    card = card_for(
        [conversation.situation, conversation.notes],
        phase=conversation.phase,
        organisation_id=request.user.organisation_id,
        plan_url=reverse("crisis_plan", args=[conversation.person_id]),
        known_kinds=conversation.crisis_kinds,
    )
    suggested = questions.suggested(conversation) if conversation.underway else []
    return {"card": card, "suggested": [(q, q.id in conversation.used_questions) for q in suggested]}


def _notes_conflict(request, conversation, form, current, grant):
    return pages.conflict_page(
        request,
        person=current.person,
        typed=form,
        current=current,
        names=["notes", "stage"],
        retry_with=lambda saved: NotesForm(
            conflicts.retry_data(request, saved), instance=saved, for_person=grant.is_self
        ),
        what="notatene",
        action=reverse("conversation", args=[current.person_id, current.pk]),
        back=reverse("conversation", args=[current.person_id, current.pk]),
        # htmx (the autosave) gets a message beside the notes, not a page
        template="conversations/_conflict.html" if request.htmx else "items/conflict.html",
        context={"conversation": current},
    )


@login_required
@require_POST
def steer(request, person_id, conversation_id):
    """«Det har blitt en krise» (one tap), or a new phase, focus or topic while the conversation
    goes on: the questions follow, and each change is kept in the conversation's record. Staff
    with a care relation only: the person has «Jeg har det vanskelig nå» on every page."""
    conversation, grant = conversation_for(
        request, person_id, conversation_id, entry=access.object_for_care_relation_only, action=Action.UPDATE
    )
    back = redirect("conversation", person_id=conversation.person_id, conversation_id=conversation.pk)
    if not conversation.underway:
        messages.error(
            request, "Samtalen er avsluttet, så den blir som den var. Start en ny samtale om dere trenger det."
        )
        return back
    form = SteerForm(request.POST, conversation=conversation)
    if not form.is_valid():
        # the page again, with what was typed and what is wrong, the choices open
        return _conversation_page(request, conversation, grant, steer_form=form, status=400)
    if conversation.situation_saved and (language_ask := gate.to_ask_about(request, form, ["situation"])):
        return _conversation_page(request, conversation, grant, steer_form=form, language_ask=language_ask)
    changed = actions.steer(conversation, actor=request.user, basis=grant.basis, **form.changes())
    if "phase" in changed and conversation.phase == CRISIS_PHASE:
        messages.success(request, "Fasen er nå «Krise». Kortet med hjelp og trygge spørsmål står ved notatene.")
        # straight to the card: on a phone it is below the notes
        return redirect(reverse("conversation", args=[conversation.person_id, conversation.pk]) + "#krisekort")
    if changed:
        messages.success(request, "Spørsmålene er oppdatert etter det dere endret.")
    else:
        messages.info(request, "Ingenting ble endret.")
    return back


@login_required
@require_POST
def mark_question(request, person_id, conversation_id):
    conversation, grant = conversation_for(
        request, person_id, conversation_id, entry=access.object_for_page, on_post=Action.UPDATE
    )
    question_id = request.POST.get("question", "")
    if question_id not in catalogue().questions_by_id:
        messages.error(request, "Fant ikke spørsmålet. Prøv igjen.")
        return redirect("conversation", person_id=conversation.person_id, conversation_id=conversation.pk)
    used = request.POST.get("used") == "1"
    actions.mark_question(conversation, question_id, used, actor=request.user, basis=grant.basis)
    if request.htmx:
        # The card keeps why it was suggested; the list of used questions further down follows along.
        offered = next((q for q in questions.suggested(conversation) if q.id == question_id), None)
        context = {
            "conversation": conversation,
            "question": offered or questions.one(question_id),
            "is_used": used,
            "used": questions.used(conversation),
            "out_of_band": True,
        }
        return render(request, "conversations/_marked.html", context)
    return redirect(
        reverse("conversation", args=[conversation.person_id, conversation.pk]) + f"#sporsmal-{question_id}"
    )


@login_required
def finish(request, person_id, conversation_id):
    writing = request.method == "POST"
    conversation, grant = conversation_for(request, person_id, conversation_id, entry=access.object_for_edit)
    person = conversation.person
    form = NextStepsForm(posted(request), person=person, initial={"follow_up_on": conversation.follow_up_on})
    if writing and form.is_valid():
        data = form.cleaned_data
        made = actions.finish(
            conversation,
            steps=form.steps(),
            goal=data["goal"],
            new_goal=data["new_goal"],
            follow_up_on=data["follow_up_on"],
            actor=request.user,
            basis=grant.basis,
        )
        if made is None:
            messages.info(request, "Samtalen var allerede avsluttet. Ingenting er lagt inn to ganger.")
        elif made:
            messages.success(request, f"Samtalen er avsluttet. {len(made)} steg er lagt inn i planen.")
        else:
            messages.success(request, "Samtalen er avsluttet.")
        if request.user.is_person:
            return redirect("person_evaluation", person_id=person.pk, conversation_id=conversation.pk)
        return redirect("evaluations", person_id=person.pk, conversation_id=conversation.pk)
    return render(
        request,
        "conversations/finish.html",
        {"person": person, "conversation": conversation, "form": form, "nav": "plan"},
    )
