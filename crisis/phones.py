"""Phone numbers as tap-to-call links: every number Medvandrer shows is a `tel:` link.

Free text a person writes («ring 912 34 567 etter kl. 16») keeps its words; only the
numbers in it become links. Norwegian numbers: eight digits (in any grouping, with or
without +47 or 0047), and the short national numbers (110, 112, 113, 116 xxx).
"""

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

SHORT_NUMBERS = ("110", "112", "113", "116 117", "116 123", "116 111", "116 000", "116 006")
_SPACE = r"[ \u00a0.-]?"
_EIGHT = _SPACE.join([r"\d"] * 8)
NUMBER = re.compile(
    r"(?<![\w+])(?:(?:\+|00)47" + _SPACE + r")?" + _EIGHT + r"(?![\w])"
    r"|(?<![\w+])(?:" + "|".join(n.replace(" ", _SPACE) for n in SHORT_NUMBERS) + r")(?![\w])"
)


def tel_target(number: str) -> str | None:
    """What a `tel:` link dials for a number as written, or None when it is not a phone number."""
    digits = re.sub(r"[^\d+]", "", number or "")
    if digits.startswith("00"):
        digits = "+" + digits[2:]
    plain = digits.lstrip("+")
    if digits.startswith("+") and plain.startswith("47") and len(plain) == 10:
        return digits
    if not digits.startswith("+") and len(plain) == 8:
        return "+47" + plain
    if not digits.startswith("+") and plain in {n.replace(" ", "") for n in SHORT_NUMBERS}:
        return plain
    if digits.startswith("+") and 8 <= len(plain) <= 15:  # a number abroad, written in full
        return digits
    return None


def link(number: str, label: str = "") -> SafeString:
    """One number as a link with a large tap target; plain text if it cannot be dialled."""
    target = tel_target(number)
    shown = label or number
    if target is None:
        return escape(shown)
    return format_html('<a class="tel" href="tel:{}">{}</a>', target, shown)


def linkify(text: str) -> SafeString:
    """`text`, escaped, with every phone number in it made a tap-to-call link."""
    text = text or ""
    out, last = [], 0
    for match in NUMBER.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(link(match.group()))
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(str(part) for part in out))  # noqa: S308 – every piece is escaped or format_html
