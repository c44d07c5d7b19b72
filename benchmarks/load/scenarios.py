"""What is measured: the pages, and for each a request file of (path, session[, body, type]) lines
rotating over many signed-in staff and persons; the sessions are made directly in the database."""

import json
import tomllib
import urllib.parse
from pathlib import Path

from benchmarks.load import ROOT
from benchmarks.words import SEARCH_WORDS
from demo.scale import MARKER

# name, what, p95 goal (ms) or None, throughput ratio goal or None
PAGES = [
    ("bare", "bare Django view (ceiling)", None, None),
    ("home", "staff home «I dag» /", 150, 0.3),
    ("plan", "plan overview /personer/<id>/plan/", 150, 0.5),
    ("conversation", "conversation mode …/samtaler/<id>/", 150, 0.3),
    ("search", "question bank search /sporsmal/?q=", 150, 0.3),
    ("suggest", "suggestions page /sporsmal/forslag/?situation=", 150, 0.3),
    ("suggest_api", "suggestions API POST /api/v1/suggestions", 150, 0.3),
    ("access_log", "person's access log …/innsyn/", 150, 0.3),
    ("signin", "sign-in (form, password, code)", 150, 0.3),
    ("pdf", "plan PDF …/plan/plan.pdf", None, None),
    ("bare_end", "bare Django view, again at the end", None, None),
]


def make_session(user) -> str:
    """A signed-in session as accounts.sessions.complete_sign_in leaves it."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils import timezone

    from accounts.models import UserSession
    from accounts.sessions import LAST_SEEN, SIGNED_IN_AT, TWO_FACTOR_DONE

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    now = timezone.now()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store[SIGNED_IN_AT] = now.isoformat()
    store[TWO_FACTOR_DONE] = True
    store[LAST_SEEN] = int(now.timestamp())
    store.create()
    UserSession.objects.create(user=user, session_key=store.session_key)
    return store.session_key


def prepare(rng, workdir: Path, args) -> dict:
    """Sessions for a sample of staff and persons, and one request file per page."""
    from django.db.models import OuterRef, Subquery
    from django.utils import timezone

    from accounts.models import Role, User
    from conversations.models import Conversation
    from people.models import Block, CareRelation

    started = timezone.now()
    workers = list(
        User.objects.filter(
            username__startswith=MARKER,
            is_active=True,
            role__in=[Role.PRACTITIONER, Role.PEER_WORKER],
            care_relations__ended=None,
        )
        .distinct()
        .values_list("pk", flat=True)
    )
    rng.shuffle(workers)
    session_staff = workers[: args.users]
    signin_pool = workers[args.users : args.users + args.signin_users]
    latest = Conversation.objects.filter(person=OuterRef("person_id")).order_by("-held_on").values("pk")[:1]
    pairs = list(
        CareRelation.objects.active()
        .filter(staff_id__in=session_staff)
        .annotate(conversation=Subquery(latest))
        .values_list("staff_id", "person_id", "conversation")
    )
    blocked = set(Block.objects.values_list("staff_id", "person_id"))
    pairs = [p for p in pairs if (p[0], p[1]) not in blocked]
    rng.shuffle(pairs)
    users = {u.pk: u for u in User.objects.filter(pk__in=session_staff)}
    keys = {pk: make_session(user) for pk, user in users.items()}
    person_users = list(
        User.objects.filter(username__startswith=MARKER, role=Role.PERSON, is_active=True, person__isnull=False)
        .select_related("person")
        .order_by("?")[: args.users]
    )
    person_keys = [(make_session(u), u.person.pk) for u in person_users]
    situations = []
    for name in ("dev", "test"):
        with open(ROOT / "benchmarks" / "suggestions" / f"{name}.toml", "rb") as f:
            situations += [c["situation"] for c in tomllib.load(f)["cases"]]
    staff_keys = list(keys.values())
    q = urllib.parse.quote

    def write(name, lines):
        (workdir / f"{name}.tsv").write_text("".join("\t".join(line) + "\n" for line in lines))

    form = "application/x-www-form-urlencoded"

    write("bare", [("/bare/", "")])
    write("home", [("/", k) for k in staff_keys])
    write("plan", [(f"/personer/{p}/plan/", keys[s]) for s, p, _c in pairs])
    write("conversation", [(f"/personer/{p}/samtaler/{c}/", keys[s]) for s, p, c in pairs if c])
    # Typed words go in POST bodies (issue 11), as the pages and the API now send them.
    write("search", [("/sporsmal/", rng.choice(staff_keys), f"q={q(w)}", form) for w in SEARCH_WORDS * 20])
    write(
        "suggest",
        [("/sporsmal/forslag/", rng.choice(staff_keys), f"situation={q(s)}", form) for s in situations * 3],
    )
    write(
        "suggest_api",
        [
            ("/api/v1/suggestions", rng.choice(staff_keys), json.dumps({"situation": s}), "application/json")
            for s in situations * 3
        ],
    )
    write("access_log", [(f"/personer/{p}/innsyn/", k) for k, p in person_keys])
    write("pdf", [(f"/personer/{p}/plan/plan.pdf", keys[s]) for s, p, _c in pairs])
    mixed = []
    for name in ("home", "plan", "conversation", "search", "suggest", "suggest_api", "access_log"):
        mixed += (workdir / f"{name}.tsv").read_text().splitlines(keepends=True)[:200]
    rng.shuffle(mixed)
    (workdir / "warm.tsv").write_text("".join(mixed))
    leader = User.objects.filter(username__startswith=MARKER, role=Role.TEAM_LEADER, is_active=True).first()
    return {
        "started": started,
        "keys": keys,
        "pairs": pairs,
        "person_keys": person_keys,
        "leader_key": make_session(leader) if leader else None,
        "situations": situations,
        "signin_users": list(User.objects.filter(pk__in=signin_pool).values_list("username", "totp_secret")),
        "staff_count": len(keys),
        "pair_count": len(pairs),
        "person_count": len(person_keys),
        "signin_pool_count": len(signin_pool),
        "session_users": list(keys) + [u.pk for u in person_users] + ([leader.pk] if leader else []),
    }


def cleanup(sample: dict) -> None:
    """End every session this run made or caused (sign-ins included)."""
    from django.contrib.sessions.models import Session

    from accounts.models import UserSession

    made = UserSession.objects.filter(created__gte=sample["started"])
    Session.objects.filter(session_key__in=made.values("session_key")).delete()
    made.delete()
