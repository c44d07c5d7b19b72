"""Every URL × every role × GET and POST: the status is what the rules say, and no
response ever shows a canary from a person the role may not see.

The table RULES must name every URL pattern the resolver knows (Django admin
included); a new URL without an entry fails the first test. One test per URL pattern
(`test_authorization_matrix[<key>]`, the roles × methods inside), so xdist spreads them;
the world is built once per module and worker, and every test runs in a savepoint on
top of it. `test_every_url_is_in_the_matrix` checks that the tests cover exactly the URL
patterns, and prints "U URLs × R roles × M methods = K checks". The load benchmark's
URLconf (benchmarks/urls_bare.py) adds the bare view; its URLs are tested through it.
"""

import json
import os
import re
from contextlib import nullcontext
from dataclasses import dataclass

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver

from chime.testing import fresh_chime_rating
from conftest import sign_in
from mitools.testing import fresh_cross, fresh_ruler
from people.models import Person
from tests.world import ROLES, build_world, may_see, plant_journal

SIGNED_IN = frozenset(ROLES) - {"anonymous"}
PERSONS = frozenset({"self", "other_person"})
STAFF = SIGNED_IN - PERSONS
MANAGERS = frozenset({"team_leader", "admin", "other_organisation"})  # zoe leads a team in organisation B
LEADERS_OF_A = frozenset({"team_leader", "admin"})  # the target's organisation; zoe's is another
METHODS = ("get", "post")


@dataclass(frozen=True)
class Rule:
    """Expected status codes. `allowed` roles get `ok`; other signed-in roles get `denied`."""

    allowed: frozenset = SIGNED_IN
    ok_get: frozenset = frozenset({200})
    ok_post: frozenset = frozenset({200})
    denied: frozenset = frozenset({404})
    anonymous: frozenset = frozenset({302})

    def expect(self, role: str, method: str) -> frozenset:
        if role == "anonymous":
            return self.anonymous
        if role in self.allowed:
            return self.ok_get if method == "get" else self.ok_post
        return self.denied


GET_ONLY_API = Rule(ok_post=frozenset({405}), anonymous=frozenset({401, 405}))
SITUATION_API = Rule(
    ok_get=frozenset({405}), ok_post=frozenset({400}), anonymous=frozenset({401})
)  # the situation only in a POST body; none given: 400
POST_ONLY = Rule(ok_get=frozenset({405}), ok_post=frozenset({302}))
REDIRECT = Rule(ok_get=frozenset({302}), ok_post=frozenset({302}))
PUBLIC = Rule(anonymous=frozenset({200}))
# Django admin: superusers only, and the world has none. Team leaders and administrators are sent
# to «Administrasjon» (302), everyone else to the admin's sign-in (302), which refuses them (403).
ADMIN = Rule(allowed=frozenset(), denied=frozenset({302, 403}))

READERS = frozenset({"self", "with_relation", "teammate_with_consent", "teammate_extended_consent"})
AUTHOR = frozenset({"with_relation"})  # alice wrote the world's reflection journal entry
WRITERS = frozenset({"self", "with_relation"})
PERSONS_ONLY = frozenset({"self", "other_person"})

