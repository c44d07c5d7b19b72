"""«Hvem har sett mine opplysninger», grouped: one line per day, who and what they did.

A page is DAYS_PER_PAGE calendar days (Europe/Oslo), counted back from today, so a day –
and every group in it – is always whole on one page. Three queries, whatever the number
of rows, and nothing but aggregates and a bounded list of rows reaches Python:

1. the actors for the filter: one GROUP BY over the person's rows (index person_id, -at),
   which also finds the nearest older and newer rows that match the filter, so «Eldre»
   and «Nyere» skip days with nothing to show;
2. the page's groups: GROUP BY day (TruncDate in Europe/Oslo), actor, action and object,
   with the count of each – every row of the page's days is counted;
3. the latest rows of the page's days (at most SINGLES_LIMIT, newest first) for the list
   under each line, at most DETAILS_LIMIT a line.

Nothing is left out: a list shorter than its line's count says how many more there are,
and every row is in the person's data download.
"""

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import BooleanField, Case, Count, DateTimeField, Max, Min, Q, Value, When
from django.db.models.functions import TruncDate
from django.utils import formats, timezone
from django.utils.crypto import salted_hmac

from accounts.models import Role
from audit.log import ANONYMOUS_ROLE, SYSTEM_ROLE
from audit.models import Action, AuditEvent, Basis
from audit.types import label as object_label

DAYS_PER_PAGE = 14
DETAILS_LIMIT = 100  # times listed under one line; the rest are counted, and are in the data download
SINGLES_LIMIT = 2_000  # rows read for those lists per page (a page with more is cut short, and says so)
MAX_PAGE = 5_000  # about 190 years back: far enough, and the dates stay dates
YOU = "du"  # the key for the person's own actions (with «egne=1»)

# The kinds of thing someone did: key in the address -> (label, actions). "" is everything.
KINDS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "": ("Alt", None),
    "sett": ("Så", (Action.READ,)),
    "endret": ("Endret", (Action.CREATE, Action.UPDATE, Action.DELETE)),
    "lastet-ned": ("Lastet ned eller skrev ut", (Action.EXPORT, Action.PRINT)),
    "stoppet": ("Ble stoppet", (Action.DENIED,)),
}
KIND_ALIASES = {"alt": ""}


def describe(event: AuditEvent) -> dict:
    """Who, what and why of one event, worded for the person whose data it is."""
    yourself = event.actor_role == Role.PERSON and event.actor_id is not None and event.basis == Basis.SELF
    who, role = describe_actor(event.actor_name, event.actor_role, yourself=yourself)
    # «Du (deltaker) … Grunnlag: personen selv» says nothing the person does not know.
    return {
        "at": event.at,
        "who": who,
        "role": role,
        "action": Action(event.action).label if event.action in Action.values else event.action,
        "what": object_label(event.object_type, for_person=True),
        "basis": Basis(event.basis).label if event.basis in Basis.values and not yourself else "",
        "denied": event.action == Action.DENIED,
    }


def describe_actor(actor_name: str, actor_role: str, *, yourself: bool) -> tuple[str, str]:
    """Who did it and in which role, as the person reads it: (who, role label or "")."""
    if yourself:
        return "Du", ""
    if actor_name:
        who = actor_name
    elif actor_role == SYSTEM_ROLE:
        who = "Medvandrer"
    elif actor_role == ANONYMOUS_ROLE:
        who = "Noen som ikke var logget inn"
    else:
        who = "En bruker"
    return who, Role(actor_role).label if actor_role in Role.values else ""


def zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


@dataclass(frozen=True)
class Actor:
    key: str
    label: str
    name: str
    role: str
    you: bool
    first: dt.datetime  # their first row in the log
    older: dt.datetime | None  # their latest row of the chosen kind before the page's days
    newer: dt.datetime | None  # their earliest row of the chosen kind after them


@dataclass
class Group:
    day: dt.date
    who: str
    role: str
    action: str
    what: str
    denied: bool
    count: int
    basis: str  # the basis of every row in the group, or "" when they differ
    latest: dt.datetime
    times: list = field(default_factory=list)  # «kl. 09.14 – så planen din (grunnlag: …)», latest first

    @property
    def more(self) -> int:
        return self.count - len(self.times)

    @property
    def count_text(self) -> str:
        return count_text(self.count)

    @property
    def more_text(self) -> str:
        return count_text(self.more)


@dataclass
class Day:
    day: dt.date
    heading: str
    phrase: str
    groups: list = field(default_factory=list)


def who_key(actor_name: str, actor_role: str, *, you: bool) -> str:
    """A short key for the address: never the name itself, the same for the same name and role."""
    if you:
        return YOU
    return salted_hmac("people.access_log.who", f"{actor_role}\x1f{actor_name}").hexdigest()[:12]


