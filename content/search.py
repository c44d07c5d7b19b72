"""Full-text search over the question bank, with Norwegian stemming on both databases.

PostgreSQL: a tsvector per question built with the `norwegian` configuration,
weighted question text (A) > theme (B) > "når det er relevant" and element (C),
GIN-indexed, ranked with ts_rank_cd.
SQLite: an FTS5 table over the same three fields, pre-stemmed in Python with the
same Snowball algorithm, ranked with bm25() using matching weights.

All words must match; when that finds nothing, any word may match (and the
caller is told, so the page can say so). Each word also finds the other words of its group in
content/data/synonyms.toml («angst» finds «redd», «engstelig» …), and a word listed under
`search_situations` there brings the situations whose themes the bank adds after the words'
own hits («rus» → «Tilbakefall og tunge perioder»): practitioners search for words the
questions themselves never use.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection

from content.catalogue import cached_by_fingerprint
from content.text import STOP_WORDS, stem, words

SQLITE_TABLE = "content_question_fts"
PG_TABLE = "content_question_search"


@dataclass(frozen=True)
class SearchHits:
    ranked_ids: list[str]
    matched_all_words: bool
    situations: list[str] = field(default_factory=list)  # situation keys the words pointed to


@dataclass(frozen=True)
class Thesaurus:
    fingerprint: str
    also: dict  # stem -> the other single words of its synonym groups
    situations: dict  # stem -> situation keys


def _build_thesaurus(fingerprint: str) -> Thesaurus:
    from content.loader import read_search_situations, read_synonym_groups

    also, group_of = defaultdict(set), defaultdict(set)
    for group in read_synonym_groups():
        # single words of letters and digits only: each goes into to_tsquery / FTS5 as it is
        single = {w.lower() for w in group if w.isalnum()}
        for word in single:
            also[stem(word)] |= single - {word}
            group_of[stem(word)] |= {stem(w) for w in single}
    situations = defaultdict(list)
    for word, keys in read_search_situations().items():
        for s in group_of.get(stem(word), set()) | {stem(word)}:
            situations[s] += [k for k in keys if k not in situations[s]]
    return Thesaurus(fingerprint, dict(also), dict(situations))


thesaurus = cached_by_fingerprint(_build_thesaurus)


def _alternatives(term: str) -> list[str]:
    """The term, then the other words of its synonym groups."""
    others = sorted(thesaurus().also.get(stem(term), frozenset()) - {term})
    return [term] + [w for w in others if stem(w) != stem(term)]


def create_storage(schema_editor) -> None:
    """Create the vendor-specific index table (called from a migration)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE TABLE IF NOT EXISTS {PG_TABLE} ("  # nosec B608 - table names are module constants; values are parameters
            # No foreign key: the index is always rebuilt whole from the questions, and a
            # constraint here would stop Django's TRUNCATE-based flush in tests.
            " question_id varchar(12) PRIMARY KEY,"
            " document tsvector NOT NULL)"
        )
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {PG_TABLE}_gin ON {PG_TABLE} USING gin(document)")  # nosec B608 - table names are module constants; values are parameters
    else:
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {SQLITE_TABLE} USING fts5("  # nosec B608 - table names are module constants; values are parameters
            " question_id UNINDEXED, text, theme, context,"
            " tokenize = 'unicode61 remove_diacritics 0')"
        )


def drop_storage(schema_editor) -> None:
    table = PG_TABLE if schema_editor.connection.vendor == "postgresql" else SQLITE_TABLE
    schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


def _stemmed(text: str) -> str:
    return " ".join(stem(w) for w in words(text))


def rebuild_index() -> None:
    from content.models import Question

    questions = Question.objects.select_related("theme", "element")
    rows = [
        (
            q.id,
            q.text,
            q.theme.name,
            f"{q.theme.when_relevant} {q.element.name} {q.element.name_nb}",
        )
        for q in questions
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DELETE FROM {PG_TABLE}")  # nosec B608 - table names are module constants; values are parameters
            cursor.executemany(
                f"INSERT INTO {PG_TABLE} (question_id, document) VALUES (%s,"  # nosec B608 - table names are module constants; values are parameters
                " setweight(to_tsvector('norwegian', %s), 'A') ||"
                " setweight(to_tsvector('norwegian', %s), 'B') ||"
                " setweight(to_tsvector('norwegian', %s), 'C'))",
                rows,
            )
        else:
            cursor.execute(f"DELETE FROM {SQLITE_TABLE}")  # nosec B608 - table names are module constants; values are parameters
            cursor.executemany(
                f"INSERT INTO {SQLITE_TABLE} (question_id, text, theme, context) VALUES (%s, %s, %s, %s)",  # nosec B608 - table names are module constants; values are parameters
                [(qid, _stemmed(text), _stemmed(theme), _stemmed(context)) for qid, text, theme, context in rows],
            )


def query_words(query: str) -> list[str]:
    """The searchable words of a query, in order, without stop words or repeats."""
    seen, result = set(), []
    for word in words(query):
        if word in STOP_WORDS or word in seen:
            continue
        seen.add(word)
        result.append(word)
    return result[:20]


def _search_postgresql(terms: list[str], operator: str) -> list[str]:
    # Each word is letters/digits only (see content.text.WORD), so ':*' cannot inject syntax;
    # the values still travel as parameters. A typed word may be the start of a word (the last
    # one, as it is being typed); its group's words are whole words.
    groups, params = [], []
    for i, term in enumerate(terms):
        alternatives = _alternatives(term)
        groups.append("(" + " || ".join("to_tsquery('norwegian', %s)" for _ in alternatives) + ")")
        params += [f"{term}:*" if i == len(terms) - 1 else term] + alternatives[1:]
    tsquery = f" {operator} ".join(groups)
    sql = (
        f"SELECT question_id FROM {PG_TABLE}, ({'SELECT ' + tsquery}) AS q(query)"  # nosec B608 - table names are module constants; values are parameters
        " WHERE document @@ q.query"
        " ORDER BY ts_rank_cd(document, q.query) DESC, question_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _search_sqlite(terms: list[str], operator: str) -> list[str]:
    # Stems contain only letters and digits, so quoting them is enough for FTS5 syntax.
    groups = []
    for i, term in enumerate(terms):
        first = f'"{stem(term)}"*' if i == len(terms) - 1 else f'"{stem(term)}"'
        others = [f'"{stem(w)}"' for w in _alternatives(term)[1:]]
        groups.append("(" + " OR ".join([first] + others) + ")")
    match = f" {operator} ".join(groups)
    sql = (
        f"SELECT question_id FROM {SQLITE_TABLE} WHERE {SQLITE_TABLE} MATCH %s"  # nosec B608 - table names are module constants; values are parameters
        f" ORDER BY bm25({SQLITE_TABLE}, 0.0, 4.0, 2.0, 1.0), question_id"  # nosec B608 - table names are module constants; values are parameters
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [match])
        return [row[0] for row in cursor.fetchall()]


def search(query: str) -> SearchHits:
    """Question ids matching `query`, best first, and the situations its words point to."""
    terms = query_words(query)
    if not terms:
        return SearchHits([], True)
    situations = []
    for term in terms:
        situations += [k for k in thesaurus().situations.get(stem(term), ()) if k not in situations]
    if connection.vendor == "postgresql":
        run, all_op, any_op = _search_postgresql, "&&", "||"
    else:
        run, all_op, any_op = _search_sqlite, "AND", "OR"
    ranked = run(terms, all_op)
    if ranked or len(terms) == 1:
        return SearchHits(ranked, True, situations)
    return SearchHits(run(terms, any_op), False, situations)
