"""The person's plan (CHIME-samtale- og tiltaksplan): goals in their own words, small steps,
wins, the resource map, the network map, the crisis plan made in calm, and the week.

Everything here belongs to one person (`person`), is reached only through
people.access, and is changed only through plans/actions.py, which keeps the version
column (two people editing at once never silently overwrite each other) and writes
the audit row. Who wrote each entry, and when, is kept on the entry.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.types import ObjectType
from items.models import PersonItem
from people.models import Person


class GoalStatus(models.TextChoices):
    UNDERWAY = "underveis", _("Underveis")
    PAUSED = "pause", _("Tar en pause")
    REACHED = "naadd", _("Nådd")
    LET_GO = "lagt-bort", _("Lagt bort for nå")


class LifeArea(models.TextChoices):
    """The life areas of method 7 (seed 002); keys match content/data/guidance/livsomrader.toml."""

    WORK = "arbeid-utdanning", _("Arbeid og utdanning")
    RELATIONS = "relasjoner", _("Relasjoner")
    LEISURE = "fritid", _("Fritid")
    SLEEP = "sovn-dognrytme", _("Søvn og døgnrytme")
    SUBSTANCES = "rusmestring", _("Rusmestring")
    MONEY_HOUSING = "okonomi-bolig", _("Økonomi og bolig")
    HEALTH = "fysisk-helse", _("Fysisk helse")


class Goal(PersonItem):
    audit_type = ObjectType.GOAL

    text = models.TextField(_("målet med dine egne ord"))
    chime = models.JSONField(default=list, blank=True)  # optional CHIME element keys
    life_area = models.CharField(max_length=30, choices=LifeArea.choices, blank=True)
    supporters = models.TextField(_("hvem støtter"), blank=True)
    target_date = models.DateField(null=True, blank=True)
    evaluate_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=GoalStatus.choices, default=GoalStatus.UNDERWAY)
    evaluation = models.TextField(_("hvordan vet vi at dette fungerer for deg?"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "created"]
        indexes = [models.Index(fields=["person", "status"], name="plans_goal_person_status")]

    def __str__(self):
        return self.text[:60]

    @property
    def chime_names(self) -> list[str]:
        from content.catalogue import person_element_names

        names = person_element_names()  # the goal is the person's: their words, for staff too
        return [names.get(key, key) for key in self.chime]


class SubGoal(PersonItem):
    audit_type = ObjectType.SUBGOAL

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="subgoals")
    text = models.TextField(_("delmål"))
    done = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "created"]

    def __str__(self):
        return self.text[:60]


class Step(PersonItem):
    """A micro-step: small and realistic ("Hva er et lite, realistisk første steg?")."""

    audit_type = ObjectType.STEP

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="steps")
    subgoal = models.ForeignKey(SubGoal, null=True, blank=True, on_delete=models.SET_NULL, related_name="steps")
    text = models.TextField(_("steg"))
    helper = models.CharField(_("hvem hjelper"), max_length=200, blank=True)
    due = models.DateField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "created"]
        indexes = [models.Index(fields=["person", "done_at"], name="plans_step_person_done")]

    def __str__(self):
        return self.text[:60]


class Win(PersonItem):
    """A small win worth celebrating ("feire små seire") – from a finished step or on its own."""

    audit_type = ObjectType.WIN

    step = models.ForeignKey(Step, null=True, blank=True, on_delete=models.SET_NULL, related_name="wins")
    text = models.TextField(_("hva du fikk til"))

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["person", "-created"], name="plans_win_person_created")]

    def __str__(self):
        return self.text[:60]


class DayGoal(PersonItem):
    """What matters in the next 24 hours."""

    audit_type = ObjectType.DAY_GOAL

    text = models.TextField(_("det som er viktig nå"))
    for_date = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["for_date", "created"]
        indexes = [models.Index(fields=["person", "for_date"], name="plans_daygoal_person_date")]

    def __str__(self):
        return self.text[:60]


class ResourceCategory(models.TextChoices):
    """Resource mapping as a living tool (method 5, seed 002)."""

    STRENGTHS = "styrker", _("Styrker")
    INTERESTS = "interesser", _("Interesser og verdier")
    NETWORK = "nettverk", _("Nettverk")
    COPING = "mestring", _("Mestringsstrategier")


class ResourceEntry(PersonItem):
    audit_type = ObjectType.RESOURCE

    category = models.CharField(max_length=20, choices=ResourceCategory.choices)
    text = models.TextField()
    removed = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["category", "created"]
        indexes = [models.Index(fields=["person", "category"], name="plans_resource_person_cat")]

    def __str__(self):
        return self.text[:60]


class ResourceChange(models.Model):
    """Every change to the resource map is kept, so the person can see how it has grown."""

    class Kind(models.TextChoices):
        ADDED = "lagt-til", _("lagt til")
        CHANGED = "endret", _("endret")
        REMOVED = "tatt-bort", _("tatt bort")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey(ResourceEntry, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    category = models.CharField(max_length=20, choices=ResourceCategory.choices)
    text = models.TextField()
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["person", "at"], name="plans_reschange_person_at")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:40]}"


class Ring(models.TextChoices):
    CLOSE = "naer", _("Nær")
    MIDDLE = "midt", _("Midt imellom")
    OUTER = "ytre", _("Lenger unna")


class NetworkGroup(models.TextChoices):
    """The three groups of the network map (seed 004, «Nettverkskartlegging»)."""

    FAMILY_FRIENDS = "familie-venner", _("Familie og venner")
    HELPERS = "hjelpere", _("Profesjonelle hjelpere")
    COMMUNITIES = "fellesskap", _("Interessefellesskap")


class NetworkEntry(PersonItem):
    audit_type = ObjectType.NETWORK

    name = models.CharField(_("navn"), max_length=200)
    ring = models.CharField(max_length=10, choices=Ring.choices)
    group = models.CharField(max_length=20, choices=NetworkGroup.choices)
    note = models.TextField(_("hva betyr de for deg"), blank=True)
    contact = models.CharField(_("slik når du dem"), max_length=300, blank=True)

    class Meta:
        ordering = ["ring", "group", "name"]

    def __str__(self):
        return self.name


class SafetyPart(models.TextChoices):
    """The parts of the plan for hard days (plans/safety_plan.py holds their titles and order)."""

    WELL = "bra", _("Slik er jeg når jeg har det bra")
    DAILY = "hver-dag", _("Det jeg gjør hver dag for å ha det bra")
    TRIGGERS = "utlosere", _("Det som kan gjøre at jeg får det vanskelig")
    SIGNS = "varseltegn", _("Tegn på at det begynner å bli vanskelig")
    BREAKING_DOWN = "bryter-sammen", _("Når ting begynner å bryte sammen")
    MYSELF = "selv", _("Det jeg kan gjøre selv")
    DISTRACTION = "avledning", _("Folk og steder som får tankene over på noe annet")
    HELP = "hjelp", _("Hvem jeg kan spørre om hjelp")
    PROFESSIONALS = "fagfolk", _("Fagfolk og tjenester jeg kan kontakte")
    SAFER = "tryggere", _("Slik gjør jeg det tryggere rundt meg")
    REASONS = "verdt-a-leve", _("Det som gjør livet verdt å leve for meg")
    MEET_ME = "motes", _("Slik vil jeg bli møtt")
    NOT_HELPING = "hjelper-ikke", _("Dette hjelper ikke")
    AFTER = "etter", _("Etter en krise: det trenger jeg da")


class ContactGroup(models.TextChoices):
    HELP = "hjelp", _("Hvem jeg kan spørre om hjelp")
    DISTRACTION = "avledning", _("Folk og steder som får tankene over på noe annet")
    PROFESSIONAL = "fagfolk", _("Fagfolk og tjenester")


class CrisisPlan(PersonItem):
    """Made in calm, for the hard days: a full safety plan (sikkerhetsplan and WRAP) in the
    person's own words. Its text parts are `CrisisPlanPart` rows, each versioned on its own
    so two people writing different parts at once never conflict."""

    audit_type = ObjectType.CRISIS_PLAN

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="crisis_plan")
    part_order = models.JSONField(default=list, blank=True)  # SafetyPart keys in the person's order

    def __str__(self):
        return f"Kriseplan for {self.person}"


class CrisisPlanPart(PersonItem):
    audit_type = ObjectType.CRISIS_PLAN_PART

    plan = models.ForeignKey(CrisisPlan, on_delete=models.CASCADE, related_name="parts")
    key = models.CharField(max_length=20, choices=SafetyPart.choices)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "key"], name="crisis_plan_part_once")]

    def __str__(self):
        return f"{self.get_key_display()}: {self.text[:40]}"


class WarningSign(PersonItem):
    audit_type = ObjectType.WARNING_SIGN

    plan = models.ForeignKey(CrisisPlan, on_delete=models.CASCADE, related_name="signs")
    sign = models.TextField(_("tegn på at det begynner å bli vanskelig"))
    what_to_do = models.TextField(_("dette gjør jeg, eller dette kan andre gjøre"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "created"]

    def __str__(self):
        return self.sign[:60]


class CrisisContact(PersonItem):
    audit_type = ObjectType.CRISIS_CONTACT

    plan = models.ForeignKey(CrisisPlan, on_delete=models.CASCADE, related_name="contacts")
    network_entry = models.ForeignKey(NetworkEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    group = models.CharField(max_length=20, choices=ContactGroup.choices, default=ContactGroup.HELP)
    name = models.CharField(_("hvem"), max_length=200)
    how_to_reach = models.CharField(_("slik når du dem"), max_length=300, blank=True)
    can_help_with = models.TextField(_("det de kan hjelpe med"), blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "created"]

    def __str__(self):
        return self.name


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Mandag")
    TUESDAY = 1, _("Tirsdag")
    WEDNESDAY = 2, _("Onsdag")
    THURSDAY = 3, _("Torsdag")
    FRIDAY = 4, _("Fredag")
    SATURDAY = 5, _("Lørdag")
    SUNDAY = 6, _("Søndag")


class DayPart(models.IntegerChoices):
    MORNING = 0, _("Morgen")
    DAY = 1, _("Dag")
    EVENING = 2, _("Kveld")


class WeekActivity(PersonItem):
    """An activity, routine or rhythm in the simple visual week (ukeplan)."""

    audit_type = ObjectType.WEEK

    class Kind(models.TextChoices):
        ACTIVITY = "aktivitet", _("Aktivitet")
        ROUTINE = "rutine", _("Rutine")
        RHYTHM = "rytme", _("Rytme")

    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    part = models.PositiveSmallIntegerField(choices=DayPart.choices)
    text = models.CharField(_("hva"), max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.ACTIVITY)
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL, related_name="week_activities")

    class Meta:
        ordering = ["weekday", "part", "created"]

    def __str__(self):
        return self.text[:60]