def day_phrase(day: dt.date, today: dt.date) -> str:
    """«i dag», «i går», «3. desember» (with the year when it is not this year)."""
    if day == today:
        return "i dag"
    if day == today - dt.timedelta(days=1):
        return "i går"
    return formats.date_format(day, "j. F" if day.year == today.year else "j. F Y")


def day_heading(day: dt.date, today: dt.date) -> str:
    phrase = day_phrase(day, today)
    if phrase in ("i dag", "i går"):
        return phrase.capitalize()
    return formats.date_format(day, "l").capitalize() + " " + phrase


def _number(n: int) -> str:
    """12 345, with a space that keeps the number on one line."""
    return f"{n:,}".replace(",", "\u00a0")


def count_text(n: int) -> str:
    return _number(n) + (" gang" if n == 1 else " ganger")


def _you(viewer_id):
    return Case(When(actor_id=viewer_id, then=Value(True)), default=Value(False), output_field=BooleanField())


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=zone())


def _page_of(moment: dt.datetime, today: dt.date) -> int:
    return max(0, (today - timezone.localtime(moment, zone()).date()).days) // DAYS_PER_PAGE + 1


def _page_number(value) -> int:
    """`side` as before: anything that is not a page number is the first page."""
    value = (value or "").strip()
    if not re.fullmatch(r"[0-9]{1,9}", value) or int(value) < 1:
        return 1
    return min(int(value), MAX_PAGE)


def _query(**params) -> str:
    """An address for this page with these filters: only what differs from the defaults."""
    kept = {k: v for k, v in params.items() if v and not (k == "side" and v == 1)}
    return "?" + urlencode(kept)


def _kind(params) -> tuple[str, str]:
    value = (params.get("hva") or "").strip()
    kind = KIND_ALIASES.get(value, value)
    if kind in KINDS:
        return kind, ""
    return "", "Vi kjente ikke igjen valget under «Hva». Nå ser du alt."


def page(person, *, viewer, params) -> dict:
    """Everything the page shows, for the person `person` read by `viewer` (the person themself)."""
    tz = zone()
    today = timezone.localdate(timezone=tz)
    show_own = params.get("egne") == "1"
    kind, kind_problem = _kind(params)
    actions = KINDS[kind][1]
    number = _page_number(params.get("side"))
    first_day = today - dt.timedelta(days=DAYS_PER_PAGE * number - 1)
    last_day = first_day + dt.timedelta(days=DAYS_PER_PAGE - 1)
    start = _midnight(first_day)
    end = None if number == 1 else _midnight(last_day + dt.timedelta(days=1))  # page 1 keeps a clock ahead, too

    everything = AuditEvent.objects.filter(person_id=person.pk)
    if not show_own:
        everything = everything.exclude(actor_id=viewer.pk)

    # Query 1, one pass over the person's rows, aggregated in SQL: who occurs in the log (for
    # the filter), how far back it goes, and per actor the nearest row of the chosen kind
    # before and after these days (so «Eldre» and «Nyere» skip days with nothing to show).
    kind_only = Q(action__in=actions) if actions else Q()
    per_actor = (
        everything.annotate(you=_you(viewer.pk))
        .values("you", "actor_name", "actor_role")
        .annotate(
            first=Min("at"),
            older=Max("at", filter=kind_only & Q(at__lt=start)),
            newer=Min("at", filter=kind_only & Q(at__gte=end)) if end else Value(None, DateTimeField()),
        )
        .order_by()
    )
    actors = []
    for row in per_actor:
        who_label, role = describe_actor(row["actor_name"], row["actor_role"], yourself=row["you"])
        actors.append(
            Actor(
                key=who_key(row["actor_name"], row["actor_role"], you=row["you"]),
                label=f"{who_label} ({str(role).lower()})" if role else who_label,
                name=row["actor_name"],
                role=row["actor_role"],
                you=row["you"],
                first=row["first"],
                older=row["older"],
                newer=row["newer"],
            )
        )
    actors.sort(key=lambda a: (not a.you, a.label.casefold(), a.role))

    # The filters: keys only; anything else is said plainly and falls back to everything.
    problems = []
    who_value = (params.get("hvem") or "").strip()
    who = {a.key: a for a in actors}.get(who_value)
    if who_value and who is None:
        problems.append(
            "Vi fant ikke den du valgte under «Hvem» i loggen din"
            + (" (det du selv har gjort, vises bare når du har valgt å se det)" if who_value == YOU else "")
            + ". Nå ser du alle."
        )
    if kind_problem:
        problems.append(kind_problem)

    shown = everything
    if who is not None:
        if who.you:
            shown = shown.filter(actor_id=viewer.pk)
        else:
            shown = shown.filter(actor_name=who.name, actor_role=who.role).exclude(actor_id=viewer.pk)
    if actions:
        shown = shown.filter(action__in=actions)
    in_range = shown.filter(at__gte=start) if end is None else shown.filter(at__gte=start, at__lt=end)

    # Queries 2 and 3: the page's days, grouped, and the times under each line.
    days, cut_short = _days(in_range, viewer=viewer, today=today, tz=tz) if actors else ([], False)
    chosen = [who] if who is not None else actors
    older = max((a.older for a in chosen if a.older), default=None)
    newer = min((a.newer for a in chosen if a.newer), default=None)
    oldest = min((a.first for a in actors), default=None)

    groups = [g for d in days for g in d.groups]
    count, denied = sum(g.count for g in groups), sum(g.count for g in groups if g.denied)
    filters = {"egne": "1" if show_own else "", "hvem": who.key if who else "", "hva": kind}
    return {
        "show_own": show_own,
        "actors": [a for a in actors if show_own or not a.you],
        "who": who.key if who else "",
        "kinds": [(key, label) for key, (label, _actions) in KINDS.items()],
        "kind": kind,
        "filtered": who is not None or kind != "",
        "problems": problems,
        "days": days,
        "cut_short": cut_short,
        "count": count,
        "count_text": _number(count),
        "denied": denied,
        "denied_text": _number(denied),
        "empty_log": not actors,
        "number": number,
        "first_day": first_day,
        "last_day": last_day,
        "range": _range_text(first_day, last_day, today),
        "oldest": timezone.localtime(oldest, tz).date() if oldest else None,
        "older": _query(**filters, side=_page_of(older, today)) if older else "",
        # «Nyere» always leads back towards today, to the nearest newer page with anything in it.
        "newer": _query(**filters, side=_page_of(newer, today) if newer else 1) if number > 1 else "",
        "own_toggle": _query(egne="" if show_own else "1", hvem="" if (who and who.you) else filters["hvem"], hva=kind),
        "only_denied": _query(**{**filters, "hva": "stoppet"}, side=number),
    }


