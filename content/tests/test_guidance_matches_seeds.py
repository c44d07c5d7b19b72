"""The guidance collections hold seeds 000–003 and the plan part of 004, complete and verbatim.

Both directions are checked at word level, whatever the slide layout did:
every line of the seeds appears in the loaded guidance, and every sentence of the
guidance (except our own one-line summaries) appears in the seeds.
"""

import re
from pathlib import Path

import pytest

from content.models import GuidanceCollection, GuidanceItem

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

# Slide furniture: labels for empty note boxes, numbering, headings repeated as CHIME tags.
FURNITURE = {
    "hvordan motivere mennesker i recovery",  # the document's own title
    "rom for egne notater",
    "notater",
    "øvelse",
    "mine ressurser",
    "plass til egne notater",
    "lenker til nettsider",
    "kjerneteknikker",
    "praksis",
    "chime planen kan enkelt integreres med",
}
# Headings we wrote ourselves where the seed has none.
OUR_TITLES = {"prioritering av de tre kildene", "chime modellen"}


def words(text: str) -> list[str]:
    text = text.replace("³", " → ")
    return re.findall(r"[0-9a-zæøåéèü&%→]+", text.lower())


def seed_texts() -> dict[str, str]:
    texts = {}
    for path in sorted(SEEDS.glob("00*.txt")):
        text = path.read_text(encoding="utf-8")
        if path.name.startswith("004"):
            text = text[text.index("CHIME-samtale- og tiltaksplan\nEt strukturert") :]
        text = re.sub(r"(?<=\S) 3(?= |\n|$)", " –", text)
        text = re.sub(r"(?m)^3 (?=\S)", "– ", text)
        texts[path.name[:3]] = text
    return texts


def seed_lines(text: str) -> list[list[str]]:
    """Each line's words, numbering dropped; a line holding two quotes counts as two."""
    result = []
    for line in text.split("\n"):
        line = re.sub(r"^\s*(\d+[.:)]?|0\d)\s*", "", line)
        line = re.sub(r"\s–\s*Sitat fra\s*$", "", line)
        for part in re.split(r'"\s+"', line):
            found = words(part)
            if found and " ".join(found) not in FURNITURE and not re.fullmatch(r"chime \w+", " ".join(found)):
                result.append(found)
    return result


def guidance_strings() -> list[str]:
    strings = []
    for collection in GuidanceCollection.objects.all():
        strings += [collection.title, collection.intro, collection.outro]
    for item in GuidanceItem.objects.all():
        strings += [item.group, item.title, item.text, item.reflection, item.url, *item.examples]
        for point in item.points:
            strings += [point.get("title", ""), point.get("text", ""), *point.get("examples", [])]
    return [s for s in strings if s]


@pytest.fixture(scope="module")
def seeds():
    return seed_texts()


@pytest.mark.django_db
def test_every_seed_line_is_in_the_guidance(seeds):
    corpus = " " + " ".join(" ".join(words(s)) for s in guidance_strings()) + " "
    missing = [
        (seed, " ".join(line))
        for seed, text in seeds.items()
        for line in seed_lines(text)
        if f" {' '.join(line)} " not in corpus
    ]
    assert missing == []


@pytest.mark.django_db
def test_every_guidance_sentence_comes_from_the_seeds(seeds):
    corpus = " " + " ".join(" ".join(words(t)) for t in seeds.values()) + " "
    invented = []
    for text in guidance_strings():
        for sentence in re.split(r"(?<=[.?!:])\s+|\n\n", text):
            found = " ".join(words(sentence))
            if found and found not in OUR_TITLES and f" {found} " not in corpus:
                invented.append(sentence)
    assert invented == []


def keys(slug: str) -> list[str]:
    return list(GuidanceItem.objects.filter(collection_id=slug).order_by("order").values_list("key", flat=True))


@pytest.mark.django_db
def test_the_collections_the_product_links_to_are_complete():
    assert keys("motivasjonssirkelen") == [
        "trygging",
        "utforsking",
        "forankring",
        "handling",
        "integrering",
        "tilbakefall",
    ]
    assert [k for k in keys("ti-metoder") if k.startswith("metode-")] == [f"metode-{i}" for i in range(1, 11)]
    assert keys("livsomrader") == [
        "arbeid-utdanning",
        "relasjoner",
        "fritid",
        "sovn-dognrytme",
        "rusmestring",
        "okonomi-bolig",
        "fysisk-helse",
    ]
    assert keys("helhetlige-dimensjoner") == ["fysisk", "psykisk", "sosial", "eksistensiell", "praktisk"]
    assert keys("ambivalenskorset") == ["fordeler-saken", "ulemper-saken", "fordeler-forandring", "ulemper-forandring"]
    assert len(keys("sju-prinsipper")) == 7
    assert len(keys("huskeregler")) == 7
    assert keys("refleksjon-hverdagsliv") == [f"refleksjon-{i}" for i in range(1, 6)]
    assert len(keys("refleksjon-praksis")) == 8
    assert len(keys("apningssporsmal")) >= 6
    assert {"kilde-1-sustain-talk", "kilde-2-autonomi", "kilde-3-discord", "tredje-replikk", "ordne-refleksen"} <= set(
        keys("mi-kjerne")
    )
    form = keys("evaluering-etter-samtale")
    assert [k for k in form if k.startswith("bruker-")] == [
        "bruker-hort",
        "bruker-chime",
        "bruker-ta-med",
        "bruker-neste-steg",
    ]
    assert [k for k in form if k.startswith("fagperson-")] == [
        "fagperson-balanse",
        "fagperson-ressurser",
        "fagperson-styrkebasert",
        "fagperson-oppfolging",
    ]


@pytest.mark.django_db
def test_sentences_to_avoid_are_labelled_as_such():
    killers = GuidanceCollection.objects.get(slug="motivasjonsdrepere")
    assert "unngå" in killers.examples_label
    assert GuidanceItem.objects.get(collection=killers, key="ta-deg-sammen").title == "«Du må bare ta deg sammen»"
