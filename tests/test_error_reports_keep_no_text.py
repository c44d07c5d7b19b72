"""An error report – the technical page in development, or a report a logger sends – never
holds what someone typed: POST values and the traceback's local variables are replaced."""

import sys

from django.test import RequestFactory
from django.views.debug import ExceptionReporter

CANARY = "-".join(["KANARI", "feilrapport", "9c1"])  # built, so the source lines the report quotes do not hold it


def failing_view(request):
    notes = request.POST["notes"]  # noqa: F841 – a local the report would show
    raise RuntimeError("noe gikk galt")


def test_an_error_report_holds_no_posted_text_and_no_local_values():
    request = RequestFactory().post("/personer/1/samtaler/1/", {"notes": f"Han sier {CANARY}", "version": "3"})
    try:
        failing_view(request)
    except RuntimeError:
        report = ExceptionReporter(request, *sys.exc_info())
    text, html = report.get_traceback_text(), report.get_traceback_html()
    assert CANARY not in text and CANARY not in html
    assert "notes" in text and "********************" in text  # the names stay, so the report is still useful


def test_an_error_report_holds_no_words_from_the_address_and_no_token():
    from medvandrer.errors import NoPersonDataReporter

    token = "-".join(["tokenet", "i", "lenken", "77"])
    request = RequestFactory().get(
        f"/invitasjon/{token}/",
        {"situation": f"Han sier {CANARY}"},
        HTTP_REFERER=f"https://medvandrer.example/sporsmal/?q={CANARY}",
    )
    request.COOKIES["sessionid"] = token
    try:
        failing_view_on_get(request)
    except RuntimeError:
        report = NoPersonDataReporter(request, *sys.exc_info())
    text, html = report.get_traceback_text(), report.get_traceback_html()
    for secret in (CANARY, token):
        assert secret not in text and secret not in html
    assert "/invitasjon/…/" in text and "situation" in html  # still useful: where, and which names


def failing_view_on_get(request):
    raise RuntimeError("noe gikk galt")
