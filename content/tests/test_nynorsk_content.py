"""Every bokmål content file that has a nynorsk counterpart is mirrored, whole and translated.

For each file under content/data/questions/, content/data/guidance/ and content/data/phases.toml
there must be a file at the same relative path under content/data_nn/ that

- starts with the comment «# Nynorsk omsetjing …»,
- has the same structure: the same keys at every level, the same number of items in every list,
  the same type of every value,
- keeps every non-text value exactly (ids, keys, slugs, codes, order and number, sources,
  phase and situation identifiers, chime keys, urls, the English element names, numbers, booleans),
- keeps the «…» quotations (the same number of « and » in every text),
- has no common bokmål-only word forms left in its texts, and is not mostly copied unchanged.

Reads files only; no database.
"""

import re
import tomllib
from pathlib import Path

import pytest

CONTENT = Path(__file__).resolve().parents[1]
NB_DIR = CONTENT / "data"
NN_DIR = CONTENT / "data_nn"
HEADER = "# Nynorsk omsetjing"

# Keys whose string values are identifiers, references or addresses, never translated.
IDENTIFIER_KEYS = {"key", "code", "id", "slug", "sources", "phases", "situations", "order", "number", "chime", "url"}
# Keys that are identifiers only at the top of a question file: `name` there is the English
# CHIME name ("Hope"); everywhere else (themes, phases) `name` is Norwegian text.
TOP_LEVEL_IDENTIFIER_KEYS = {"questions": {"name"}}

# Word forms that are bokmål and never correct nynorsk (2012 norm). Matched as whole words,
# case-insensitive; `\w*` marks a stem whose every form is bokmål only.
# Left out on purpose, because they are also correct nynorsk: menneske/mennesket, de, det, nå
# ("å nå"), fremst/fremje, tenke, legge, komme, tatt, forsiktig, anerkjenne, et ("et al.").
BOKMAL_ONLY = [
    "ikke",
    "jeg",
    "hun",
    "dere",
    "dem",
    "deres",
    "en",
    "hva",
    "hvordan",
    "hvem",
    "hvor",
    "hvorfor",
    "hvilke",
    "hvilken",
    "hvilket",
    "hvis",
    "hver",
    "hvert",
    "hverandre",
    "noen",
    "noe",
    "disse",
    "bare",
    "mye",
    "mer",
    "uten",
    "ennå",
    "siden",
    "egen",
    "eget",
    "egne",
    "være",
    "vært",
    "gjøre",
    "gjør",
    "tror",
    "sier",
    "ble",
    "fikk",
    "gikk",
    "kommer",
    "bedre",
    "mennesker",
    "menneskene",
    "hjem",
    "hjemme",
    r"hverdag\w*",
    r"selv\w*",
    r"sammen\w*",
    r"mening\w*",
    r"trygghet\w*",
    r"drøm\w*",
    r"fremtid\w*",
    "frem",
    "fremover",
    "fremdeles",
    r"fremgang\w*",
    r"fremskritt\w*",
    r"mulig\w*",
    r"vanskelig\w*",
    r"tidlig\w*",
    "egentlig",
    "virkelig",
    # Bokmål -het nouns (nynorsk -heit): trygghet, motløshet, selvstendighet, frihet …
    r"\w{2,}het(?:en|er|ene)?",
]
BOKMAL_PATTERN = re.compile(r"\b(?:" + "|".join(BOKMAL_ONLY) + r")\b", re.IGNORECASE)
# Some texts read the same in both forms («Bruk i avslutning eller tiltaksplan …»), but a file
# where most texts of this many words are unchanged has been copied, not translated.
UNCHANGED_WORDS = 5


def source_files() -> list[Path]:
    files = [NB_DIR / "phases.toml"]
    files += sorted((NB_DIR / "questions").glob("*.toml"))
    files += sorted((NB_DIR / "guidance").glob("*.toml"))
    return [f.relative_to(NB_DIR) for f in files]


SOURCES = source_files()
IDS = [str(f) for f in SOURCES]


def read(path: Path) -> dict:
    with path.open("rb") as f:
        return tomllib.load(f)


def nynorsk_of(relative: Path) -> Path:
    target = NN_DIR / relative
    if not target.exists():
        pytest.fail(f"{relative}: nynorsk-filen {target.relative_to(CONTENT.parent)} finnes ikke")
    return target


def has_tables(value) -> bool:
    return isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict | list) for v in value))


