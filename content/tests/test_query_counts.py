"""Pages over the bank cost a fixed, small number of SQL queries, however many questions they show."""

import json

import pytest

from content.models import Favourite

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "method, path, params, most",
    [
        ("get", "/sporsmal/", {}, 8),
        ("post", "/sporsmal/", {"q": "håp", "phase": "midtfase"}, 9),
        ("get", "/sporsmal/kort/", {}, 8),
        ("post", "/sporsmal/forslag/", {"situation": "ensom og lei"}, 9),
        ("get", "/sporsmal/favoritter/", {}, 6),
        ("get", "/chime/hope/", {}, 9),
        ("get", "/veiledning/ti-metoder/", {}, 7),
        ("json", "/api/v1/questions", {"q": "ensom"}, 6),
        ("json", "/api/v1/suggestions", {"situation": "ensom"}, 6),
    ],
)
def test_query_count_is_small_and_fixed(alice_client, alice, django_assert_max_num_queries, method, path, params, most):
    def call():
        if method == "json":
            return alice_client.post(path, json.dumps(params), content_type="application/json")
        return getattr(alice_client, method)(path, params)

    call()  # warm the per-process caches
    Favourite.objects.bulk_create(
        Favourite(user=alice, question_id=q) for q in ["C1.1", "H3.2", "I6.1", "M1.1", "E7.2"]
    )
    with django_assert_max_num_queries(most):
        assert call().status_code == 200
