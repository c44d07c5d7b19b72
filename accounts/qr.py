"""QR codes drawn on the server as SVG: a link to scan instead of typing it, and the
authenticator app's set-up code.

The markup is ours, made with `format_html`: segno only says which modules are dark, and the
path holds nothing but numbers, so nothing is marked safe by hand. No style attributes (the
CSP forbids inline styles)."""

import segno
from django.utils.html import format_html
from django.utils.safestring import SafeString

BORDER = 2  # modules of light around the code, as scanners want


def _path(text: str) -> tuple[int, str]:
    """(size in modules, an SVG path drawing each run of dark modules as one stroke)."""
    matrix = list(segno.make(text, error="m").matrix_iter(border=BORDER))
    runs = []
    for y, row in enumerate(matrix):
        x = 0
        while x < len(row):
            if row[x]:
                start = x
                while x < len(row) and row[x]:
                    x += 1
                runs.append(f"M{start} {y + 0.5}h{x - start}")
            else:
                x += 1
    return len(matrix), "".join(runs)


def _svg(text: str, scale: int, extra: str = "") -> SafeString:
    size, path = _path(text)
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}"{}>'
        '<rect width="{}" height="{}" fill="#ffffff"/><path stroke="#000000" d="{}"/></svg>',
        size * scale,
        size * scale,
        size,
        size,
        extra,
        size,
        size,
        path,
    )


def qr_svg(text: str) -> SafeString:
    """An <svg> for `text`, to put in a page."""
    return _svg(text, 4, format_html(' role="img" aria-label="{}"', "QR-kode for lenken"))


def qr_svg_document(text: str) -> bytes:
    """A standalone SVG file for `text` (served as image/svg+xml)."""
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + _svg(text, 5)).encode()
