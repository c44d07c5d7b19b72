"""The ambivalence cross: four fields in the seed's words about a topic in the person's own words,
optionally linked to one of their goals; editing keeps every earlier text, so nothing is lost."""

import pytest

from content.models import GuidanceItem
from mitools.models import CROSS_FIELDS, AmbivalenceCross, CrossRevision
from people.models import Person
from plans.models import Goal

pytestmark = pytest.mark.django_db


def base(person):
    return f"/personer/{person.pk}/mi/"


def test_the_four_fields_use_the_seeds_words():
    titles = dict(GuidanceItem.objects.filter(collection_id="ambivalenskorset").values_list("key", "title"))
    assert {key: title for _name, key, title, _hint in CROSS_FIELDS} == titles


def test_a_cross_is_made_in_the_persons_words_and_linked_to_their_goal(charlie_client, charlie_person, charlie):
    goal = Goal.objects.create(person=charlie_person, text="Bli røykfri til sommeren")
    form = charlie_client.get(base(charlie_person) + "kors/ny/").content.decode()
    for _name, _key, title, _hint in CROSS_FIELDS:
        assert title in form
    assert "Bli røykfri til sommeren" in form
    data = {
        "topic": "  Røyken  ",
        "goal": goal.pk,
        "pros_now": "Roer meg ned",
        "cons_now": "Dyrt, og jeg blir andpusten",
        "pros_change": "Mer penger til tur",
        "cons_change": "Savner pausene med de andre",
    }
    page = charlie_client.post(base(charlie_person) + "kors/ny/", data, follow=True).content.decode()
    assert "Korset er lagret." in page
    saved = AmbivalenceCross.objects.get()
    assert (saved.topic, saved.goal, saved.created_by) == ("Røyken", goal, charlie)
    for value in list(data.values())[2:]:
        assert value in page
    assert "Bli røykfri til sommeren" in page and "Ingen ennå." in page  # no earlier versions yet


def test_only_the_persons_own_goals_can_be_chosen(charlie_client, charlie_person, organisation):
    other = Person.objects.create(organisation=organisation, display_name="Diana")
    theirs = Goal.objects.create(person=other, text="Dianas mål")
    form = charlie_client.get(base(charlie_person) + "kors/ny/").content.decode()
    assert "Dianas mål" not in form
    body = charlie_client.post(
        base(charlie_person) + "kors/ny/", {"topic": "Røyken", "goal": theirs.pk, "pros_now": "Beholdt tekst"}
    ).content.decode()
    assert "Målet finnes ikke lenger. Velg et annet, eller ingen." in body and "Beholdt tekst" in body
    assert not AmbivalenceCross.objects.exists()


def test_the_topic_is_needed_and_the_rest_is_kept(charlie_client, charlie_person):
    body = charlie_client.post(
        base(charlie_person) + "kors/ny/", {"topic": "   ", "cons_change": "Redd for å miste vennene"}
    ).content.decode()
    assert "Skriv kort hva det handler om, med dine egne ord." in body and "Redd for å miste vennene" in body
    assert not AmbivalenceCross.objects.exists()


def test_a_topic_can_be_started_from_a_link_that_names_the_item_not_the_words(charlie_client, charlie_person):
    goal = Goal.objects.create(person=charlie_person, text="Trene")
    charlie_client.post(base(charlie_person) + "kors/ny/", {"topic": "Å trene", "goal": goal.pk})
    saved = AmbivalenceCross.objects.get()
    page = charlie_client.get(base(charlie_person) + f"kors/{saved.pk}/").content.decode()
    assert f"linjal/ny/?fra=kors-{saved.pk}" in page and "tema=" not in page
    form = charlie_client.get(base(charlie_person) + f"linjal/ny/?fra=kors-{saved.pk}").content.decode()
    assert 'value="Å trene"' in form and f'<option value="{goal.pk}" selected>' in form
    diana = Person.objects.create(organisation=charlie_person.organisation, display_name="Diana")
    theirs = AmbivalenceCross.objects.create(person=diana, topic="Dianas tema")
    other = charlie_client.get(base(charlie_person) + f"linjal/ny/?fra=kors-{theirs.pk}").content.decode()
    assert "Dianas tema" not in other  # only the person's own items
    odd = charlie_client.get(base(charlie_person) + "kors/ny/?fra=kors-" + "9" * 500 + "&mal=99999999999999")
    assert odd.status_code == 200


