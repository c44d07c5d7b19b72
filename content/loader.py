"""Load the reviewed content files in content/data/ into the database.

Runs after every `migrate` (post_migrate) and from `manage.py load_content`.
It is idempotent: rows are matched by their stable keys, changed rows are updated,
rows whose key left the files are removed. A fingerprint of the files makes a
repeated `migrate` skip the work when nothing changed.
"""

import hashlib
import re
import tomllib
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

DATA_DIR = Path(__file__).resolve().parent / "data"
ELEMENT_KEYS = ("connectedness", "hope", "identity", "meaning", "empowerment")
QUESTION_ID = re.compile(r"^(?P<code>[CHIME])(?P<theme>\d+)\.(?P<number>\d+)$")
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ContentError(ValueError):
    """A content file breaks the schema; the message names the file and the problem."""


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ContentError(f"{path.name}: not valid TOML: {e}") from e


def content_files() -> list[Path]:
    return sorted(
        [
            DATA_DIR / "phases.toml",
            DATA_DIR / "situations.toml",
            DATA_DIR / "situation_examples.toml",
            DATA_DIR / "synonyms.toml",
            DATA_DIR / "theme_triggers.toml",
        ]
        + list((DATA_DIR / "questions").glob("*.toml"))
        + list((DATA_DIR / "guidance").glob("*.toml"))
    )


def read_synonym_groups() -> list[list[str]]:
    groups = _read(DATA_DIR / "synonyms.toml").get("groups", [])
    for group in groups:
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w for w in group):
            raise ContentError(f"synonyms.toml: every group needs two or more words, found {group!r}")
    return groups


def read_theme_triggers(theme_keys=None) -> dict[str, list[str]]:
    """{theme key: everyday phrases that make its questions the ones to ask} (the ranker's)."""
    found = {}
    for block in _read(DATA_DIR / "theme_triggers.toml").get("themes", []):
        key, triggers = block.get("key"), block.get("triggers", [])
        if theme_keys is not None and key not in theme_keys:
            raise ContentError(f"theme_triggers.toml: unknown theme {key!r}")
        if not isinstance(triggers, list) or not all(isinstance(t, str) and t.strip() for t in triggers):
            raise ContentError(f"theme_triggers.toml: {key}: triggers must be a list of phrases")
        found[key] = triggers
    return found


def read_search_situations(situation_keys=None) -> dict[str, list[str]]:
    """{word: situation keys}: what the bank's search shows for a word no question holds."""
    table = _read(DATA_DIR / "synonyms.toml").get("search_situations", {})
    for word, keys in table.items():
        if not isinstance(keys, list) or not keys or not all(isinstance(k, str) for k in keys):
            raise ContentError(f"synonyms.toml: search_situations.{word} needs a list of situation keys")
        unknown = [k for k in keys if situation_keys is not None and k not in situation_keys]
        if unknown:
            raise ContentError(f"synonyms.toml: search_situations.{word} has unknown situations {unknown}")
    return table


def fingerprint() -> str:
    digest = hashlib.sha256()
    for path in content_files():
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _require(data: dict, keys: tuple[str, ...], where: str) -> None:
    missing = [k for k in keys if k not in data or data[k] in ("", None)]
    if missing:
        raise ContentError(f"{where}: missing {', '.join(missing)}")


