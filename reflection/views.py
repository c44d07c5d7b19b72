"""The staff reflection journal: a private weekly practice journal.

Who may: only staff (every role but the person in recovery), and each only their own
entries. Persons get 404 on every journal URL; anyone else's entry is a 404 exactly like
an entry that does not exist – for colleagues, team leaders and admins alike. Every URL
that takes an entry id gets the entry from `_entry_for_user`, and nowhere else.
"""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from audit.log import record
from audit.models import Action, Basis
from audit.types import ObjectType
from content.models import SEED_TITLES
from items import conflicts
from items.forms import sent_version
from medvandrer.forms import posted
from reflection import actions
from reflection.forms import EntryForm
from reflection.guidance import EVERYDAY, journal_guidance
from reflection.models import CheckChoice, JournalEntry, monday_of

EARLIEST_WEEK = date(2000, 1, 3)
WEEK_PARAM = "uke"


def _staff_only(request):
    if not request.user.is_staff_role:
        raise Http404("Ingen tilgang")


def _entry_for_user(request, entry_id) -> JournalEntry:
    """The signed-in staff member's own entry, or 404 – the same 404 whether the entry is
    someone else's or does not exist. A refusal is audited (without any of the entry)."""
    user = request.user
    entry = None
    if user.is_staff_role and isinstance(entry_id, int) and 0 < entry_id < 2**63:
        entry = JournalEntry.objects.filter(pk=entry_id, author=user).first()
    if entry is None:
        record(
            actor=user,
            action=Action.DENIED,
            object_type=ObjectType.REFLECTION_ENTRY,
            object_id=entry_id,
            basis=Basis.NONE,
        )
        raise Http404("Ingen tilgang")
    return entry


def _this_week() -> date:
    return monday_of(timezone.localdate())


def _week_from(request) -> tuple[date, str]:
    """The week in the address (any day of it, as yyyy-mm-dd), or this week with a message."""
    raw = request.GET.get(WEEK_PARAM, "")
    if not raw:
        return _this_week(), ""
    try:
        week = monday_of(date.fromisoformat(raw.strip()[:10]))
    except ValueError:
        return _this_week(), "Vi skjønte ikke hvilken uke adressen pekte på, så her er denne uka."
    if week > _this_week():
        return _this_week(), "Uka har ikke begynt ennå. Du kan skrive for denne uka, eller for en uke som har vært."
    if week < EARLIEST_WEEK:
        return _this_week(), "Så langt tilbake går ikke refleksjonsboka. Her er denne uka."
    return week, ""


def _week_url(week: date) -> str:
    return reverse("reflection_week") + "?" + urlencode({WEEK_PARAM: week.isoformat()})


@login_required
def journal(request):
    _staff_only(request)
    this_week = _this_week()
    guidance = journal_guidance()
    rows = [
        {"entry": entry, "answered": _answered(entry), "method": guidance.method(entry.method_key)}
        for entry in JournalEntry.objects.filter(author=request.user).order_by("-week_of")
    ]
    current = next((row for row in rows if row["entry"].week_of == this_week), None)
    return render(
        request,
        "reflection/journal.html",
        {
            "rows": [row for row in rows if row is not current],
            "current": current and current["entry"],
            "current_answered": current and current["answered"],
            "current_method": current and current["method"],
            "this_week": this_week,
            "this_week_end": this_week + timedelta(days=6),
            "today": timezone.localdate(),
            "question_count": sum(len(s.items) for s in guidance.question_sets),
            "week_url": _week_url(this_week),
            "nav": "reflection",
        },
    )


def _answered(entry) -> int:
    return sum(1 for answers in (entry.answers or {}).values() for text in (answers or {}).values() if text)


@login_required
def week(request):
    _staff_only(request)
    guidance = journal_guidance()
    week_of, week_problem = _week_from(request)
    entry = JournalEntry.objects.filter(author=request.user, week_of=week_of).first()
    data = posted(request)
    form = EntryForm(data, guidance=guidance, initial=EntryForm.initial_for(entry) if entry else None)
    if week_problem and data is None:
        messages.info(request, week_problem)
    if data is not None and form.is_valid() and not week_problem:
        fields = _keep_what_the_form_does_not_show(form.entry_fields(), entry, form)
        try:
            saved = actions.save_entry(request.user, week_of, sent_version(form), **fields)
        except actions.Conflict as conflict:
            return _conflict(request, form, conflict.current, guidance)
        messages.success(request, "Lagret. Du kan fortsette å skrive nå, eller komme tilbake senere i uka.")
        return redirect(_week_url(saved.week_of))
    return render(
        request,
        "reflection/week.html",
        _week_context(form, guidance, week_of, entry, week_problem=week_problem if data is not None else ""),
    )


