def person_reads(request):
    """The name of the person whose page a staff member is writing on: every text field says
    «Jonas ser dette» beside it (content/_field.html)."""
    from language.gate import writing_for_a_person

    person = getattr(request, "person_shown", None)
    if person is None or not writing_for_a_person(request):
        return {}
    return {"person_reads": person.display_name}


def session_limits(request):
    """How long a quiet page may wait before the session ends (the page warns two minutes before)."""
    from django.conf import settings

    return {"idle_seconds": settings.SESSION_COOKIE_AGE}