def _days(events, *, viewer, today, tz) -> tuple[list[Day], bool]:
    """The page's groups (query 2, counted in SQL) and the latest rows of the page for the
    lists under them (query 3, at most SINGLES_LIMIT rows). Also: whether that limit cut
    any group's list short."""
    you = _you(viewer.pk)
    counted = (
        events.annotate(day=TruncDate("at", tzinfo=tz), you=you)
        .values("day", "you", "actor_name", "actor_role", "action", "object_type")
        .annotate(count=Count("id"), latest=Max("at"), basis_low=Min("basis"), basis_high=Max("basis"))
        .order_by()
    )
    actions = {key: str(label) for key, label in Action.choices}
    bases = {key: str(label) for key, label in Basis.choices}
    groups: dict[tuple, Group] = {}
    for row in sorted(counted, key=lambda r: (r["day"], r["latest"]), reverse=True):
        name, role, action, you_ = row["actor_name"], row["actor_role"], row["action"], row["you"]
        who, role_label = describe_actor(name, role, yourself=you_)
        one_basis = row["basis_low"] == row["basis_high"] and not you_ and action != Action.DENIED
        groups[(row["day"], you_, name, role, action, row["object_type"])] = Group(
            day=row["day"],
            who=who,
            role=str(role_label).lower(),
            action=actions.get(action, action),
            what=object_label(row["object_type"], for_person=True),
            denied=action == Action.DENIED,
            count=row["count"],
            basis=bases.get(row["basis_low"], "") if one_basis else "",
            latest=row["latest"],
        )
    days: dict[dt.date, Day] = {}
    for group in groups.values():
        if group.day not in days:
            days[group.day] = Day(group.day, day_heading(group.day, today), day_phrase(group.day, today))
        days[group.day].groups.append(group)

    singles = []
    if groups:
        singles = list(
            events.order_by("-at", "-id").values_list(
                "at", "actor_id", "actor_name", "actor_role", "action", "object_type", "basis"
            )[:SINGLES_LIMIT]
        )
    for at, actor_id, name, role, action, object_type, basis in singles:
        local = timezone.localtime(at, tz)
        is_you = actor_id is not None and actor_id == viewer.pk
        group = groups.get((local.date(), is_you, name, role, action, object_type))
        if group is None or len(group.times) >= DETAILS_LIMIT:
            continue
        line = f"kl. {local:%H.%M} – {group.action} {group.what}"
        if basis in bases and not is_you and not group.denied:
            line += f" (grunnlag: {bases[basis]})"
        group.times.append(line)
    cut_short = len(singles) == SINGLES_LIMIT and sum(g.count for g in groups.values()) > SINGLES_LIMIT
    return list(days.values()), cut_short


def _range_text(first: dt.date, last: dt.date, today: dt.date) -> str:
    def date(day):
        return formats.date_format(day, "j. F" if day.year == today.year else "j. F Y")

    if last >= today:
        return f"Fra {date(first)} til i dag"
    return f"Fra {date(first)} til {date(last)}"