RULES = {
    "home": Rule(ok_get=frozenset({200, 302}), ok_post=frozenset({200, 302})),  # persons go to their own page
    "login": Rule(ok_get=frozenset({302}), ok_post=frozenset({302}), anonymous=frozenset({200})),
    "logout": Rule(ok_get=frozenset({405}), ok_post=frozenset({302}), anonymous=frozenset({302, 405})),
    "two_factor": Rule(ok_get=frozenset({302}), ok_post=frozenset({302}), anonymous=frozenset({302})),
    "two_factor_setup": Rule(anonymous=frozenset({302})),
    "two_factor_qr": Rule(ok_get=frozenset({404}), ok_post=frozenset({404}), anonymous=frozenset({404})),
    "account": Rule(),
    "two_factor_off": POST_ONLY,
    "sign_out_everywhere": POST_ONLY,
    "accept_invite": PUBLIC,
    "password_change": Rule(),
    "keep_signed_in": Rule(ok_get=frozenset({405}), ok_post=frozenset({204})),
    "password_forgotten": PUBLIC,
    "password_reset_confirm": PUBLIC,  # a link that does not fit says so, for anyone
    "staff_list": Rule(allowed=MANAGERS),
    # «Administrasjon»: the organisation's own leaders; an empty form answers with its messages (200).
    "administration": Rule(allowed=MANAGERS),
    "staff_invite": Rule(allowed=MANAGERS),
    "staff_edit": Rule(allowed=LEADERS_OF_A),
    "staff_welcome_link": Rule(allowed=LEADERS_OF_A, ok_get=frozenset({405}), denied=frozenset({404, 405})),
    "staff_disconnect_app": Rule(
        allowed=LEADERS_OF_A, ok_get=frozenset({405}), ok_post=frozenset({302}), denied=frozenset({404, 405})
    ),
    "team_list": Rule(allowed=MANAGERS),
    "team_edit": Rule(allowed=LEADERS_OF_A),
    "administration_persons": Rule(allowed=MANAGERS),
    "person_contacts": Rule(allowed=LEADERS_OF_A),
    "person_erase": Rule(allowed=LEADERS_OF_A),  # without «SLETT» typed: the page again, nothing erased
    "signin_provider": Rule(allowed=MANAGERS, ok_post=frozenset({302})),  # nothing chosen: password and code
    "staff_reset_link": Rule(
        allowed=frozenset({"team_leader", "admin"}), ok_get=frozenset({405}), denied=frozenset({404, 405})
    ),
    "accept_reset_link": Rule(
        ok_get=frozenset({404}), ok_post=frozenset({404}), anonymous=frozenset({404})
    ),  # the world's token is an invitation's, not a reset link's
    "short_code": PUBLIC,
    # Sign-in through a provider (oidc), configured here as an ID-porten that does not answer
    # (a_provider_that_does_not_answer): every start and every callback is refused (403) for
    # anyone; only staff have a provider link of their own to remove.
    "oidc_start": Rule(ok_get=frozenset({405}), ok_post=frozenset({403}), anonymous=frozenset({403, 405})),
    "oidc_callback": Rule(ok_get=frozenset({403}), ok_post=frozenset({403}), anonymous=frozenset({403})),
    "oidc_unlink": Rule(
        allowed=STAFF,
        ok_get=frozenset({405}),
        ok_post=frozenset({302}),
        denied=frozenset({404, 405}),
        anonymous=frozenset({404, 405}),
    ),
    "short_code_open": Rule(ok_get=frozenset({302}), ok_post=frozenset({302}), anonymous=frozenset({302})),
    "persons": Rule(ok_get=frozenset({200, 302}), ok_post=frozenset({200, 302})),
    "my_page": Rule(ok_get=frozenset({200, 302}), ok_post=frozenset({200, 302})),  # persons: their page; staff: home
    "person": Rule(allowed=READERS),
    "about_edit": Rule(allowed=frozenset({"self", "with_relation"})),
    "consents": Rule(allowed=frozenset({"self"})),
    "blocks": Rule(allowed=frozenset({"self"})),
    "access_log": Rule(allowed=frozenset({"self"})),
    "invite": Rule(allowed=frozenset({"with_relation"})),
    "erase": Rule(allowed=frozenset({"self"})),
    "organisation_log": Rule(allowed=MANAGERS),
    "plan": Rule(allowed=READERS),
    "goal": Rule(allowed=READERS),
    "toggle_step": Rule(
        allowed=WRITERS, ok_get=frozenset({405}), ok_post=frozenset({302}), denied=frozenset({404, 405})
    ),
    "celebrate": Rule(allowed=WRITERS),
    "wins": Rule(allowed=READERS, ok_post=frozenset({200, 404})),  # a consent reader may look, not write
    "day": Rule(allowed=READERS),
    "toggle_day_goal": Rule(
        allowed=WRITERS, ok_get=frozenset({405}), ok_post=frozenset({302}), denied=frozenset({404, 405})
    ),
    "resources": Rule(allowed=READERS),
    "resource_history": Rule(allowed=READERS),
    "network": Rule(allowed=READERS),
    "crisis_plan": Rule(allowed=READERS, ok_post=frozenset({405}), denied=frozenset({404, 405})),
    "crisis_part": Rule(allowed=WRITERS, ok_post=frozenset({409})),  # a form without a version meets the saved part
    "crisis_move": Rule(
        allowed=WRITERS, ok_get=frozenset({405}), ok_post=frozenset({302}), denied=frozenset({404, 405})
    ),
    "crisis_card": Rule(allowed=READERS),
    "crisis_card_pdf": Rule(allowed=READERS),
    # Help is one tap away for everyone, signed in or not; the person's own steps only for the person.
    "hard_now": Rule(ok_post=frozenset({405}), anonymous=frozenset({200, 405})),
    "hard_now_worker": Rule(ok_post=frozenset({405}), anonymous=frozenset({200, 405})),
    "organisation_numbers": Rule(allowed=MANAGERS),  # zoe sees her own organisation's list
    "organisation_number_edit": Rule(allowed=frozenset({"team_leader", "admin"})),
    "organisation_number_delete": Rule(allowed=frozenset({"team_leader", "admin"}), ok_post=frozenset({302})),
    "week": Rule(allowed=READERS),
    "new_item": Rule(allowed=WRITERS),
    "edit_item": Rule(allowed=WRITERS),
    "delete_item": Rule(allowed=WRITERS, ok_post=frozenset({302})),
    "plan_print": Rule(allowed=READERS),
    "plan_pdf": Rule(allowed=READERS),
    "ip": Rule(allowed=READERS),
    "ip_pdf": Rule(allowed=READERS),
    "data_export": Rule(allowed=frozenset({"self"})),
    "conversations": Rule(allowed=READERS),
    "conversation_new": Rule(allowed=WRITERS, ok_post=frozenset({302})),
    "conversation": Rule(allowed=READERS, ok_post=frozenset({302, 404, 409})),  # 409: a stale version
    "mark_question": Rule(
        allowed=WRITERS, ok_get=frozenset({405}), ok_post=frozenset({302}), denied=frozenset({404, 405})
    ),
    "conversation_steer": Rule(
        allowed=frozenset({"with_relation"}),
        ok_get=frozenset({405}),
        ok_post=frozenset({302}),
        denied=frozenset({404, 405}),
    ),
    "conversation_finish": Rule(allowed=WRITERS, ok_post=frozenset({302})),
    "conversation_delete": Rule(allowed=WRITERS, ok_post=frozenset({302})),
    "evaluations": Rule(allowed=READERS),
    "person_evaluation": Rule(allowed=frozenset({"self"})),  # only the person answers their own form
    # A form without a version meets the saved evaluation: the conflict view (409), never an overwrite.
    "staff_evaluation": Rule(allowed=frozenset({"with_relation"})),  # an empty form is refused with a message
    "evaluation_link": Rule(
        allowed=frozenset({"with_relation"}),
        ok_get=frozenset({405}),
        ok_post=frozenset({200}),  # the new link is shown once, in this response
        denied=frozenset({404, 405}),
    ),
    # The link is the key and shows nothing but the form; staff signed in are sent to their own form.
    "evaluation_by_link": Rule(allowed=PERSONS, denied=frozenset({403}), anonymous=frozenset({200})),
    "chime": Rule(allowed=READERS),
    "chime_new": Rule(allowed=WRITERS),
    "chime_delete": Rule(allowed=WRITERS, ok_post=frozenset({302})),
    "mi": Rule(allowed=READERS),
    "mi_cross": Rule(allowed=READERS),
    "mi_cross_new": Rule(allowed=WRITERS),
    "mi_cross_edit": Rule(allowed=WRITERS, ok_post=frozenset({200, 409})),  # 409: no or a stale version
    "mi_cross_delete": Rule(allowed=WRITERS, ok_post=frozenset({302})),
    "mi_ruler": Rule(allowed=READERS),
    "mi_ruler_new": Rule(allowed=WRITERS),
    "mi_ruler_delete": Rule(allowed=WRITERS, ok_post=frozenset({302})),
    "reflection_journal": Rule(allowed=STAFF),
    "reflection_week": Rule(allowed=STAFF, ok_post=frozenset({200})),  # an empty week gets a message
    "reflection_entry": Rule(allowed=AUTHOR),
    "reflection_delete": Rule(allowed=AUTHOR, ok_post=frozenset({302})),
    "language_check_api": Rule(
        allowed=STAFF,
        ok_get=frozenset({405}),
        ok_post=frozenset({400}),  # no text given
        denied=frozenset({403, 405}),
        anonymous=frozenset({401, 405}),
    ),
    "language_check": Rule(
        allowed=STAFF, ok_get=frozenset({405}), ok_post=frozenset({200}), denied=frozenset({403, 405})
    ),
    "content:bank": Rule(),
    "content:cards": Rule(),
    "content:suggest": Rule(),
    "content:favourites": Rule(),
    "content:question": Rule(),
    "content:toggle_favourite": POST_ONLY,
    "content:element": Rule(),
    "content:guidance_index": Rule(),
    "content:guidance": Rule(),
    "content:api_questions": Rule(ok_post=frozenset({400}), anonymous=frozenset({401})),  # a POST that is not JSON
    "content:api_suggestions": SITUATION_API,
}
# URLs only the load benchmark's URLconf has, never production's.
BENCHMARK_URLCONF = "benchmarks.urls_bare"
BENCHMARK_RULES = {
    "bare": PUBLIC,  # the load benchmark's ceiling: a fixed small response, no data
}


