"""Search words the benchmarks share: everyday words a practitioner would type."""

SEARCH_WORDS = [
    "ensomhet",
    "håp",
    "venner familie",
    "mestring",
    "drømmer",
    "verdier",
    "styrker",
    "fellesskap",
    "skam",
    "jobb",
    "relasjoner",
    "mening i hverdagen",
    "makt",
    "små steg",
    "stolt",
    "identitet",
]