def _week_context(form, guidance, week_of, entry, **extra) -> dict:
    chosen = form["method"].value() if form.is_bound else (entry.method_key if entry else "")
    return {
        "form": form,
        "guidance": guidance,
        "sets": [
            {
                "set": s,
                "fields": [form[n] for n, slug, _k in form.answer_fields if slug == s.slug],
                "outro": _closing_words(s),
            }
            for s in guidance.question_sets
        ],
        "methods": [{"item": m, "radio": _radio(form["method"], m.key)} for m in guidance.methods],
        "no_method": _radio(form["method"], ""),
        "chosen_method": guidance.method(chosen or ""),
        "checks": [
            {"item": item, "choice": form[c], "note": form[n]}
            for item, (c, n, _k) in zip(guidance.killers.items, form.check_fields, strict=True)
        ],
        "week_of": week_of,
        "week_end": week_of + timedelta(days=6),
        "week_number": week_of.isocalendar().week,
        "is_this_week": week_of == _this_week(),
        "entry": entry,
        "action": _week_url(week_of),
        "methods_source": SEED_TITLES["002"],
        "nav": "reflection",
        **extra,
    }


def _closing_words(question_set) -> str:
    """Seed 002's closing quote goes under its questions; seed 001's invitation to write is the notes' hint."""
    if question_set.collection is None or question_set.slug == EVERYDAY:
        return ""
    return question_set.collection.outro


def _radio(bound_field, value):
    return next((r for r in bound_field if str(r.data["value"]) == value), None)


def _keep_what_the_form_does_not_show(fields: dict, entry, form) -> dict:
    """Answers to questions the content no longer has stay in the entry: nothing is lost."""
    if entry is None:
        return fields
    shown = {(slug, key) for _n, slug, key in form.answer_fields}
    for slug, answers in (entry.answers or {}).items():
        for key, text in (answers or {}).items():
            if (slug, key) not in shown:
                fields["answers"].setdefault(slug, {})[key] = text
    checked = {key for _c, _n, key in form.check_fields}
    for key, check in (entry.self_check or {}).items():
        if key not in checked:
            fields["self_check"][key] = check
    return fields


def _conflict(request, form, current, guidance):
    """Both versions side by side; the form keeps what was typed, now against the saved version."""
    mine = _readable(form.entry_fields(), guidance)
    theirs = dict((key, (label, value)) for key, label, value in _readable(current.fields(), guidance))
    rows = [
        {"label": label, "mine": conflicts.display(value), "theirs": conflicts.display(theirs.get(key, (label, ""))[1])}
        for key, label, value in mine
        if value != theirs.get(key, (label, ""))[1]
    ]
    retry = EntryForm(conflicts.retry_data(request, current), guidance=guidance)
    retry.is_valid()
    context = _week_context(retry, guidance, current.week_of, current, conflict_rows=rows)
    return render(request, "reflection/week.html", context, status=409)


def _readable(fields: dict, guidance) -> list[tuple[str, str, str]]:
    """(key, label, text) for everything an entry can hold, in page order."""
    rows = []
    for question_set in guidance.question_sets:
        answers = (fields.get("answers") or {}).get(question_set.slug, {})
        for item in question_set.items:
            rows.append((f"q:{question_set.slug}:{item.key}", item.title, answers.get(item.key, "")))
    method = guidance.method(fields.get("method_key") or "")
    rows.append(("method", "Ukas metode", method.title if method else fields.get("method_key") or ""))
    rows.append(("method_plan", "Slik vil jeg prøve den denne uka", fields.get("method_plan") or ""))
    rows.append(("method_follow_up", "Slik gikk det", fields.get("method_follow_up") or ""))
    labels = dict(CheckChoice.choices)
    for item in guidance.killers.items:
        check = (fields.get("self_check") or {}).get(item.key, {})
        rows.append(
            (f"c:{item.key}", f"{item.title}: har jeg gjort dette denne uka?", str(labels.get(check.get("choice"), "")))
        )
        rows.append((f"n:{item.key}", f"{item.title}: hva vil jeg gjøre i stedet?", check.get("note", "")))
    rows.append(("notes", "Notater til meg selv", fields.get("notes") or ""))
    return rows


@login_required
def entry(request, entry_id):
    entry = _entry_for_user(request, entry_id)
    guidance = journal_guidance()
    labels = dict(CheckChoice.choices)
    sets = []
    for question_set in guidance.question_sets:
        answers = (entry.answers or {}).get(question_set.slug, {})
        sets.append(
            {
                "set": question_set,
                "answered": [(item, answers[item.key]) for item in question_set.items if answers.get(item.key)],
            }
        )
    checks = []
    for item in guidance.killers.items:
        check = (entry.self_check or {}).get(item.key)
        if check:
            checks.append({"item": item, "choice": labels.get(check.get("choice"), ""), "note": check.get("note", "")})
    return render(
        request,
        "reflection/entry.html",
        {
            "entry": entry,
            "sets": sets,
            "method": guidance.method(entry.method_key),
            "checks": checks,
            "edit_url": _week_url(entry.week_of),
            "nav": "reflection",
        },
    )


@login_required
def delete(request, entry_id):
    entry = _entry_for_user(request, entry_id)
    if request.method == "POST":
        actions.delete_entry(entry)
        messages.success(request, f"{entry} er slettet.")
        return redirect("reflection_journal")
    return render(request, "reflection/confirm_delete.html", {"entry": entry, "nav": "reflection"})
