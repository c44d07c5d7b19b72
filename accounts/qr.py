"""QR codes as inline SVG, drawn on the server (segno): a link to scan instead of typing it."""

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(text: str) -> SafeString:
    """An <svg> for `text`, without style attributes (the CSP forbids inline styles)."""
    svg = segno.make(text, error="m").svg_inline(scale=4, border=2, dark="#000000", light="#ffffff")
    return mark_safe(svg.replace("<svg ", '<svg role="img" aria-label="QR-kode for lenken" ', 1))  # noqa: S308 – segno's own markup, the text is encoded in it
