"""One vocabulary: for each concept, the word staff see and the word the person sees
(language/data/words.toml, written out in docs/WORDS.md). `word_for()` gives either one
(content.catalogue names the CHIME elements with it); `staff_only_forms()` is what a page the
person sees must never hold (tests/test_the_person_reads_their_own_words.py reads every one)."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WORDS_FILE = Path(__file__).resolve().parent / "data" / "words.toml"


@dataclass(frozen=True)
class Word:
    key: str
    staff: str
    person: str
    staff_only: tuple[str, ...]


@cache
def words() -> dict[str, Word]:
    data = tomllib.loads(WORDS_FILE.read_text())
    return {
        entry["key"]: Word(entry["key"], entry["staff"], entry["person"], tuple(entry.get("staff_only", ())))
        for entry in data["word"]
    }


def word_for(key: str, *, for_person: bool) -> str:
    word = words()[key]  # an unknown key is a mistake in the code: let it fail loudly
    return word.person if for_person else word.staff


def staff_only_forms() -> dict[str, str]:
    """{a form staff may read but the person never does: the person's word for it}."""
    return {form: word.person for word in words().values() for form in word.staff_only}