def test_editing_keeps_every_earlier_text(charlie_client, alice_client, charlie_person):
    charlie_client.post(base(charlie_person) + "kors/ny/", {"topic": "Røyken", "pros_now": "Første tanke"})
    saved = AmbivalenceCross.objects.get()
    url = base(charlie_person) + f"kors/{saved.pk}/"
    edit = charlie_client.get(url + "endre/").content.decode()
    assert "Første tanke" in edit and 'name="version" value="0"' in edit
    charlie_client.post(url + "endre/", {"topic": "Røyken", "pros_now": "Andre tanke", "version": "0"})
    alice_client.post(url + "endre/", {"topic": "Røyken og snusen", "pros_now": "Tredje tanke", "version": "1"})
    page = alice_client.get(url).content.decode()
    assert "Tredje tanke" in page and "Røyken og snusen" in page
    assert "Korset er endret 2 ganger." in page
    assert "Utgave 2" in page and "Andre tanke" in page and "Utgave 1" in page and "Første tanke" in page
    assert "Det handlet om: Røyken" in page
    assert list(CrossRevision.objects.values_list("number", "pros_now")) == [
        (3, "Tredje tanke"),
        (2, "Andre tanke"),
        (1, "Første tanke"),
    ]


def test_saving_without_changes_adds_no_earlier_version(charlie_client, charlie_person):
    charlie_client.post(base(charlie_person) + "kors/ny/", {"topic": "Røyken", "pros_now": "Samme"})
    saved = AmbivalenceCross.objects.get()
    charlie_client.post(
        base(charlie_person) + f"kors/{saved.pk}/endre/", {"topic": "Røyken", "pros_now": "Samme", "version": "0"}
    )
    assert CrossRevision.objects.count() == 1


def test_a_double_submit_makes_one_cross(charlie_client, charlie_person):
    data = {"topic": "Røyken", "pros_now": "Roer meg"}
    charlie_client.post(base(charlie_person) + "kors/ny/", data)
    again = charlie_client.post(base(charlie_person) + "kors/ny/", data, follow=True).content.decode()
    assert "Korset var allerede lagret" in again and AmbivalenceCross.objects.count() == 1


def test_removing_a_cross_removes_its_history_after_asking(charlie_client, charlie_person):
    charlie_client.post(base(charlie_person) + "kors/ny/", {"topic": "Røyken", "pros_now": "En"})
    saved = AmbivalenceCross.objects.get()
    charlie_client.post(
        base(charlie_person) + f"kors/{saved.pk}/endre/", {"topic": "Røyken", "pros_now": "To", "version": "0"}
    )
    url = base(charlie_person) + f"kors/{saved.pk}/slett/"
    ask = charlie_client.get(url).content.decode()
    assert "Ta bort korset?" in ask and "Korset og den tidligere utgaven blir tatt bort." in ask
    done = charlie_client.post(url, follow=True).content.decode()
    assert "Korset om «Røyken» er tatt bort." in done
    assert not AmbivalenceCross.objects.exists() and not CrossRevision.objects.exists()


def test_an_item_named_in_the_address_that_is_not_theirs_is_refused_and_audited(charlie_client, charlie_person):
    from audit.models import Action, AuditEvent

    diana = Person.objects.create(organisation=charlie_person.organisation, display_name="Diana")
    theirs = AmbivalenceCross.objects.create(person=diana, topic="Dianas tema")
    response = charlie_client.get(base(charlie_person) + f"linjal/ny/?fra=kors-{theirs.pk}")
    assert response.status_code == 200 and "Dianas tema" not in response.content.decode()
    assert AuditEvent.objects.filter(
        action=Action.DENIED, person_id=charlie_person.pk, object_id=str(theirs.pk)
    ).exists()
