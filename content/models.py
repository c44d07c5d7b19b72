"""The question bank and guidance, loaded from the reviewed data files in content/data/.

The files are the source of truth: `migrate` (post_migrate) syncs them into these
tables by their stable keys, so favourites and links survive a reload.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Element(models.Model):
    """One of the five CHIME elements."""

    key = models.SlugField(primary_key=True)  # connectedness, hope, identity, meaning, empowerment
    code = models.CharField(max_length=1, unique=True)  # C, H, I, M, E — prefix of question ids
    name = models.CharField(max_length=50)  # "Connectedness"
    name_nb = models.CharField(max_length=50)  # "Tilhørighet"
    heading = models.CharField(max_length=200)
    intro = models.TextField(blank=True)
    purposes_title = models.CharField(max_length=200, blank=True)
    purposes = models.JSONField(default=list)
    bank_title = models.CharField(max_length=200, blank=True)
    guidance_column = models.CharField(max_length=200, blank=True)
    key_principles_title = models.CharField(max_length=200, blank=True)
    key_principles = models.JSONField(default=list)
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return f"{self.name} ({self.name_nb})"


class Phase(models.Model):
    """A conversation phase used to filter questions and guidance."""

    key = models.SlugField(primary_key=True)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.name


class Situation(models.Model):
    """A situation a practitioner may meet, with the words that usually describe it."""

    key = models.SlugField(primary_key=True)
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    triggers = models.JSONField(default=list)
    examples = models.JSONField(default=list)  # example descriptions the ranking learns from
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.name


class PhaseGuidance(models.Model):
    """One row of an element's "Veiledning for bruk" table."""

    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="guidance")
    label = models.CharField(max_length=200)  # the seed's own phase label
    text = models.TextField()
    phases = models.ManyToManyField(Phase, related_name="guidance")
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["element__order", "order"]
        constraints = [models.UniqueConstraint(fields=["element", "order"], name="unique_guidance_row")]

    def __str__(self):
        return f"{self.element.name}: {self.label}"


class Theme(models.Model):
    key = models.CharField(primary_key=True, max_length=10)  # "C1", "H3"
    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveSmallIntegerField(null=True, blank=True)  # the seed numbers some banks' themes
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    when_relevant = models.TextField()
    phases = models.ManyToManyField(Phase, related_name="themes")
    situations = models.ManyToManyField(Situation, related_name="themes", through="ThemeSituation")
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["element__order", "order"]

    def __str__(self):
        return self.name


class ThemeSituation(models.Model):
    """A theme's situations keep the file's order: the first fits best."""

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE)
    situation = models.ForeignKey(Situation, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["theme", "situation"], name="unique_theme_situation")]

    def __str__(self):
        return f"{self.theme_id} – {self.situation_id}"


class Question(models.Model):
    id = models.CharField(primary_key=True, max_length=12)  # "C1.1": element, theme, number
    element = models.ForeignKey(Element, on_delete=models.CASCADE, related_name="questions")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["element__order", "theme__order", "order"]

    def __str__(self):
        return f"{self.id} {self.text}"


SEED_TITLES = {
    "000": "Hvordan motivere mennesker i recovery",
    "001": "Recoveryorientert praksis i hverdagslivet",
    "002": "10 praktiske metoder for recovery-orientert praksis",
    "003": "Den motiverende samtale – MI",
    "004": "CHIME-spørsmålsbank og CHIME-samtale- og tiltaksplan",
}


class GuidanceCollection(models.Model):
    """A collection of guidance from the seeds: principles, methods, MI core, …"""

    slug = models.SlugField(primary_key=True, max_length=100)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    sources = models.JSONField(default=list)
    intro = models.TextField(blank=True)
    outro = models.TextField(blank=True)
    examples_label = models.CharField(max_length=200, blank=True)  # e.g. marks sentences to avoid
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["order"]

    def __str__(self):
        return self.title

    @property
    def source_titles(self) -> list[str]:
        return [SEED_TITLES.get(s, s) for s in self.sources]


class GuidanceItem(models.Model):
    collection = models.ForeignKey(GuidanceCollection, on_delete=models.CASCADE, related_name="items")
    key = models.SlugField(max_length=100)
    group = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=300, blank=True)
    chime = models.ForeignKey(Element, null=True, blank=True, on_delete=models.SET_NULL)
    text = models.TextField(blank=True)
    examples = models.JSONField(default=list)
    points = models.JSONField(default=list)  # [{"title", "text", "examples"}]
    reflection = models.TextField(blank=True)
    url = models.URLField(blank=True)
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["collection__order", "order"]
        constraints = [models.UniqueConstraint(fields=["collection", "key"], name="unique_guidance_item_key")]

    def __str__(self):
        return self.title or self.key

    @property
    def shown_examples(self) -> list[str]:
        """Examples not already quoted in the text, so the page shows each quote once."""
        return [e for e in self.examples if f"«{e}»" not in self.text]

    @property
    def shown_points(self) -> list[dict]:
        return [
            {**p, "examples": [e for e in p.get("examples", []) if f"«{e}»" not in p.get("text", "")]}
            for p in self.points
        ]


class Favourite(models.Model):
    """A question a practitioner keeps close at hand."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="favourited_by")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("favoritt")
        constraints = [models.UniqueConstraint(fields=["user", "question"], name="unique_favourite")]
        ordering = ["-created"]

    def __str__(self):
        return f"{self.user} ★ {self.question_id}"


class ContentState(models.Model):
    """Fingerprint of the loaded content files; lets `migrate` skip an unchanged reload
    and lets every process notice new content (caches key on it)."""

    fingerprint = models.CharField(max_length=64)
    loaded_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return self.fingerprint[:12]
