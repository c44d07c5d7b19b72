"""Conversations held with a person, and what both of them thought of each one afterwards.

A conversation starts as a draft ("pågår"): notes are saved as they are written, so a
walk-and-talk on a phone loses nothing when the connection drops. It ends with next steps
that go straight into the plan as micro-steps. After it, the person and the practitioner
each fill in their own short evaluation (seed 004, «Evalueringsskjema etter samtale»); the
two are shown side by side.

Everything here is the person's data: reached through people.access, changed through
plans.actions (versioned, audited).
"""

import hashlib
from datetime import timedelta

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import OneTimeLink
from audit.types import ObjectType
from items.models import PersonItem
from people.models import Person
from plans.models import Step


class MotivationStage(models.TextChoices):
    """The motivation circle of seed 000; keys match content/data/guidance/motivasjonssirkelen.toml."""

    SAFETY = "trygging", _("Trygging")
    EXPLORING = "utforsking", _("Utforsking")
    ANCHORING = "forankring", _("Forankring")
    ACTION = "handling", _("Handling")
    INTEGRATION = "integrering", _("Integrering")
    RELAPSE = "tilbakefall", _("Tilbakefall som læring")


class Conversation(PersonItem):
    audit_type = ObjectType.CONVERSATION

    held_on = models.DateField(default=timezone.localdate)
    phase = models.CharField(max_length=50, blank=True)  # content.Phase key
    focus = models.CharField(max_length=20, blank=True)  # CHIME element key; empty: the person leads
    situation = models.TextField(blank=True)  # the person reads it, as «Det vi ville snakke om»
    # «Bare for å finne spørsmål»: the situation steered the suggestions at the start and was
    # not saved at all; only which questions it brought (ids) and whether it held crisis words (kinds).
    situation_saved = models.BooleanField(default=True)
    offered_questions = models.JSONField(default=list, blank=True)
    crisis_kinds = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    stage = models.CharField(max_length=20, choices=MotivationStage.choices, blank=True)
    used_questions = models.JSONField(default=list, blank=True)  # question ids, in the order they were used
    # How the conversation turned while it went on, in order: {"at": ISO time, "what": "phase" |
    # "focus" | "situation", "to": the new key ("" for a situation: its words are in `situation`,
    # or were never kept)}. The person reads it on their conversation, like everything here.
    turns = models.JSONField(default=list, blank=True)
    follow_up_on = models.DateField(null=True, blank=True)
    ended = models.DateTimeField(null=True, blank=True)
    steps = models.ManyToManyField(Step, blank=True, related_name="+")  # next steps made in this conversation

    class Meta:
        ordering = ["-held_on", "-created"]
        indexes = [models.Index(fields=["person", "-held_on"], name="conv_person_held")]

    def __str__(self):
        return f"Samtale {self.held_on:%d.%m.%Y}"

    @property
    def underway(self) -> bool:
        return self.ended is None


SCALE = [MinValueValidator(1), MaxValueValidator(5)]


class PersonEvaluation(PersonItem):
    """The person's own form: filled in on their phone, by login or by a link."""

    audit_type = ObjectType.PERSON_EVALUATION

    conversation = models.OneToOneField(Conversation, on_delete=models.CASCADE, related_name="person_evaluation")
    heard = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    elements = models.JSONField(default=list, blank=True)  # CHIME element keys that felt most relevant
    takeaway = models.TextField(blank=True)
    next_steps = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(heard__gte=1, heard__lte=5), name="person_eval_heard_1_5")
        ]


class StaffEvaluation(PersonItem):
    """The practitioner's own look back at the conversation. The person can read it."""

    audit_type = ObjectType.STAFF_EVALUATION

    conversation = models.OneToOneField(Conversation, on_delete=models.CASCADE, related_name="staff_evaluation")
    listening = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    resources = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    strengths_based = models.PositiveSmallIntegerField(null=True, blank=True, validators=SCALE)
    elements = models.JSONField(default=list, blank=True)  # CHIME areas the practitioner thinks mattered most
    follow_up = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(listening__gte=1, listening__lte=5)
                & models.Q(resources__gte=1, resources__lte=5)
                & models.Q(strengths_based__gte=1, strengths_based__lte=5),
                name="staff_eval_scales_1_5",
            )
        ]


LINK_LIFETIME = timedelta(days=14)


class EvaluationLink(OneTimeLink):
    """A one-time link to the person's evaluation form, for a person without a login
    (or without it at hand). Only a hash of the token is stored."""

    audit_type = ObjectType.EVALUATION_LINK
    code_kind = "evaluation"
    opened_by = "conversations.links.evaluation_with"

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="links")
    short_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)  # the code to type instead

    def __str__(self):
        return f"Evalueringslenke {self.created:%d.%m.%Y}"

    @staticmethod
    def hash(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @staticmethod
    def short_hash_of(code: str) -> str:
        """Keyed with the server's secret, as every short code is (accounts.models.short_code_hash)."""
        from accounts.models import short_code_hash

        return short_code_hash(code)

    @classmethod
    def find_short(cls, code: str):
        """The usable link a typed code stands for, or None: not used, not expired, and the person
        has not already answered for this conversation another way (signed in)."""
        from accounts.models import find_by_short_code

        return find_by_short_code(cls.objects.filter(conversation__person_evaluation__isnull=True), code)

    valid_for = LINK_LIFETIME

    @classmethod
    def create_for(cls, conversation, *, created_by) -> tuple["EvaluationLink", str]:
        return cls.issue(person_id=conversation.person_id, conversation=conversation, created_by=created_by)

    @property
    def expired(self) -> bool:
        return self.expires <= timezone.now()


def evaluations_waiting_for(person, *, days=30, limit=3):
    """Ended conversations of the last `days` days the person has not said anything about yet."""
    since = timezone.localdate() - timedelta(days=days)
    return list(
        Conversation.objects.filter(
            person=person, ended__isnull=False, held_on__gte=since, person_evaluation=None
        ).order_by("-held_on")[:limit]
    )