def texts(nb, nn, where: str, top_identifiers: set[str], depth: int = 0):
    """Walk both documents together; yield (key path, bokmål text, nynorsk text) for every text.

    Fails on the first difference in structure or in a non-text value."""
    assert type(nb) is type(nn), f"{where}: typen er {type(nn).__name__} på nynorsk, {type(nb).__name__} på bokmål"
    if isinstance(nb, dict):
        assert nb.keys() == nn.keys(), (
            f"{where}: nøklene er ulike – mangler på nynorsk: {sorted(nb.keys() - nn.keys())}, "
            f"bare på nynorsk: {sorted(nn.keys() - nb.keys())}"
        )
        for key in nb:
            path = f"{where}.{key}" if depth else f"{where}:{key}"
            identifier = key in IDENTIFIER_KEYS or (depth == 0 and key in top_identifiers)
            # `phases` is also the name of the table array in phases.toml: only plain values are identifiers.
            if identifier and not has_tables(nb[key]):
                assert nn[key] == nb[key], (
                    f"{path}: skal være uendret (identifikator), men er {nn[key]!r} på nynorsk og {nb[key]!r} på bokmål"
                )
            else:
                yield from texts(nb[key], nn[key], path, top_identifiers, depth + 1)
    elif isinstance(nb, list):
        assert len(nb) == len(nn), f"{where}: {len(nn)} elementer på nynorsk, {len(nb)} på bokmål"
        for i, (a, b) in enumerate(zip(nb, nn, strict=True)):
            yield from texts(a, b, f"{where}[{i}]", top_identifiers, depth + 1)
    elif isinstance(nb, str):
        yield where, nb, nn
    else:
        assert nn == nb, f"{where}: verdien skal være uendret, men er {nn!r} på nynorsk og {nb!r} på bokmål"


def all_texts(relative: Path) -> list[tuple[str, str, str]]:
    nb = read(NB_DIR / relative)
    nn = read(nynorsk_of(relative))
    top = TOP_LEVEL_IDENTIFIER_KEYS.get(relative.parts[0], set()) if len(relative.parts) > 1 else set()
    return list(texts(nb, nn, str(relative), top))


@pytest.mark.parametrize("relative", SOURCES, ids=IDS)
def test_nynorsk_file_exists_and_starts_with_the_translation_comment(relative):
    target = nynorsk_of(relative)
    first = target.read_text(encoding="utf-8").lstrip("\ufeff").split("\n", 1)[0]
    assert first.startswith(HEADER), (
        f"{relative}: nynorsk-filen skal begynne med kommentaren «{HEADER} av …», første linje er {first!r}"
    )


@pytest.mark.parametrize("relative", SOURCES, ids=IDS)
def test_structure_and_identifiers_match_bokmal(relative):
    assert all_texts(relative), f"{relative}: fant ingen tekster å sammenligne"


@pytest.mark.parametrize("relative", SOURCES, ids=IDS)
def test_texts_are_translated(relative):
    problems = []
    found_texts = all_texts(relative)
    for where, nb, nn in found_texts:
        if not nn.strip() and nb.strip():
            problems.append(f"{where}: teksten er tom på nynorsk")
        found = sorted({m.group(0) for m in BOKMAL_PATTERN.finditer(nn)}, key=str.lower)
        if found:
            problems.append(f"{where}: bokmålsformer i nynorsk-teksten: {', '.join(found)} – {nn!r}")
        for mark in "«»":
            if nn.count(mark) != nb.count(mark):
                problems.append(
                    f"{where}: {nn.count(mark)} {mark} på nynorsk, {nb.count(mark)} på bokmål – sitatene skal beholdes"
                )
    long_texts = [(where, nb, nn) for where, nb, nn in found_texts if len(nb.split()) >= UNCHANGED_WORDS]
    unchanged = [where for where, nb, nn in long_texts if nb == nn]
    if long_texts and len(unchanged) * 2 > len(long_texts):
        problems.append(
            f"{len(unchanged)} av {len(long_texts)} tekster på {UNCHANGED_WORDS} ord eller mer er like på bokmål "
            f"og nynorsk, filen ser ikke oversatt ut: {', '.join(unchanged)}"
        )
    assert not problems, f"{relative}:\n" + "\n".join(problems)


def test_no_nynorsk_file_without_a_bokmal_original():
    mirrored = {NN_DIR / f for f in SOURCES}
    found = [NN_DIR / "phases.toml"] if (NN_DIR / "phases.toml").exists() else []
    for folder in ("questions", "guidance"):
        found += (NN_DIR / folder).glob("*.toml")
    extra = sorted(str(f.relative_to(CONTENT.parent)) for f in found if f not in mirrored)
    assert not extra, f"nynorsk-filer uten bokmålsoriginal i content/data/: {extra}"


def test_the_word_list_tells_bokmal_from_nynorsk():
    """The check is only worth something if it finds bokmål and lets nynorsk through."""
    bokmal = "Hva gir deg håp, selv om ting er vanskelig? Jeg vet ikke hvordan noen ser frem til fremtiden."
    nynorsk = (
        "Kva gir deg håp, sjølv om ting er vanskeleg? Eg veit ikkje korleis nokon ser fram til framtida. "
        "Det fremste er eit menneske, ein tryggleik og meining – de kan nå målet saman (Leamy et al.)."
    )
    assert {m.group(0).lower() for m in BOKMAL_PATTERN.finditer(bokmal)} == {
        "hva",
        "selv",
        "vanskelig",
        "jeg",
        "ikke",
        "hvordan",
        "noen",
        "frem",
        "fremtiden",
    }
    assert BOKMAL_PATTERN.findall(nynorsk) == []
    for relative in SOURCES:
        if relative.parts[0] == "questions":
            text = (NB_DIR / relative).read_text(encoding="utf-8")
            assert BOKMAL_PATTERN.search(text), f"{relative}: ordlista finner ingen bokmålsformer i bokmålsfilen"
