import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError


class NorwegianMinimumLengthValidator(MinimumLengthValidator):
    """Django's own, with the message in Norwegian (its nb translation lacks this plural)."""

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(
                self.get_help_text(), code="password_too_short", params={"min_length": self.min_length}
            )

    def get_help_text(self):
        return f"Passordet er for kort. Det må ha minst {self.min_length} tegn – en setning du husker, er ofte lettest."


COMMON_NB = Path(__file__).resolve().parent / "data" / "common_passwords_nb.txt"
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})


@lru_cache(maxsize=1)
def common_norwegian() -> frozenset:
    lines = COMMON_NB.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def password_cores(password: str) -> set[str]:
    """What a guesser tries first: the password in lower case, its letters alone («passord12345»
    → «passord»), and the same with look-alike digits read as letters («p4ssord» → «passord»)."""
    text = unicodedata.normalize("NFC", password).lower()
    inner = re.sub(r"^[\W\d_]+|[\W\d_]+$", "", text)  # digits and signs around the word: «!sommer2024»
    return {
        text,
        re.sub(r"[^a-zæøå]", "", text),
        re.sub(r"[^a-zæøå]", "", inner.translate(LEET)),
    }


class NorwegianCommonPasswordValidator:
    """Refuses a password that is a common Norwegian word, name or pattern with digits or
    signs added («passord12345», «Rosenborg1917», «sommer2024!»). Django's
    CommonPasswordValidator catches the common English ones."""

    def validate(self, password, user=None):
        if any(core in common_norwegian() for core in password_cores(password)):
            raise ValidationError(self.get_help_text(), code="password_too_common")

    def get_help_text(self):
        return (
            "Passordet er for lett å gjette: det er et vanlig ord eller navn (som «passord», «sommer» eller et "
            "fotballag) med tall eller tegn lagt til. En setning du husker, med flere ord, er både tryggere og "
            "lettere å huske."
        )
