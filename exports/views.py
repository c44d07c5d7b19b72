"""Exports of a person's plan and data. Every one goes through people.access and is audited
as an export (download) or a print."""

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from audit.models import Action
from exports import sections
from exports.data import person_data
from exports.documents import ip_content, plan_content, render_pdf
from people import access


def _filename(person, what: str, extension: str) -> str:
    return f"{what}-{slugify(person.display_name) or person.pk}.{extension}"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _with_sections(request, content: dict) -> dict:
    parts = sections.chosen(request.GET)
    return {**content, "parts": parts, "sections": sections.SECTIONS, "parts_query": sections.as_query(parts)}


@login_required
def plan_print(request, person_id):
    person = access.person_for(request, person_id, action=Action.PRINT, object_type="plan_print")
    return render(request, "exports/plan_document.html", _with_sections(request, plan_content(person)))


@login_required
def plan_pdf(request, person_id):
    person = access.person_for(request, person_id, action=Action.EXPORT, object_type="plan_pdf")
    return _download(
        render_pdf("exports/plan_document.html", _with_sections(request, plan_content(person))),
        "application/pdf",
        _filename(person, "plan", "pdf"),
    )


@login_required
def ip(request, person_id):
    person = access.person_for(request, person_id, action=Action.PRINT, object_type="ip")
    return render(request, "exports/ip_document.html", ip_content(person))


@login_required
def ip_pdf(request, person_id):
    person = access.person_for(request, person_id, action=Action.EXPORT, object_type="ip")
    return _download(
        render_pdf("exports/ip_document.html", ip_content(person)),
        "application/pdf",
        _filename(person, "individuell-plan", "pdf"),
    )


@login_required
def data_export(request, person_id):
    """Everything about the person, for the person themself."""
    person = access.person_for(
        request, person_id, action=Action.EXPORT, object_type="data_export", only=access.SELF_ONLY
    )
    body = json.dumps(person_data(person), ensure_ascii=False, indent=2).encode()
    return _download(body, "application/json", _filename(person, "mine-opplysninger", "json"))
