"""The seeds' texts the journal is built from, read from the content database (loaded by
`migrate` from content/data/guidance/*.toml), cached per process and refreshed when the
content fingerprint changes.

- the weekly reflection questions of seed 001 ("refleksjon-hverdagsliv") and seed 002
  ("refleksjon-praksis", with its intro and closing quote);
- the ten methods of seed 002 ("ti-metoder", the items keyed metode-1 … metode-10; the
  collection's two extra boxes on trauma-aware practice and positive risk are not methods);
- the motivation killers of seed 000 ("motivasjonsdrepere") and its motivating sentences
  ("motiverende-setninger"), offered as something to say instead.
"""

import re
from dataclasses import dataclass, field

from content.catalogue import cached_by_fingerprint
from content.models import GuidanceCollection, GuidanceItem

EVERYDAY = "refleksjon-hverdagsliv"
PRACTICE = "refleksjon-praksis"
METHODS = "ti-metoder"
KILLERS = "motivasjonsdrepere"
SENTENCES = "motiverende-setninger"
QUESTION_SETS = (EVERYDAY, PRACTICE)
SLUGS = (EVERYDAY, PRACTICE, METHODS, KILLERS, SENTENCES)
HEADINGS = {EVERYDAY: "Spørsmål om uka", PRACTICE: "Ærlige spørsmål om praksis"}
METHOD_KEY = re.compile(r"^metode-(\d+)$")


@dataclass(frozen=True)
class QuestionSet:
    collection: GuidanceCollection | None
    items: tuple  # GuidanceItem, in the seed's order

    @property
    def slug(self) -> str:
        return self.collection.slug if self.collection else ""

    @property
    def heading(self) -> str:
        return HEADINGS.get(self.slug, self.collection.title if self.collection else "")


@dataclass(frozen=True)
class JournalGuidance:
    fingerprint: str
    question_sets: tuple  # QuestionSet for seed 001, then seed 002
    methods: tuple  # the ten methods, GuidanceItem
    killers: QuestionSet
    sentences: QuestionSet
    method_by_key: dict = field(default_factory=dict)

    def method(self, key: str):
        return self.method_by_key.get(key)


def _load(fingerprint: str) -> JournalGuidance:
    collections = {c.slug: c for c in GuidanceCollection.objects.filter(slug__in=SLUGS)}
    items: dict[str, list] = {slug: [] for slug in SLUGS}
    for item in GuidanceItem.objects.filter(collection_id__in=SLUGS).order_by("order", "pk"):
        items[item.collection_id].append(item)
    methods = tuple(
        sorted((i for i in items[METHODS] if METHOD_KEY.match(i.key)), key=lambda i: int(METHOD_KEY.match(i.key)[1]))
    )

    def question_set(slug):
        return QuestionSet(collections.get(slug), tuple(items[slug]))

    return JournalGuidance(
        fingerprint=fingerprint,
        question_sets=tuple(question_set(slug) for slug in QUESTION_SETS),
        methods=methods,
        killers=question_set(KILLERS),
        sentences=question_set(SENTENCES),
        method_by_key={m.key: m for m in methods},
    )


journal_guidance = cached_by_fingerprint(_load)