def read_all() -> dict:
    """Read and validate every content file; returns plain data, touches no database."""
    phases = _read(DATA_DIR / "phases.toml")["phases"]
    situations = _read(DATA_DIR / "situations.toml")["situations"]
    phase_keys = {p["key"] for p in phases}
    situation_keys = {s["key"] for s in situations}
    examples: dict[str, list[str]] = {}
    for block in _read(DATA_DIR / "situation_examples.toml").get("examples", []):
        if block.get("situation") not in situation_keys:
            raise ContentError(f"situation_examples.toml: unknown situation {block.get('situation')!r}")
        examples.setdefault(block["situation"], []).extend(t.strip() for t in block.get("texts", []) if t.strip())
    for situation in situations:
        situation["examples"] = examples.get(situation["key"], [])

    elements = []
    seen_questions: set[str] = set()
    seen_theme_slugs: set[str] = set()
    for path in sorted((DATA_DIR / "questions").glob("*.toml")):
        element = _read(path)
        where = path.name
        _require(element, ("key", "code", "name", "name_nb", "heading", "order", "themes"), where)
        if element["key"] not in ELEMENT_KEYS:
            raise ContentError(f"{where}: unknown element {element['key']!r}")
        for row in element.get("guidance", []):
            unknown = set(row["phases"]) - phase_keys
            if unknown:
                raise ContentError(f"{where}: guidance {row['label']!r} names unknown phases {sorted(unknown)}")
        for theme in element["themes"]:
            _require(theme, ("key", "name", "when_relevant", "phases", "questions"), f"{where} theme")
            if not theme["key"].startswith(element["code"]):
                raise ContentError(f"{where}: theme {theme['key']} does not start with {element['code']}")
            slug = slugify(theme["name"])
            if slug in seen_theme_slugs:
                raise ContentError(f"{where}: two themes are both called {theme['name']!r}")
            seen_theme_slugs.add(slug)
            theme["slug"] = slug
            for key, known in (("phases", phase_keys), ("situations", situation_keys)):
                unknown = set(theme.get(key, [])) - known
                if unknown:
                    raise ContentError(f"{where}: theme {theme['key']} names unknown {key} {sorted(unknown)}")
            for question in theme["questions"]:
                match = QUESTION_ID.match(question["id"])
                if not match or f"{match['code']}{match['theme']}" != theme["key"]:
                    raise ContentError(
                        f"{where}: question id {question['id']!r} does not belong to theme {theme['key']}"
                    )
                if question["id"] in seen_questions:
                    raise ContentError(f"{where}: question id {question['id']} is used twice")
                seen_questions.add(question["id"])
                if not question.get("text", "").strip():
                    raise ContentError(f"{where}: question {question['id']} has no text")
        elements.append(element)
    if sorted(e["key"] for e in elements) != sorted(ELEMENT_KEYS):
        raise ContentError("questions/: expected exactly one file per CHIME element")

    collections = []
    for path in sorted((DATA_DIR / "guidance").glob("*.toml")):
        collection = _read(path)
        where = path.name
        _require(collection, ("slug", "title", "order", "items"), where)
        if collection["slug"] != path.stem:
            raise ContentError(f"{where}: slug {collection['slug']!r} must equal the file name")
        keys = [item.get("key", "") for item in collection["items"]]
        for key in keys:
            if not SLUG.match(key):
                raise ContentError(f"{where}: item key {key!r} must be lowercase-with-dashes")
        if len(set(keys)) != len(keys):
            raise ContentError(f"{where}: item keys must be unique")
        for item in collection["items"]:
            chime = item.get("chime", "")
            if chime and chime not in ELEMENT_KEYS:
                raise ContentError(f"{where}: item {item['key']} has unknown chime {chime!r}")
        collections.append(collection)

    return {
        "phases": phases,
        "situations": situations,
        "elements": elements,
        "collections": collections,
        "synonyms": read_synonym_groups(),
        "search_situations": read_search_situations(situation_keys),
        "theme_triggers": read_theme_triggers({t["key"] for e in elements for t in e["themes"]}),
    }


def _quote_title_once(entry: dict) -> dict:
    """A title that is itself one of the examples (a sentence to say) is shown once, in «»."""
    title, examples = entry.get("title", ""), entry.get("examples", [])
    if title and title in examples:
        entry = {**entry, "title": f"«{title}»", "examples": [e for e in examples if e != title]}
    return entry


