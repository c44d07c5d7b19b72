"""Norwegian text handling shared by search and suggestions.

Stemming uses the Snowball Norwegian stemmer, the same algorithm behind
PostgreSQL's `norwegian` text search configuration, so SQLite and PostgreSQL
agree on which words match ("ensomhet" → "ensom").
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_QUERY_CHARS = 2000
WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Snowball's Norwegian stop-word list (bokmål and nynorsk), as PostgreSQL uses it.
STOP_WORDS = frozenset(
    """
    og i jeg det at en et den til er som på de med han av ikke ikkje der så var meg seg men ett har om vi
    min mitt ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans hvor eller hva skal selv
    sjøl her alle vil bli ble blei blitt kunne inn når være kom noen noe ville dere deres kun ja etter ned
    skulle denne for deg si sine sitt mot å meget hvorfor dette disse uten hvordan ingen din ditt blir
    samme hvilken hvilke sånn inni mellom vår hver hvem vors hvis både bare enn fordi før mange også slik
    vært båe begge siden dykk dykkar dei deira deires deim di då eg ein eit eitt elles honom hjå ho hoe
    henne hennar hennes hoss hossen ingi inkje korleis korso kva kvar kvarhelst kven kvi kvifor me medan
    mi mine mykje no nokon noka nokor noko nokre sia sidan so somt somme um upp vere vore verte vort varte
    vart
    """.split()
)

_stemmer = snowballstemmer.stemmer("norwegian")

# Nynorsk and dialect forms people type, mapped to the bokmål form the content uses.
# Regular inflections (snakka/snakket) are left to the stemmer; these are the words it cannot join.
VARIANTS = {
    "sjøl": "selv",
    "ikkje": "ikke",
    "ikkj": "ikke",
    "itte": "ikke",
    "ho": "hun",
    "hu": "hun",
    "eg": "jeg",
    "æ": "jeg",
    "kva": "hva",
    "ka": "hva",
    "kven": "hvem",
    "korleis": "hvordan",
    "veit": "vet",
    "no": "nå",
    "meir": "mer",
    "berre": "bare",
    "heilt": "helt",
    "einsam": "ensom",
    "einsame": "ensomme",
    "åleine": "alene",
    "aleine": "alene",
    "mykje": "mye",
    "noko": "noe",
    "nokon": "noen",
    "ingenting": "ingenting",
    "seie": "si",
    "dårleg": "dårlig",
    "døydde": "døde",
    "gler": "gleder",
    "heime": "hjemme",
    "eit": "et",
    "ein": "en",
    "kjenner": "kjenner",
    "tykkjer": "synes",
    "vener": "venner",
    "venene": "vennene",
    "ungane": "ungene",
    "sjølv": "selv",
    "kor": "hvor",
    "igang": "gang",
    "saksbehandlern": "saksbehandleren",
}


def canonical(word: str) -> str:
    """The bokmål form of a dialect or nynorsk word, else the word itself."""
    return VARIANTS.get(word, word)


def normalize(text: str) -> str:
    """NFC-normalise, drop control characters and cap the length."""
    text = unicodedata.normalize("NFC", text or "")[:MAX_QUERY_CHARS]
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C" or ch in "\n\t")


def words(text: str) -> list[str]:
    """Lower-cased words (letters and digits) in order."""
    return [w.lower() for w in WORD.findall(normalize(text))]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    return _stemmer.stemWord(word.lower())


def stems(text: str, keep_stop_words: bool = False) -> list[str]:
    """Stems of the words in `text`, stop words removed unless asked to keep them."""
    return [stem(w) for w in words(text) if keep_stop_words or w not in STOP_WORDS]


def has_searchable_words(text: str) -> bool:
    return bool(stems(text))
