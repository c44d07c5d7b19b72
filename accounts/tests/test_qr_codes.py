"""The QR codes are drawn module for module as segno computes them, in markup of our own:
a scanner reads exactly the link, and nothing in the page is marked safe by hand."""

import re

import segno

from accounts.qr import BORDER, qr_svg, qr_svg_document

LINK = "https://medvandrer.example/evaluering/abc<script>&def/"


def drawn_modules(svg: str) -> set[tuple[int, int]]:
    path = re.search(r' d="([^"]*)"', svg).group(1)
    cells = set()
    for x, y, length in re.findall(r"M(\d+) (\d+)\.5h(\d+)", path):
        cells |= {(int(x) + i, int(y)) for i in range(int(length))}
    return cells


def test_every_dark_module_and_no_other_is_drawn():
    matrix = list(segno.make(LINK, error="m").matrix_iter(border=BORDER))
    dark = {(x, y) for y, row in enumerate(matrix) for x, on in enumerate(row) if on}
    svg = str(qr_svg(LINK))
    assert drawn_modules(svg) == dark
    assert f'viewBox="0 0 {len(matrix)} {len(matrix)}"' in svg


def test_the_link_itself_is_never_in_the_markup():
    svg = str(qr_svg(LINK))
    assert "<script>" not in svg and "medvandrer.example" not in svg
    assert 'role="img" aria-label="QR-kode for lenken"' in svg
    assert "style=" not in svg  # the CSP forbids inline styles


def test_the_authenticator_code_is_a_standalone_svg_file():
    document = qr_svg_document("otpauth://totp/Medvandrer:alice?secret=ABC").decode()
    assert document.startswith('<?xml version="1.0" encoding="utf-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')
    assert drawn_modules(document)
