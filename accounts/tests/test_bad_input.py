"""Sign-in, codes and invitations take any input without a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db
HYPOTHESIS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
anything = st.one_of(st.text(max_size=200), st.sampled_from(["", "<script>", "😀", "a" * 5000, "123456", " 12 34 56 "]))


def clean(value: str) -> str:
    return value.replace("\x00", "")


@HYPOTHESIS
@given(username=anything, password=anything)
def test_sign_in_form(client, username, password):
    response = client.post("/logg-inn/", {"username": clean(username), "password": clean(password)})
    assert response.status_code in (200, 302, 429)


@HYPOTHESIS
@given(code=anything)
def test_code_forms(client, alice, code):
    from conftest import PASSWORD

    client.post("/logg-inn/", {"username": "alice", "password": PASSWORD})
    assert client.post("/logg-inn/tofaktor/", {"code": clean(code)}).status_code in (200, 302)
    assert client.post("/logg-inn/kode/", {"code": clean(code)}).status_code in (200, 302)


@HYPOTHESIS
@given(username=anything, one=anything, two=anything)
def test_invitation_form(client, alice, charlie_person, username, one, two):
    from accounts.models import Invite
    from people.models import Person

    person = Person.objects.create(organisation=alice.organisation, display_name="Ny Person")
    _invite, token = Invite.create_for(person, created_by=alice)
    response = client.post(
        f"/invitasjon/{token}/", {"username": clean(username), "password1": clean(one), "password2": clean(two)}
    )
    assert response.status_code in (200, 302)


@HYPOTHESIS
@given(token=st.text(min_size=1, max_size=100))
def test_any_invitation_token(client, token):
    from urllib.parse import quote

    assert client.get(f"/invitasjon/{quote(token, safe='')}/").status_code in (404, 410)
