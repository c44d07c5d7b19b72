"""Whatever is sent to the person pages – tampered ids, hostile text, odd dates – the answer is a page
or a 404, never a server error, and nothing that was typed is lost."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db
HYPOTHESIS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
hostile = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["", " ", "<script>alert(1)</script>", "😀" * 50, "\u202e\u200b", "a" * 20_001, "' OR 1=1 --", "9" * 40]
    ),
)


def clean(value: str) -> str:
    return value.replace("\x00", "")


@HYPOTHESIS
@given(about=hostile, version=st.one_of(st.integers(-5, 10**12).map(str), st.text(max_size=10)))
def test_about_form(charlie_client, charlie_person, about, version):
    response = charlie_client.post(
        f"/personer/{charlie_person.pk}/om-meg/", {"about": clean(about), "version": clean(version)}
    )
    assert response.status_code in (200, 302, 409)
    if response.status_code in (200, 409):
        body = response.content.decode()
        assert "<script>alert(1)</script>" not in body


@HYPOTHESIS
@given(
    team=st.one_of(st.integers(-3, 10**9).map(str), st.text(max_size=20)),
    until=st.one_of(st.dates().map(str), st.text(max_size=20)),
    withdraw=st.text(max_size=12),
)
def test_consent_form(charlie_client, charlie_person, team, until, withdraw):
    path = f"/personer/{charlie_person.pk}/samtykke/"
    assert charlie_client.post(path, {"give": "1", "team": clean(team), "valid_until": clean(until)}).status_code in (
        200,
        302,
    )
    assert charlie_client.post(path, {"withdraw": clean(withdraw)}).status_code in (302, 404)


@HYPOTHESIS
@given(staff=st.one_of(st.integers(-3, 10**9).map(str), st.text(max_size=20)), unblock=st.text(max_size=12))
def test_block_form(charlie_client, charlie_person, staff, unblock):
    path = f"/personer/{charlie_person.pk}/sperrer/"
    assert charlie_client.post(path, {"block": "1", "staff": clean(staff)}).status_code in (200, 302)
    assert charlie_client.post(path, {"unblock": clean(unblock)}).status_code in (302, 404)


@HYPOTHESIS
@given(confirm=hostile)
def test_erase_form_never_erases_without_the_word(charlie_client, charlie_person, confirm):
    from people.models import Person

    response = charlie_client.post(f"/personer/{charlie_person.pk}/slett/", {"confirm": clean(confirm)[:50]})
    if clean(confirm).strip().upper() != "SLETT":
        assert response.status_code == 200
        assert Person.objects.filter(pk=charlie_person.pk).exists()


@HYPOTHESIS
@given(person_id=st.one_of(st.integers(-(2**70), 2**70), st.text(min_size=1, max_size=30)))
def test_tampered_person_ids_are_404(alice_client, person_id):
    from urllib.parse import quote

    for suffix in ("", "om-meg/", "samtykke/", "innsyn/", "slett/"):
        response = alice_client.get(f"/personer/{quote(str(person_id), safe='')}/{suffix}")
        assert response.status_code == 404


@HYPOTHESIS
@given(page=st.text(max_size=12), own=st.text(max_size=5))
def test_access_log_paging(charlie_client, charlie_person, page, own):
    response = charlie_client.get(f"/personer/{charlie_person.pk}/innsyn/", {"side": clean(page), "egne": clean(own)})
    assert response.status_code == 200
