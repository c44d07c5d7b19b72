"""The plan for hard days is a full safety plan (sikkerhetsplan and WRAP) in the person's own
words: every part optional, in the person's order, co-written, and honest about who can read it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEvent
from conftest import sign_in
from people.models import Block, CareRelation, Consent
from plans.models import CrisisPlan, CrisisPlanPart, SafetyPart
from plans.safety_plan import PARTS, TEXT_KEYS

pytestmark = pytest.mark.django_db


def base(person):
    return f"/personer/{person.pk}/plan/kriseplan/"


def test_every_part_of_the_safety_plan_is_on_the_page_and_every_text_part_can_be_written(
    charlie_client, charlie_person
):
    page = charlie_client.get(base(charlie_person)).content.decode()
    for part in PARTS:
        assert part.title in page, part.title
    for key in TEXT_KEYS:
        response = charlie_client.post(base(charlie_person) + f"del/{key}/", {"text": f"Mine ord om {key}"})
        assert response.status_code == 302 and response["Location"].endswith(f"#del-{key}")
    page = charlie_client.get(base(charlie_person)).content.decode()
    for key in TEXT_KEYS:
        assert f"Mine ord om {key}" in page
    assert set(CrisisPlanPart.objects.values_list("key", flat=True)) == set(TEXT_KEYS)
    assert AuditEvent.objects.filter(
        person_id=charlie_person.pk, object_type="crisis_plan_part", action="create"
    ).count() == len(TEXT_KEYS)


def test_a_part_can_be_emptied_again_and_nothing_is_required(charlie_client, charlie_person):
    url = base(charlie_person) + "del/etter/"
    charlie_client.post(url, {"text": "Sove lenge"})
    assert charlie_client.post(url, {"text": "", "version": 0}).status_code == 302
    assert CrisisPlanPart.objects.get(key="etter").text == ""


def test_the_person_chooses_the_order(charlie_client, charlie_person):
    first, second = PARTS[0].key, PARTS[1].key
    charlie_client.post(base(charlie_person) + "flytt/", {"del": second, "retning": "opp"})
    plan = CrisisPlan.objects.get(person=charlie_person)
    assert plan.part_order[:2] == [second, first]
    page = charlie_client.get(base(charlie_person)).content.decode()
    assert page.index(f'id="del-{second}"') < page.index(f'id="del-{first}"')
    # A move from a page shown before that one is refused with a message, not applied blindly.
    response = charlie_client.post(
        base(charlie_person) + "flytt/", {"del": first, "retning": "ned", "version": 0}, follow=True
    )
    assert "Noen andre endret rekkefølgen samtidig" in response.content.decode()
    assert CrisisPlan.objects.get(person=charlie_person).part_order[:2] == [second, first]


def test_staff_are_told_the_person_reads_what_they_write(alice_client, charlie_person):
    page = alice_client.get(base(charlie_person) + "del/selv/").content.decode()
    assert "Charlie Dahl ser dette." in page


def test_a_team_with_consent_may_read_but_not_write(client, charlie_person, bob, other_team, charlie):
    Consent.objects.create(person=charlie_person, team=other_team, valid_until=timezone.localdate() + timedelta(days=5))
    sign_in(client, bob)
    assert client.get(base(charlie_person)).status_code == 200
    assert client.post(base(charlie_person) + "del/selv/", {"text": "Bobs ord"}).status_code == 404
    assert not CrisisPlanPart.objects.exists()


def test_who_can_see_the_plan_comes_from_the_real_access_facts(
    charlie_client, charlie_person, bob, other_team, organisation
):
    from conftest import make_user

    erin = make_user("erin", Role.PRACTITIONER, organisation, "Erin Eide")
    gone = make_user("gone", Role.PRACTITIONER, organisation, "Gunnar Gikk")
    CareRelation.objects.create(staff=erin, person=charlie_person)
    Block.objects.create(person=charlie_person, staff=erin)
    CareRelation.objects.create(staff=gone, person=charlie_person, ended=timezone.now() - timedelta(days=1))
    until = timezone.localdate() + timedelta(days=30)
    Consent.objects.create(person=charlie_person, team=other_team, valid_until=until)
    box = (
        charlie_client.get(base(charlie_person))
        .content.decode()
        .split('class="panel who-can-see"')[1]
        .split("</details>")[0]
    )
    assert "Alice Aas" in box and "fast kontakt" in box
    assert "Teamet Arbeid" in box and "samtykke til og med" in box
    assert "Erin Eide" not in box and "Gunnar Gikk" not in box  # blocked, and an ended relation


def test_a_contact_lands_in_the_part_it_was_added_from(charlie_client, charlie_person):
    page = charlie_client.get(f"/personer/{charlie_person.pk}/plan/kontakt/ny/?gruppe=fagfolk").content.decode()
    assert "checked" in page.split('value="fagfolk"')[1].split(">")[0]
    charlie_client.post(
        f"/personer/{charlie_person.pk}/plan/kontakt/ny/",
        {"group": "fagfolk", "name": "Fastlegen", "how_to_reach": "22 00 11 22"},
    )
    section = (
        charlie_client.get(base(charlie_person))
        .content.decode()
        .split(f'id="del-{SafetyPart.PROFESSIONALS}"')[1]
        .split("</section>")[0]
    )
    assert "Fastlegen" in section and 'href="tel:+4722001122"' in section and 'href="tel:113"' in section


def test_the_old_four_texts_move_into_parts_word_for_word(migrate_to, charlie_person):
    old = migrate_to([("plans", "0002_safety_plan_parts")]).get_model("plans", "CrisisPlan")
    old.objects.create(
        person_id=charlie_person.pk,
        what_helps="Musikk",
        what_does_not_help="Mas",
        how_to_meet_me="Rolig",
        who_may_see="Mamma",
    )
    migrate_to([("plans", "0004_safety_plan_old_texts_gone")])
    parts = dict(CrisisPlanPart.objects.values_list("key", "text"))
    assert parts == {"selv": "Musikk", "hjelper-ikke": "Mas", "motes": "Rolig", "hjelp": "Mamma"}


def test_words_beside_a_list_of_contacts_are_shown_everywhere_and_can_be_changed(charlie_client, charlie_person):
    # Words beside a list – like «Hvem kan se denne planen», moved word for word into «Hvem jeg
    # kan spørre om hjelp» – are the person's own: shown with the list, never hidden.
    url = base(charlie_person) + f"del/{SafetyPart.HELP}/"
    assert charlie_client.get(url).status_code == 200
    response = charlie_client.post(url, {"text": "Mamma, men ikke etter kl. 22"})
    assert response.status_code == 302 and response["Location"].endswith(f"#del-{SafetyPart.HELP}")
    section = (
        charlie_client.get(base(charlie_person))
        .content.decode()
        .split(f'id="del-{SafetyPart.HELP}"')[1]
        .split("</section>")[0]
    )
    assert "Mamma, men ikke etter kl. 22" in section and "Endre teksten" in section
    assert "Mamma, men ikke etter kl. 22" in charlie_client.get("/vanskelig/").content.decode()
    assert "Mamma, men ikke etter kl. 22" in charlie_client.get(base(charlie_person) + "kort/").content.decode()
    document = charlie_client.get(f"/personer/{charlie_person.pk}/plan/utskrift/?valgt=1&deler=kriseplan")
    assert "Mamma, men ikke etter kl. 22" in document.content.decode()
