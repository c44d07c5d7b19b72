"""The organisation's log: team leaders and admins review everything that happened in their organisation."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from audit.log import record
from audit.models import Action, AuditEvent, Basis
from audit.types import ObjectType
from audit.types import label as object_label
from people.models import Person

PAGE_SIZE = 100


@login_required
def organisation_log(request):
    """Team leaders and admins review everything that happened in their organisation."""
    user = request.user
    if not user.is_manager or user.organisation_id is None:
        raise Http404
    events = AuditEvent.objects.filter(organisation_id=user.organisation_id)
    action = request.GET.get("handling", "")
    if action in Action.values:
        events = events.filter(action=action)
    person_id = request.GET.get("person", "").strip()
    if person_id:
        if re.fullmatch(r"[0-9]{1,18}", person_id):
            events = events.filter(person_id=int(person_id))
        else:
            messages.error(request, "Person-ID i filteret må være et tall, for eksempel 12.")
            person_id = ""
    record(actor=user, action=Action.READ, object_type=ObjectType.AUDIT_LOG, basis=Basis.ORGANISATION)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("side"))
    names = dict(
        Person.objects.filter(
            organisation_id=user.organisation_id, pk__in={e.person_id for e in page.object_list}
        ).values_list("pk", "display_name")
    )
    rows = [
        {
            "event": e,
            "person": names.get(e.person_id, f"slettet person #{e.person_id}" if e.person_id else ""),
            "what": object_label(e.object_type, for_person=False),
            "action": Action(e.action).label if e.action in Action.values else e.action,
            "basis": Basis(e.basis).label if e.basis in Basis.values else "",
        }
        for e in page.object_list
    ]
    return render(
        request,
        "people/organisation_log.html",
        {"page": page, "rows": rows, "actions": Action.choices, "action": action, "person_id": person_id, "nav": "log"},
    )
