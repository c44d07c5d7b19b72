"""The sections of the plan document the person can choose (print view and PDF).

By default the document holds the person's own parts; the practitioner's look back at the
conversations comes in only when ticked. The choice travels in the address as section keys
(`?deler=mal&deler=kriseplan`) – never any text."""

SECTIONS = (
    ("mal", "Mål"),
    ("seire", "Seire jeg har feiret"),
    ("ressurser", "Ressurskartet"),
    ("nettverk", "Nettverket mitt"),
    ("kriseplan", "Min plan for vanskelige dager"),
    ("uke", "Uka mi"),
    ("samtaler", "Samtalene våre, med mitt blikk"),
    ("fagperson", "Fagpersonens blikk på samtalene"),
    ("egenvurdering", "Slik har jeg det"),
    ("forandring", "Forandring"),
)
KEYS = tuple(key for key, _label in SECTIONS)
NOT_BY_DEFAULT = frozenset({"fagperson"})
DEFAULT = frozenset(KEYS) - NOT_BY_DEFAULT


def chosen(query) -> frozenset:
    """The sections asked for in `query` (request.GET); the default when none was chosen."""
    if query.get("valgt") != "1":
        return DEFAULT
    return frozenset(key for key in query.getlist("deler") if key in KEYS)


def as_query(parts: frozenset) -> str:
    from urllib.parse import urlencode

    return urlencode([("valgt", "1")] + [("deler", key) for key in KEYS if key in parts])
