"""Every page of the browser walk is checked by the W3C Nu HTML Checker (vnu) inside
check_accessibility. This says so when it cannot run here, instead of passing in silence."""

import pytest

from tests.browser.conftest import html_checker_missing, html_errors

pytestmark = pytest.mark.browser


def test_the_html_checker_runs_and_finds_what_it_should(html_checker):
    if html_checker is None:
        pytest.skip(f"HTML-sjekken hoppes over: {html_checker_missing()}. .ci/run installerer den.")
    assert (
        html_errors(
            html_checker, '<!doctype html><html lang="nb"><head><title>t</title></head><body><p>Hei</p></body></html>'
        )
        == []
    )
    errors = html_errors(
        html_checker,
        '<!doctype html><html lang="nb"><head><title>t</title></head><body><section role="listitem">x</section></body></html>',
    )
    assert any("listitem" in error for error in errors)
