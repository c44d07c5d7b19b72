"""Whatever is sent to the CHIME form – any number or none, 20,000 characters, markup, emoji – gets
a page with a plain message or a saved rating with numbers from 0 to 10; never a server error,
never lost text, never markup that runs."""

import pytest
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chime.models import KEYS, ChimeRating

pytestmark = pytest.mark.django_db
HYPOTHESIS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
SCRIPT = "<script>alert('x')</script>"
texts = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        ["", "   ", SCRIPT, "<b>fet</b>", "😀🎉" * 20, "ጤና ይስጥልኝ ☃ ǅ", "å" * 5001, "a" * 20_001, "a" * 4999]
    ),
)
numbers = st.one_of(
    st.integers(-20, 30).map(str),
    st.sampled_from(["", " ", "5.0", "fem", "10 ", "+3", "0"]),
    st.text(max_size=5),
)


def clean(value: str) -> str:
    return value.replace("\x00", "")


@HYPOTHESIS
@given(values=st.lists(numbers, min_size=5, max_size=5), comments=st.lists(texts, min_size=5, max_size=5), note=texts)
def test_any_input_gets_a_plain_answer(charlie_client, charlie_person, values, comments, note):
    data = {key: clean(value) for key, value in zip(KEYS, values, strict=True)}
    data.update({f"{key}_comment": clean(text) for key, text in zip(KEYS, comments, strict=True)})
    data["note"] = clean(note)
    response = charlie_client.post(f"/personer/{charlie_person.pk}/chime/ny/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 302:
        for saved in ChimeRating.objects.filter(person=charlie_person):
            assert all(0 <= getattr(saved, key) <= 10 for key in KEYS)
        return
    body = response.content.decode()
    assert SCRIPT not in body
    assert "Velg et tall" in body or "Teksten kan være på høyst" in body
    for name, text in data.items():
        text = text.strip()
        if name not in KEYS and text and "\r" not in text:  # a number that is no choice has no box to stay in
            assert escape(text) in body, f"what was typed in {name} is gone"


def test_markup_in_comments_is_shown_as_text_on_every_page(charlie_client, charlie_person):
    base = f"/personer/{charlie_person.pk}/chime/"
    data = {key: "5" for key in KEYS} | {"hope_comment": SCRIPT, "note": SCRIPT}
    charlie_client.post(base + "ny/", data)
    rating = ChimeRating.objects.get()
    for url in [base, base + f"{rating.pk}/slett/"]:
        body = charlie_client.get(url).content.decode()
        assert SCRIPT not in body and "&lt;script&gt;" in body, url


@HYPOTHESIS
@given(choice=st.one_of(st.text(max_size=12), st.integers(-5, 10**12).map(str)))
def test_any_comparison_choice_shows_the_page(charlie_client, charlie_person, choice):
    if not ChimeRating.objects.exists():
        for n in range(3):
            ChimeRating.objects.create(person=charlie_person, **dict.fromkeys(KEYS, n))
    response = charlie_client.get(f"/personer/{charlie_person.pk}/chime/", {"sammenlign": clean(choice)})
    assert response.status_code == 200


@HYPOTHESIS
@given(rating_id=st.one_of(st.integers(-5, 2**63 + 5), st.just(0)))
def test_odd_rating_ids_are_not_found(charlie_client, charlie_person, rating_id):
    response = charlie_client.get(f"/personer/{charlie_person.pk}/chime/{abs(rating_id)}/slett/")
    assert response.status_code == 404
