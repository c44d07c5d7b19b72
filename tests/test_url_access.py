"""Every URL the app serves has a declared access rule, and anonymous visitors get exactly that.

Adding a URL without adding it here fails the first test: decide who may see it.
(The full role × URL matrix grows from this table as people and persons arrive.)
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

# url name -> what an anonymous visitor gets
ACCESS = {
    "login": "public",
    "logout": "public",
    "home": "sign-in",
    "content:bank": "sign-in",
    "content:cards": "sign-in",
    "content:suggest": "sign-in",
    "content:favourites": "sign-in",
    "content:question": "sign-in",
    "content:toggle_favourite": "sign-in",
    "content:element": "sign-in",
    "content:guidance_index": "sign-in",
    "content:guidance": "sign-in",
    "content:api_questions": "api",
    "content:api_suggestions": "api",
}
EXAMPLE_ARGS = {"question_id": "C1.1", "key": "hope", "slug": "huskeregler"}


def app_url_patterns(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue  # Django admin has its own sign-in; covered by its own tests
            ns = f"{entry.namespace}:" if entry.namespace else namespace
            yield from app_url_patterns(entry, ns)
        elif isinstance(entry, URLPattern):
            yield f"{namespace}{entry.name}", entry


def example_path(name, pattern):
    from django.urls import reverse

    kwargs = {key: EXAMPLE_ARGS[key] for key in pattern.pattern.converters}
    return reverse(name, kwargs=kwargs)


def test_every_url_has_an_access_rule():
    names = {name for name, _ in app_url_patterns()}
    assert names - set(ACCESS) == set(), "new URL without an access rule"
    assert set(ACCESS) - names == set(), "access rule for a URL that no longer exists"


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(ACCESS))
def test_anonymous_visitors_get_the_declared_rule(client, name):
    pattern = dict(app_url_patterns())[name]
    path = example_path(name, pattern)
    for method in ("get", "post"):
        response = getattr(client, method)(path)
        rule = ACCESS[name]
        if rule == "sign-in":
            assert response.status_code == 302, (method, path)
            assert response["Location"].startswith("/logg-inn/?next="), (method, path)
        elif rule == "api":
            assert response.status_code in (401, 405), (method, path)
        else:
            assert response.status_code in (200, 302, 405), (method, path)
