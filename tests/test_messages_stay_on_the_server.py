"""A message after saving or deleting can hold the person's own words («Korset om «Røyken» er
tatt bort»). It waits in the session on the server, never in a cookie the browser keeps."""

import pytest

from mitools.models import AmbivalenceCross

pytestmark = pytest.mark.django_db


def test_a_message_with_the_persons_words_is_not_put_in_a_cookie(charlie_client, charlie_person):
    cross = AmbivalenceCross.objects.create(person=charlie_person, topic="Røyken", created_by=charlie_person.user)
    response = charlie_client.post(f"/personer/{charlie_person.pk}/mi/kors/{cross.pk}/slett/")
    assert response.status_code == 302
    assert "messages" not in response.cookies
    assert all("Røyken" not in morsel.value for morsel in response.cookies.values())
    page = charlie_client.get(response["Location"]).content.decode()
    assert "Korset om «Røyken» er tatt bort." in page