def url_patterns(resolver=None, prefix="", namespace=""):
    """(key, route template) for every pattern; unnamed patterns are keyed by their template."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from url_patterns(entry, route, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
        elif isinstance(entry, URLPattern):
            yield (f"{namespace}{entry.name}" if entry.name else f"{namespace}{route}"), route


def rule_for(key: str) -> Rule:
    if key.startswith("admin:"):
        return ADMIN
    return RULES[key] if key in RULES else BENCHMARK_RULES[key]


def benchmark_only_patterns() -> list[tuple[str, str]]:
    production = set(url_patterns())
    return [pattern for pattern in url_patterns(get_resolver(BENCHMARK_URLCONF)) if pattern not in production]


def matrix_cases() -> list:
    """One case per URL pattern: production's, then those only the benchmark's URLconf has."""
    production = [pytest.param(key, route, None, id=key) for key, route in url_patterns()]
    benchmark = [pytest.param(key, route, BENCHMARK_URLCONF, id=key) for key, route in benchmark_only_patterns()]
    return production + benchmark


CASES = matrix_cases()


ITEM_ROUTES = {  # the item an «<int:item_id>» route names, by the words before it
    "steg/": "step",
    "24-timer/": "day_goal",
    "chime/": "chime_rating",
    "kors/": "cross",
    "linjal/": "ruler",
    "samtaler/": "conversation",
}


def item_of_route(route: str, world) -> int:
    for before, name in ITEM_ROUTES.items():
        if f"{before}<int:item_id>" in route:
            return world.objects["P"][name]
    return world.objects["P"]["goal"]


def concrete_path(route: str, world, **override) -> str:
    """Fill the route template with ids from the world (the target person is P)."""
    model = re.search(r"(accounts/user|people/\w+)/", route)
    object_ids = {
        "accounts/user": world.objects["user"],
        "people/organisation": world.objects["organisation"],
        "people/team": world.objects["team"],
        "people/person": world.persons["P"].pk,
        "people/carerelation": world.objects["care_relation"],
    }
    values = {
        "person_id": world.persons["P"].pk,
        "token": world.invite_token,
        "question_id": "C1.1",
        "key": "hope",
        "slug": "huskeregler",
        "object_id": object_ids[model.group(1)] if model else world.persons["P"].pk,
        "id": world.objects["user"],
        "content_type_id": ContentType.objects.get_for_model(Person).pk,
        "app_label": "people",
        "url": "finnes-ikke/",
        "goal_id": world.objects["P"]["goal"],
        "conversation_id": world.objects["P"]["conversation"],
        "entry_id": world.objects["journal_entry"],
        "cross_id": world.objects["P"]["cross"],
        "ruler_id": world.objects["P"]["ruler"],
        "kind": "mal",
        "uidb64": "MQ",
        "user_id": world.objects["user"],
        "part_key": "selv",
        "number_id": world.objects["crisis_number"],
        "name": "idporten",
        "team_id": world.objects["team"],
        "item_id": item_of_route(route, world),
        **override,
    }

    def fill(match):
        return str(values[match.group("name")])

    if route.startswith("evaluering/"):
        values["token"] = world.objects["P"]["evaluation_token"]
    path = re.sub(r"<(?:\w+:)?(?P<name>\w+)>", fill, route)
    path = re.sub(r"\(\?P<(?P<name>\w+)>[^)]*\)", fill, path)
    return "/" + path.replace("^", "").replace("$", "")


def fresh_goal(world) -> dict:
    """A goal of P that may be deleted: a successful delete must not change what the next role sees."""
    from plans.models import Goal

    return {"item_id": Goal.objects.create(person=world.persons["P"], text="Kan tas bort").pk}


def fresh_conversation(world) -> dict:
    from conversations.models import Conversation

    return {"item_id": Conversation.objects.create(person=world.persons["P"]).pk}


def fresh_journal_entry(world) -> dict:
    from reflection.models import JournalEntry

    weeks = JournalEntry.objects.filter(author=world.users["with_relation"]).count()
    return {"entry_id": plant_journal(world.users["with_relation"], "", weeks_back=weeks + 1)}


def fresh_crisis_number(world) -> dict:
    from crisis.models import OrganisationContact

    number = OrganisationContact.objects.create(
        organisation_id=world.objects["organisation"], name="Vakt", number="22334455"
    )
    return {"number_id": number.pk}


FRESH = {
    "organisation_number_delete": fresh_crisis_number,
    "chime_delete": lambda world: fresh_chime_rating(world.persons["P"]),
    "mi_cross_delete": lambda world: fresh_cross(world.persons["P"]),
    "mi_ruler_delete": lambda world: fresh_ruler(world.persons["P"]),
    "delete_item": fresh_goal,
    "conversation_delete": fresh_conversation,
    "reflection_delete": fresh_journal_entry,
}


def leaked_canaries(body: str, world, role: str) -> set[str]:
    allowed = may_see(world, role)
    return {key for key, canary in world.canaries.items() if key not in allowed and canary in body}


def test_every_url_has_a_rule():
    keys = {key for key, _route in url_patterns()}
    missing = {key for key in keys if not key.startswith("admin:") and key not in RULES}
    assert missing == set(), f"URL without an authorization rule: {sorted(missing)}"
    assert set(RULES) - keys == set(), "rule for a URL that no longer exists"


def test_the_benchmark_urls_are_production_plus_the_bare_view_and_never_in_production():
    production = list(url_patterns())
    benchmark = list(url_patterns(get_resolver(BENCHMARK_URLCONF)))
    assert benchmark[: len(production)] == production
    assert {key for key, _route in benchmark_only_patterns()} == set(BENCHMARK_RULES)
    assert set(BENCHMARK_RULES) & {key for key, _route in production} == set()


def test_every_url_is_in_the_matrix(capsys):
    """The parametrized matrix covers exactly the URL patterns: nothing untested, nothing extra."""
    (parametrize,) = (mark for mark in test_authorization_matrix.pytestmark if mark.name == "parametrize")
    covered = [(case.values[0], case.values[1], case.values[2]) for case in parametrize.args[1]]
    expected = [(key, route, None) for key, route in url_patterns()] + [
        (key, route, BENCHMARK_URLCONF) for key, route in benchmark_only_patterns()
    ]
    assert covered == expected
    assert len({key for key, _route, _urlconf in covered}) == len(covered), "two URL patterns with one key"
    figure = f"{len(covered)} URLs × {len(ROLES)} roles × {len(METHODS)} methods = {len(covered) * len(ROLES) * len(METHODS)} checks"
    with capsys.disabled():
        print("\n" + figure)


SESSION_ENDING = {"logout", "sign_out_everywhere", "admin:logout"}  # a new sign-in after these


def signed_in_client(world, role) -> Client:
    client = Client()
    if role != "anonymous":
        user = world.users[role]
        sign_in(client, user, two_factor=user.needs_two_factor)
    return client


@pytest.fixture(scope="module", autouse=True)
def a_provider_that_does_not_answer(tmp_path_factory):
    """An ID-porten configured as an installation would (oidc.providers), on a port nobody listens on."""
    from joserfc.jwk import RSAKey

    from oidc import flow, providers

    key_file = tmp_path_factory.mktemp("oidc") / "key.json"
    key_file.write_text(json.dumps(RSAKey.generate_key(2048, parameters={"kid": "k"}).as_dict(private=True)))
    environment = {
        "OIDC_PROVIDERS": "idporten",
        "OIDC_IDPORTEN_ISSUER": "http://127.0.0.1:9",
        "OIDC_IDPORTEN_CLIENT_ID": "medvandrer",
        "OIDC_IDPORTEN_JWK_FILE": str(key_file),
        "OIDC_IDPORTEN_TIMEOUT": "1",
    }
    before = {name: os.environ.get(name) for name in environment}
    os.environ.update(environment)
    providers.configured.cache_clear()
    flow.forget_clients()
    yield
    for name, value in before.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    providers.configured.cache_clear()
    flow.forget_clients()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The world, built once per module (and xdist worker) in a transaction that is rolled
    back at the end; each test's own transaction is a savepoint inside it."""
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]),
        transaction.atomic(),
    ):
        yield build_world()
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "route", "urlconf"), CASES)
def test_authorization_matrix(world, key, route, urlconf):
    rule = rule_for(key)
    checks, unexpected = 0, []
    with override_settings(ROOT_URLCONF=urlconf) if urlconf else nullcontext():
        # Fresh sessions for every URL, so nothing one page leaves in a session changes the next check.
        clients = {role: signed_in_client(world, role) for role in ROLES}
        for role in ROLES:
            for method in METHODS:
                path = concrete_path(route, world, **(FRESH[key](world) if key in FRESH else {}))
                response = getattr(clients[role], method)(path)
                if key in SESSION_ENDING:
                    clients[role] = signed_in_client(world, role)
                body = response.content.decode(errors="replace")
                checks += 1
                expected = rule.expect(role, method)
                if response.status_code not in expected:
                    unexpected.append(
                        f"{method.upper()} {path} as {role}: {response.status_code}, expected {sorted(expected)}"
                    )
                leaks = leaked_canaries(body, world, role)
                if leaks:
                    unexpected.append(f"{method.upper()} {path} as {role}: shows data of {sorted(leaks)}")
    figure = f"{key}: {len(ROLES)} roles × {len(METHODS)} methods = {checks} checks, {len(unexpected)} unexpected"
    assert not unexpected, figure + "\n" + "\n".join(unexpected)
