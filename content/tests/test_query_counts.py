"""Pages over the bank cost a fixed, small number of SQL queries, however many questions they show."""

import pytest

from content.models import Favourite

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path, params, most",
    [
        ("/sporsmal/", {}, 8),
        ("/sporsmal/", {"q": "håp", "phase": "midtfase"}, 9),
        ("/sporsmal/kort/", {}, 8),
        ("/sporsmal/forslag/", {"situation": "ensom og lei"}, 8),
        ("/sporsmal/favoritter/", {}, 6),
        ("/chime/hope/", {}, 9),
        ("/veiledning/ti-metoder/", {}, 7),
        ("/api/v1/questions", {"q": "ensom"}, 6),
        ("/api/v1/suggestions", {"situation": "ensom"}, 5),
    ],
)
def test_query_count_is_small_and_fixed(alice_client, alice, django_assert_max_num_queries, path, params, most):
    alice_client.get(path, params)  # warm the per-process caches
    Favourite.objects.bulk_create(
        Favourite(user=alice, question_id=q) for q in ["C1.1", "H3.2", "I6.1", "M1.1", "E7.2"]
    )
    with django_assert_max_num_queries(most):
        assert alice_client.get(path, params).status_code == 200
