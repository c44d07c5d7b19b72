"""Shared test fixtures and the test configuration. Personas, as in healthchecks, all in
the organisation "Testhuset":

alice   – practitioner (fagperson), care relation with charlie, in team "Aktivitet"
bob     – peer worker (erfaringskonsulent), in team "Arbeid"
charlie – a person in recovery with a login (`charlie_person` is their Person)
gina    – another practitioner, in alice's team "Aktivitet", no care relation
lise    – team leader (teamleder), in alice's team "Aktivitet"
siri    – admin of the organisation, in no team

Where the test databases live is decided here, not in medvandrer/settings.py
(`django_db_modify_db_settings`); `TEST_DB_TAG=something` keeps parallel runs apart.
"""

import hashlib
import os
from pathlib import Path

import pytest
from django.utils import timezone

from accounts.models import Role, User, UserSession
from accounts.sessions import SIGNED_IN_AT, TWO_FACTOR_DONE
from people.models import CareRelation, Organisation, Person, Team

PASSWORD = "en-lang-og-trygg-testfrase"


def pytest_configure(config):
    from django.conf import settings

    # Whitenoise (DEBUG off, as in tests) expects the collected-static folder to exist.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


def name_test_databases() -> None:
    """The test databases' names. TEST_DB_TAG keeps two test runs in one checkout apart
    (SQLite and PostgreSQL); pytest-django then adds each xdist worker's suffix (_gw0, …)."""
    from django.conf import settings

    default = settings.DATABASES["default"]
    test = default.setdefault("TEST", {})  # Django has already filled in the other TEST keys
    tag = os.getenv("TEST_DB_TAG", "")
    if os.getenv("DATABASE_URL"):
        if tag:
            test["NAME"] = f"test_{default['NAME']}{tag}"
        return
    # Tests use a file too, not shared memory, so that they run in WAL mode like production
    # and concurrent writers from threads or processes behave as they would. On Linux the
    # file lives in RAM (/dev/shm), which keeps the suite fast. Only the test suite's
    # fictional data goes there, never real data. Named after the checkout so that two
    # checkouts on one machine keep apart.
    ram_dir = Path("/dev/shm")  # noqa: S108
    folder = ram_dir if ram_dir.is_dir() else Path(settings.SQLITE_PATH).parent
    folder.mkdir(parents=True, exist_ok=True)
    checkout_id = hashlib.sha256(f"{settings.BASE_DIR}:{getattr(os, 'getuid', lambda: 0)()}".encode()).hexdigest()[:8]
    test["NAME"] = folder / f"medvandrer-test-{checkout_id}{tag}.sqlite3"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request):
    """pytest-django's hook, just before the test databases are created: our names first,
    then its own suffixes (xdist worker, tox environment) on top of them."""
    name_test_databases()
    request.getfixturevalue("django_db_modify_db_settings_parallel_suffix")


@pytest.fixture
def migrate_to(transactional_db):
    """Moves the test database to the given migrations (to test a data migration) and returns
    the models as they were there; afterwards the database is at the latest migrations again,
    so the tests that run after it in the same worker see every column."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def _migrate(targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    yield _migrate
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


@pytest.fixture(autouse=True)
def fast_password_hashing(request, settings):
    # Argon2 is deliberately slow; tests that check the real hasher opt out with the `real_hasher` marker.
    if "real_hasher" not in request.keywords:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def make_user(username: str, role: str, organisation=None, full_name: str = "") -> User:
    return User.objects.create_user(
        username=username,
        password=PASSWORD,
        role=role,
        full_name=full_name or username.title(),
        organisation=organisation,
    )


def sign_in(client, user, *, two_factor: bool = True):
    """A signed-in session as the real sign-in leaves it (sign-in time, two-factor done)."""
    client.force_login(user)
    session = client.session
    session[SIGNED_IN_AT] = timezone.now().isoformat()
    session[TWO_FACTOR_DONE] = two_factor
    session.save()
    UserSession.objects.get_or_create(session_key=session.session_key, defaults={"user": user})
    return client


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="Testhuset", slug="testhuset")


@pytest.fixture
def team(organisation):
    return Team.objects.create(organisation=organisation, name="Aktivitet")


@pytest.fixture
def other_team(organisation):
    return Team.objects.create(organisation=organisation, name="Arbeid")


@pytest.fixture
def alice(organisation, team):
    user = make_user("alice", Role.PRACTITIONER, organisation, "Alice Aas")
    user.teams.add(team)
    return user


@pytest.fixture
def bob(organisation, other_team):
    user = make_user("bob", Role.PEER_WORKER, organisation, "Bob Berg")
    user.teams.add(other_team)
    return user


@pytest.fixture
def gina(organisation, team):
    user = make_user("gina", Role.PRACTITIONER, organisation, "Gina Gran")
    user.teams.add(team)
    return user


@pytest.fixture
def lise(organisation, team):
    user = make_user("lise", Role.TEAM_LEADER, organisation, "Lise Lie")
    user.teams.add(team)
    return user


@pytest.fixture
def siri(organisation):
    return make_user("siri", Role.ADMIN, organisation, "Siri Sand")


@pytest.fixture
def charlie(organisation):
    return make_user("charlie", Role.PERSON, organisation, "Charlie Dahl")


@pytest.fixture
def charlie_person(charlie, alice):
    person = Person.objects.create(organisation=charlie.organisation, display_name="Charlie Dahl", user=charlie)
    CareRelation.objects.create(staff=alice, person=person)
    return person


@pytest.fixture
def alice_client(client, alice):
    return sign_in(client, alice)


@pytest.fixture
def charlie_client(client, charlie, charlie_person):
    return sign_in(client, charlie, two_factor=False)


@pytest.fixture(autouse=True)
def restore_content_after_flush(request, django_db_blocker):
    """Tests on a transactional database (live_server, threads) end with a flush of every
    table, the question bank included. Load it again so later tests find it; this
    fixture is set up before the database fixtures, so its teardown runs after the flush."""
    yield
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        from content.loader import load_content

        with django_db_blocker.unblock():
            load_content(force=True)


def count_queries(client, url) -> int:
    """SQL queries of one GET of `url` (200 expected), after a first GET has warmed the
    per-process caches. The content fingerprint is looked up at most once a second; tests
    that compare counts freeze that with the `steady_content_cache` fixture."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.fixture
def steady_content_cache(monkeypatch):
    monkeypatch.setattr("content.catalogue._FINGERPRINT_TTL", 3600)
