"""Phone numbers as tap-to-call links: every number Medvandrer shows is a `tel:` link.

Free text a person writes («ring 912 34 567 etter kl. 16») keeps its words; only the
numbers in it become links. Norwegian numbers: eight digits (grouped as people write them –
91234567, 912 34 567, 91 23 45 67, 9123 4567 – with or without +47 or 0047), and the short
national numbers (110, 112, 113, 116 xxx). Dates and times stay text.
"""

import re

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

SHORT_NUMBERS = ("110", "112", "113", "116 117", "116 123", "116 111", "116 000", "116 006")
_SPACE = r"[ \u00a0.-]?"
# Eight digits only in the ways Norwegians group them, one separator throughout – so a date
# (12.03.2024), a time span (0800-1600) or a longer run of digits never becomes a number to call.
_EIGHT = (
    r"(?:\d{8}"
    r"|\d{3}(?P<s1>[ \u00a0-])\d{2}(?P=s1)\d{3}"
    r"|\d{2}(?P<s2>[ \u00a0.-])\d{2}(?P=s2)\d{2}(?P=s2)\d{2}"
    r"|\d{4}[ \u00a0]\d{4}"
    r"|\d{3}[ \u00a0]\d{5})"
)
_NOT_MORE_DIGITS = r"(?![\w])(?![ \u00a0.-]\d)"
NUMBER = re.compile(
    r"(?<![\w+])(?<!\d[ \u00a0.-])(?:(?:\+|00)47[ \u00a0]?)?"
    + _EIGHT
    + _NOT_MORE_DIGITS
    + r"|(?<![\w+])(?:"
    + "|".join(n.replace(" ", _SPACE) for n in SHORT_NUMBERS)
    + r")(?![\w])"
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
    return format_html_join("", "{}", ((part,) for part in out))  # each part is escaped or a link already
