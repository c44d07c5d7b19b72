"""Exports of a person's plan and data. Every one goes through people.access and is audited
as an export (download) or a print."""

import json

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from audit.models import Action
from audit.types import ObjectType
from exports import sections
from exports.data import person_data
from exports.documents import ip_content, plan_content
from medvandrer.documents import download, filename_for, render_pdf
from people import access


def _with_sections(request, content: dict) -> dict:
    parts = sections.chosen(request.GET)
    return {**content, "parts": parts, "sections": sections.SECTIONS, "parts_query": sections.as_query(parts)}


@login_required
def plan_print(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.PLAN_PRINT, action=Action.PRINT)
    return render(request, "exports/plan_document.html", _with_sections(request, plan_content(person)))


@login_required
def plan_pdf(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.PLAN_PDF, action=Action.EXPORT)
    return download(
        render_pdf("exports/plan_document.html", _with_sections(request, plan_content(person))),
        "application/pdf",
        filename_for(person, "plan", "pdf"),
    )


@login_required
def ip(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.IP, action=Action.PRINT)
    return render(request, "exports/ip_document.html", ip_content(person))


@login_required
def ip_pdf(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.IP, action=Action.EXPORT)
    return download(
        render_pdf("exports/ip_document.html", ip_content(person)),
        "application/pdf",
        filename_for(person, "individuell-plan", "pdf"),
    )


@login_required
def data_export(request, person_id):
    """Everything about the person, for the person themself."""
    person, grant = access.person_for_self_only(request, person_id, ObjectType.DATA_EXPORT, action=Action.EXPORT)
    body = json.dumps(person_data(person), ensure_ascii=False, indent=2).encode()
    return download(body, "application/json", filename_for(person, "mine-opplysninger", "json"))
