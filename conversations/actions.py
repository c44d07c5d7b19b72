"""Changes to conversations beyond plain create/update (which go through plans.actions):
marking a question as used, ending a conversation with next steps that go into the plan,
and the person's evaluation by link. Every one writes its audit row."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from audit.log import record
from audit.models import Action, Basis
from audit.types import ObjectType
from conversations.models import Conversation, EvaluationLink, PersonEvaluation
from items import actions as items
from plans.models import Goal, Step


@transaction.atomic
def mark_question(conversation: Conversation, question_id: str, used: bool, *, actor, basis) -> Conversation:
    """Ticking a question off does not touch the version: it must never make the notes
    someone is typing at the same moment look stale."""
    locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
    questions = [q for q in locked.used_questions if q != question_id]
    if used:
        questions.append(question_id)
    Conversation.objects.filter(pk=locked.pk).update(used_questions=questions)
    items.audit(Action.UPDATE, locked, actor=actor, basis=basis)
    conversation.used_questions = questions
    return conversation


def steer(conversation: Conversation, *, actor, basis, phase=None, focus=None, situation=None) -> list[str]:
    """The conversation turns while it goes on: a new phase (a crisis, or back), focus or topic
    (None: unchanged). Each change is kept in the conversation's `turns`, in order, and audited.
    Like ticking a question off, it does not touch the version, so the notes someone is typing
    still save.

    A topic that was «bare for å finne spørsmål» stays unsaved: the new words choose the
    questions and are forgotten; crisis kinds found in them are added, never dropped.
    Returns the names of what changed."""
    offered = None
    if situation and not conversation.situation_saved:  # ranked before the row is locked
        from conversations.questions import offered_for

        offered = offered_for(
            situation,
            phase=conversation.phase if phase is None else phase,
            focus=conversation.focus if focus is None else focus,
        )
    with transaction.atomic():
        locked = Conversation.objects.select_for_update().get(pk=conversation.pk)
        fields = {
            what: value
            for what, value in (("phase", phase), ("focus", focus))
            if value is not None and value != getattr(locked, what)
        }
        changed = list(fields)
        if offered is not None:
            fields["offered_questions"] = offered["offered_questions"]
            fields["crisis_kinds"] = sorted(set(locked.crisis_kinds) | set(offered["crisis_kinds"]))
            changed.append("situation")
        elif situation is not None and locked.situation_saved and situation != locked.situation:
            fields["situation"] = situation
            changed.append("situation")
        elif changed and not locked.situation_saved:
            # the questions chosen by unsaved words belonged to the old phase or focus: the
            # bank's questions for the new one instead (the words themselves are gone)
            fields["offered_questions"] = []
        if not changed:
            return []
        at = timezone.now().isoformat(timespec="seconds")
        fields["turns"] = list(locked.turns) + [
            {"at": at, "what": what, "to": fields.get(what, "") if what != "situation" else ""} for what in changed
        ]
        Conversation.objects.filter(pk=locked.pk).update(**fields)
        for name, value in fields.items():
            setattr(conversation, name, value)
        items.audit(Action.UPDATE, conversation, actor=actor, basis=basis)
    return changed


DOUBLE_TAP = timedelta(seconds=30)


def start(person, *, actor, basis, phase: str, focus: str, situation: str, save_situation: bool = True) -> Conversation:
    """A new conversation – unless this user started the very same one seconds ago and has
    written nothing yet (a double tap on a slow connection): then that one.

    `save_situation=False` («bare for å finne spørsmål»): the situation chooses the questions
    now and is then forgotten – only the question ids and any crisis kinds are kept."""
    extra = {}
    if not save_situation and situation:
        from conversations.questions import offered_for

        extra = offered_for(situation, phase=phase, focus=focus)
        situation = ""
    conversation, _created = items.create_once(
        Conversation,
        person,
        actor=actor,
        basis=basis,
        window=DOUBLE_TAP,
        phase=phase,
        focus=focus,
        situation=situation,
        situation_saved=save_situation,
        notes="",
        ended=None,
        **extra,
    )
    return conversation


@transaction.atomic
def finish(
    conversation: Conversation, *, steps: list[str], goal: Goal | None, new_goal: str, follow_up_on, actor, basis
):
    """End the conversation; its next steps become micro-steps in the plan, in one go.
    Returns None if it had been ended already (a second send puts nothing in twice)."""
    if Conversation.objects.select_for_update().get(pk=conversation.pk).ended is not None:
        return None
    person = conversation.person
    made = []
    if steps:
        if goal is None:
            goal = items.create(Goal, person, actor=actor, basis=basis, text=new_goal)
        made = [items.create(Step, person, actor=actor, basis=basis, goal=goal, text=text) for text in steps]
        conversation.steps.add(*made)
    Conversation.objects.filter(pk=conversation.pk).update(
        ended=timezone.now(), follow_up_on=follow_up_on, updated_by=actor, updated=timezone.now()
    )
    conversation.refresh_from_db()
    items.audit(Action.UPDATE, conversation, actor=actor, basis=basis)
    return made


@transaction.atomic
def make_link(conversation: Conversation, *, actor, basis) -> tuple[str, str]:
    """(token, short code). A new link ends the unused ones made before it: only the newest works."""
    EvaluationLink.objects.filter(conversation=conversation, used__isnull=True, expires__gt=timezone.now()).update(
        expires=timezone.now()
    )
    link, token = EvaluationLink.create_for(conversation, created_by=actor)
    items.audit(Action.CREATE, link, actor=actor, basis=basis)
    return token, link.short_code


@transaction.atomic
def evaluate_by_link(link: EvaluationLink, fields: dict, *, request) -> PersonEvaluation | None:
    """The person's answers through their link. The link is used up; a second send (a double
    tap, a reload) finds it used and saves nothing twice. Returns None if it was used already."""
    locked = EvaluationLink.objects.select_for_update().get(pk=link.pk)
    if locked.used is not None or PersonEvaluation.objects.filter(conversation_id=link.conversation_id).exists():
        return None
    conversation = Conversation.objects.get(pk=link.conversation_id)
    evaluation = PersonEvaluation.objects.create(person_id=conversation.person_id, conversation=conversation, **fields)
    EvaluationLink.objects.filter(pk=link.pk).update(used=timezone.now())
    record(
        actor=request.user,
        action=Action.CREATE,
        object_type=ObjectType.PERSON_EVALUATION,
        object_id=evaluation.pk,
        person_id=conversation.person_id,
        basis=Basis.LINK,
        organisation_id=conversation.person.organisation_id,
    )
    return evaluation
