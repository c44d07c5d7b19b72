"""Who may see the CHIME self-ratings and who may add or remove them: the person and their care
contact may do both, a team the person gave consent to may only look, nobody else may do anything –
and every stopped attempt is in the audit trail."""

import pytest
from django.test import Client

from audit.models import Action, AuditEvent
from chime.models import ChimeRating
from chime.tests.common import consent_reader, form_data, rating, stranger
from conftest import make_user, sign_in
from people.models import Block, Person

pytestmark = pytest.mark.django_db


def urls(person, item):
    base = f"/personer/{person.pk}/chime/"
    return {"overview": base, "new": base + "ny/", "delete": base + f"{item.pk}/slett/"}


def test_the_person_sees_adds_and_removes_their_own_ratings(charlie_client, charlie_person):
    item = rating(charlie_person, 3, 4, 5, 6, 7, hope_comment="Litt lysere nå")
    u = urls(charlie_person, item)
    page = charlie_client.get(u["overview"]).content.decode()
    assert "Slik har du det – over tid" in page and "Litt lysere nå" in page
    assert charlie_client.get(u["new"]).status_code == 200
    assert charlie_client.post(u["new"], form_data(6, 6, 6, 6, 6)).status_code == 302
    assert charlie_client.post(u["delete"]).status_code == 302
    assert list(ChimeRating.objects.values_list("hope", flat=True)) == [6]


def test_the_care_contact_may_enter_a_rating_with_the_person_and_is_shown_as_its_author(
    alice_client, charlie_person, charlie
):
    base = f"/personer/{charlie_person.pk}/chime/"
    page = alice_client.get(base + "ny/").content.decode()
    assert "Hvordan har Charlie Dahl det nå?" in page and "Det blir vist at det var du som la inn vurderingen" in page
    assert alice_client.post(base + "ny/", form_data(2, 3, 4, 5, 6)).status_code == 302
    saved = ChimeRating.objects.get()
    assert saved.created_by.username == "alice"
    own_view = sign_in(Client(), charlie, two_factor=False).get(base).content.decode()
    assert "av Alice Aas" in own_view


def test_a_consent_reader_sees_but_cannot_add_or_remove(charlie_person, bob, other_team):
    item = rating(charlie_person, hope_comment="Mine ord om håp")
    u = urls(charlie_person, item)
    reader = consent_reader(charlie_person, bob, other_team)
    page = reader.get(u["overview"])
    assert page.status_code == 200 and "Mine ord om håp" in page.content.decode()
    assert "Ny egenvurdering" not in page.content.decode() and "Ta bort" not in page.content.decode()
    assert reader.get(u["new"]).status_code == 404
    assert reader.post(u["new"], form_data()).status_code == 404
    assert reader.get(u["delete"]).status_code == 404
    assert reader.post(u["delete"]).status_code == 404
    assert ChimeRating.objects.count() == 1
    denied = AuditEvent.objects.filter(action=Action.DENIED, person_id=charlie_person.pk, actor_id=bob.pk)
    assert denied.count() == 4 and set(denied.values_list("object_type", flat=True)) == {"chime_rating"}


def test_nobody_else_gets_anything(charlie_person, organisation, alice):
    item = rating(charlie_person, note="Hemmelig notat")
    u = urls(charlie_person, item)
    others = {
        "practitioner without relation": stranger(organisation),
        "another person": sign_in(Client(), make_user("diana", "deltaker", organisation), two_factor=False),
    }
    blocked = make_user("erin", "fagperson", organisation, "Erin Eide")
    Block.objects.create(person=charlie_person, staff=blocked)
    others["blocked"] = sign_in(Client(), blocked)
    for who, client in others.items():
        for name, url in u.items():
            for method in ("get", "post"):
                response = getattr(client, method)(url, form_data() if name == "new" else {})
                assert response.status_code == 404, (who, name, method)
                assert "Hemmelig notat" not in response.content.decode()
    assert ChimeRating.objects.count() == 1
    anonymous = Client()
    assert anonymous.get(u["overview"]).status_code == 302
    assert anonymous.post(u["new"], form_data()).status_code == 302


def test_a_rating_is_only_reached_through_its_own_person(charlie_client, charlie_person, organisation):
    other = Person.objects.create(organisation=organisation, display_name="Diana")
    theirs = rating(other, note="Dianas notat")
    url = f"/personer/{charlie_person.pk}/chime/{theirs.pk}/slett/"
    for method in ("get", "post"):
        response = getattr(charlie_client, method)(url)
        assert response.status_code == 404 and "Dianas notat" not in response.content.decode()
    assert ChimeRating.objects.filter(pk=theirs.pk).exists()
    assert AuditEvent.objects.filter(
        action=Action.DENIED, object_id=str(theirs.pk), object_type="chime_rating"
    ).exists()


def test_reading_is_audited_for_the_person(alice_client, charlie_person, alice):
    alice_client.get(f"/personer/{charlie_person.pk}/chime/")
    event = AuditEvent.objects.filter(actor_id=alice.pk, person_id=charlie_person.pk, action=Action.READ).last()
    assert event.object_type == "chime_ratings" and event.basis == "relation"
