"""How a PDF is made and handed over, for every document (the plan, the Individuell plan, the
crisis card): WeasyPrint reads our stylesheet from disk and is never allowed to fetch anything
over the network; the file name says what it is and whose, never more of the person's text."""

from pathlib import Path

from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

DOCUMENT_CSS = "css/document.css"


def _refuse_fetch(url: str):
    """The PDF gets its stylesheet handed over; nothing is ever fetched (no network, no files)."""
    from weasyprint.urls import URLFetchingError

    raise URLFetchingError(f"Ikke tillatt å hente {url}")


def filename_for(person, what: str, extension: str) -> str:
    """«plan-jonas-berg.pdf»: what it is and whose, never more of the person's text."""
    return f"{what}-{slugify(person.display_name) or person.pk}.{extension}"


def download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def render_pdf(template: str, context: dict, stylesheet: str = DOCUMENT_CSS) -> bytes:
    from weasyprint import CSS, HTML

    html = render_to_string(template, {**context, "for_pdf": True})
    stylesheet = CSS(string=Path(finders.find(stylesheet)).read_text(encoding="utf-8"))
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf(stylesheets=[stylesheet])
