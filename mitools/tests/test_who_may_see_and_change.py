"""Who may see the ambivalence crosses and rulers, and who may make, change and remove them: the
person and their care contact may, a team with the person's consent may only look, nobody else may
do anything – and every stopped attempt is in the audit trail."""

import pytest
from django.test import Client

from audit.models import Action, AuditEvent
from chime.tests.common import consent_reader, stranger
from conftest import make_user, sign_in
from mitools.models import AmbivalenceCross, RulerReading
from mitools.tests.common import cross, reading
from people.models import Block, Person

pytestmark = pytest.mark.django_db


def urls(person, c, r) -> dict:
    base = f"/personer/{person.pk}/mi/"
    return {
        "overview": (base, False),
        "cross": (base + f"kors/{c.pk}/", False),
        "cross_new": (base + "kors/ny/", True),
        "cross_edit": (base + f"kors/{c.pk}/endre/", True),
        "cross_delete": (base + f"kors/{c.pk}/slett/", True),
        "ruler": (base + f"linjal/{r.pk}/", False),
        "ruler_new": (base + "linjal/ny/", True),
        "ruler_delete": (base + f"linjal/{r.pk}/slett/", True),
    }


POSTS = {
    "cross_new": {"topic": "Nytt"},
    "cross_edit": {"topic": "Endret", "version": "0"},
    "ruler_new": {"topic": "Nytt", "importance": "4"},
}


def test_the_person_and_the_care_contact_may_do_everything(charlie, alice, charlie_person):
    for client in (sign_in(Client(), charlie, two_factor=False), sign_in(Client(), alice)):
        c = cross(charlie_person, pros_now="Roer meg")
        r = reading(charlie_person, importance_not_lower="Helsa")
        u = urls(charlie_person, c, r)
        for name, (url, _writes) in u.items():
            assert client.get(url).status_code == 200, name
        assert "Roer meg" in client.get(u["cross"][0]).content.decode()
        assert "Helsa" in client.get(u["ruler"][0]).content.decode()
        for name, data in POSTS.items():
            assert client.post(u[name][0], data).status_code == 302, name
        assert client.post(u["cross_delete"][0]).status_code == 302
        assert client.post(u["ruler_delete"][0]).status_code == 302
    assert AmbivalenceCross.objects.count() == 2 and RulerReading.objects.count() == 2  # the two made by POST


def test_a_consent_reader_sees_but_cannot_change(charlie_person, bob, other_team):
    c = cross(charlie_person, pros_now="Personens egne ord")
    r = reading(charlie_person, confidence_one_up="En venn med")
    reader = consent_reader(charlie_person, bob, other_team)
    u = urls(charlie_person, c, r)
    overview = reader.get(u["overview"][0]).content.decode()
    assert "Personens egne ord" in overview and "Nytt ambivalenskors" not in overview and "Ny måling" not in overview
    assert "En venn med" in reader.get(u["ruler"][0]).content.decode()
    assert "Endre" not in reader.get(u["cross"][0]).content.decode()
    for name, (url, writes) in u.items():
        if writes:
            assert reader.get(url).status_code == 404, name
            assert reader.post(url, POSTS.get(name, {})).status_code == 404, name
    c.refresh_from_db()
    assert c.topic == "Røyken" and AmbivalenceCross.objects.count() == 1 and RulerReading.objects.count() == 1
    denied = AuditEvent.objects.filter(action=Action.DENIED, actor_id=bob.pk, person_id=charlie_person.pk)
    assert denied.count() == 10
    assert set(denied.values_list("object_type", flat=True)) == {"ambivalence_cross", "mi_ruler"}


def test_nobody_else_gets_anything(charlie_person, organisation):
    c = cross(charlie_person, cons_change="Hemmelig")
    r = reading(charlie_person, importance_one_up="Hemmelig")
    blocked = make_user("erin", "fagperson", organisation)
    Block.objects.create(person=charlie_person, staff=blocked)
    others = [
        stranger(organisation),
        sign_in(Client(), make_user("diana", "deltaker", organisation), two_factor=False),
        sign_in(Client(), blocked),
    ]
    for client in others:
        for name, (url, _writes) in urls(charlie_person, c, r).items():
            for method in ("get", "post"):
                response = getattr(client, method)(url, POSTS.get(name, {}))
                assert response.status_code == 404, (name, method)
                assert "Hemmelig" not in response.content.decode()
    assert AmbivalenceCross.objects.count() == 1 and RulerReading.objects.count() == 1
    for name, (url, _writes) in urls(charlie_person, c, r).items():
        assert Client().get(url).status_code == 302, name


def test_another_persons_items_are_not_reached_through_this_person(charlie_client, charlie_person, organisation):
    other = Person.objects.create(organisation=organisation, display_name="Diana")
    c, r = cross(other, pros_now="Dianas ord"), reading(other, importance_not_lower="Dianas ord")
    for name, (url, _writes) in urls(charlie_person, c, r).items():
        if name in ("overview", "cross_new", "ruler_new"):
            continue
        for method in ("get", "post"):
            response = getattr(charlie_client, method)(url, POSTS.get(name, {}))
            assert response.status_code == 404 and "Dianas ord" not in response.content.decode(), name
    assert AmbivalenceCross.objects.get(pk=c.pk).topic == "Røyken" and RulerReading.objects.filter(pk=r.pk).exists()


def test_reading_and_changes_are_audited(alice_client, charlie_person, alice):
    c = cross(charlie_person)
    alice_client.get(f"/personer/{charlie_person.pk}/mi/")
    alice_client.get(f"/personer/{charlie_person.pk}/mi/kors/{c.pk}/")
    alice_client.post(f"/personer/{charlie_person.pk}/mi/kors/{c.pk}/endre/", {"topic": "Røyk", "version": "0"})
    events = AuditEvent.objects.filter(actor_id=alice.pk, person_id=charlie_person.pk).order_by("id")
    assert [(e.action, e.object_type) for e in events] == [
        (Action.READ, "mi_tools"),
        (Action.READ, "ambivalence_cross"),
        (Action.UPDATE, "ambivalence_cross"),
    ]