def _sync(model, rows: dict, **scope):
    """Upsert `rows` ({pk: fields}) and delete rows of `model` (within `scope`) not in it."""
    existing = {obj.pk: obj for obj in model.objects.filter(**scope)}
    for pk, fields in rows.items():
        obj = existing.pop(pk, None)
        if obj is None:
            model.objects.create(pk=pk, **fields)
        elif any(getattr(obj, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(obj, name, value)
            obj.save()
    if existing:
        model.objects.filter(pk__in=list(existing)).delete()


@transaction.atomic
def load_content(force: bool = False) -> bool:
    """Sync the files into the database. Returns False when they were already loaded."""
    from content import search
    from content.catalogue import forget_fingerprint
    from content.models import (
        ContentState,
        Element,
        GuidanceCollection,
        GuidanceItem,
        Phase,
        PhaseGuidance,
        Question,
        Situation,
        Theme,
        ThemeSituation,
    )

    current = fingerprint()
    state = ContentState.objects.select_for_update().filter(pk=1).first()
    if state and state.fingerprint == current and not force:
        return False
    data = read_all()

    _sync(
        Phase,
        {
            p["key"]: {"name": p["name"], "description": p.get("description", ""), "order": i}
            for i, p in enumerate(data["phases"])
        },
    )
    _sync(
        Situation,
        {
            s["key"]: {
                "name": s["name"],
                "description": s.get("description", ""),
                "triggers": s.get("triggers", []),
                "examples": s["examples"],
                "order": i,
            }
            for i, s in enumerate(data["situations"])
        },
    )
    _sync(
        Element,
        {
            e["key"]: {
                "code": e["code"],
                "name": e["name"],
                "name_nb": e["name_nb"],
                "heading": e["heading"],
                "intro": e.get("intro", ""),
                "purposes_title": e.get("purposes_title", ""),
                "purposes": e.get("purposes", []),
                "bank_title": e.get("bank_title", ""),
                "guidance_column": e.get("guidance_column", ""),
                "key_principles_title": e.get("key_principles_title", ""),
                "key_principles": e.get("key_principles", []),
                "order": e["order"],
            }
            for e in data["elements"]
        },
    )

    theme_rows, question_rows, theme_tags = {}, {}, {}
    for element in data["elements"]:
        for t_order, theme in enumerate(element["themes"], start=1):
            theme_rows[theme["key"]] = {
                "element_id": element["key"],
                "number": theme.get("number"),
                "name": theme["name"],
                "slug": theme["slug"],
                "when_relevant": theme["when_relevant"],
                "order": t_order,
            }
            theme_tags[theme["key"]] = (theme["phases"], theme.get("situations", []))
            for q_order, question in enumerate(theme["questions"], start=1):
                question_rows[question["id"]] = {
                    "element_id": element["key"],
                    "theme_id": theme["key"],
                    "text": question["text"].strip(),
                    "order": q_order,
                }
    _sync(Theme, theme_rows)
    ThemeSituation.objects.all().delete()
    for theme in Theme.objects.all():
        phases, situations = theme_tags[theme.key]
        theme.phases.set(phases)
        ThemeSituation.objects.bulk_create(
            ThemeSituation(theme=theme, situation_id=key, position=i) for i, key in enumerate(situations)
        )
    _sync(Question, question_rows)

    # Guidance rows have no key of their own in the seed; (element, order) identifies them.
    PhaseGuidance.objects.all().delete()
    for element in data["elements"]:
        for order, row in enumerate(element.get("guidance", []), start=1):
            guidance = PhaseGuidance.objects.create(
                element_id=element["key"], label=row["label"], text=row["text"], order=order
            )
            guidance.phases.set(row["phases"])

    _sync(
        GuidanceCollection,
        {
            c["slug"]: {
                "title": c["title"],
                "summary": c.get("summary", ""),
                "sources": c.get("sources", []),
                "intro": c.get("intro", "").strip(),
                "outro": c.get("outro", "").strip(),
                "examples_label": c.get("examples_label", ""),
                "order": c["order"],
            }
            for c in data["collections"]
        },
    )
    GuidanceItem.objects.all().delete()
    GuidanceItem.objects.bulk_create(
        GuidanceItem(
            collection_id=c["slug"],
            key=item["key"],
            group=item.get("group", ""),
            chime_id=item.get("chime") or None,
            text=item.get("text", "").strip(),
            points=[_quote_title_once(point) for point in item.get("points", [])],
            reflection=item.get("reflection", ""),
            url=item.get("url", ""),
            order=order,
            **_quote_title_once({"title": item.get("title", ""), "examples": item.get("examples", [])}),
        )
        for c in data["collections"]
        for order, item in enumerate(c["items"], start=1)
    )

    search.rebuild_index()
    ContentState.objects.update_or_create(pk=1, defaults={"fingerprint": current})
    forget_fingerprint()
    return True


def load_content_after_migrate(sender, using="default", plan=None, **kwargs):
    """post_migrate hook: load content once the content tables exist."""
    from django.db import connections

    tables = connections[using].introspection.table_names()
    if "content_contentstate" not in tables:
        return
    load_content()
