"""After the conversation: the person's form (by login or by a one-time link) and the
practitioner's form, side by side with the differences pointed out, and over time."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from audit.models import Action, AuditEvent, Basis
from conftest import make_user, sign_in
from conversations.models import Conversation, EvaluationLink, PersonEvaluation, StaffEvaluation
from conversations.tests.conftest import url
from people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended(conversation):
    conversation.ended = timezone.now()
    conversation.save()
    return conversation


def test_the_person_answers_their_own_form(charlie_client, ended):
    response = charlie_client.post(
        url(ended, "evaluering/min/"),
        {
            "heard": "4",
            "elements": ["hope", "meaning"],
            "takeaway": "At jeg kan ta ett steg av gangen",
            "next_steps": "Ringe mamma",
        },
    )
    assert response.status_code == 302
    evaluation = PersonEvaluation.objects.get(conversation=ended)
    assert (evaluation.heard, evaluation.elements) == (4, ["hope", "meaning"])
    page = charlie_client.get(url(ended, "evaluering/")).content.decode()
    assert "At jeg kan ta ett steg av gangen" in page and "Dine svar" in page


def test_min_side_asks_for_the_evaluation(charlie_client, ended):
    page = charlie_client.get("/min-side/").content.decode()
    assert "Hvordan var samtalen" in page and url(ended, "evaluering/min/") in page
    PersonEvaluation.objects.create(person=ended.person, conversation=ended, heard=3)
    assert url(ended, "evaluering/min/") not in charlie_client.get("/min-side/").content.decode()


def test_an_empty_form_asks_for_one_answer(charlie_client, ended):
    response = charlie_client.post(url(ended, "evaluering/min/"), {})
    assert response.status_code == 200 and "det holder med ett" in response.content.decode()
    assert not PersonEvaluation.objects.exists()


def test_an_empty_practitioner_form_asks_for_one_answer_too(alice_client, ended):
    response = alice_client.post(url(ended, "evaluering/fagperson/"), {"follow_up": "   "})
    assert response.status_code == 200 and "det holder med ett" in response.content.decode()
    assert not StaffEvaluation.objects.exists()


@pytest.mark.parametrize("heard", ["0", "6", "-1", "fem", "99999999999999999999"])
def test_a_scale_outside_1_to_5_is_refused_and_the_text_kept(charlie_client, ended, heard):
    response = charlie_client.post(url(ended, "evaluering/min/"), {"heard": heard, "takeaway": "Mitt svar 🌱"})
    body = response.content.decode()
    assert response.status_code == 200 and "Velg et tall fra 1 til 5" in body and "Mitt svar 🌱" in body
    assert not PersonEvaluation.objects.exists()


def test_the_practitioner_cannot_fill_in_the_persons_form(alice_client, ended):
    assert alice_client.post(url(ended, "evaluering/min/"), {"heard": "5"}).status_code == 404
    assert not PersonEvaluation.objects.exists()
    assert AuditEvent.objects.filter(action=Action.DENIED, object_type="person_evaluation").exists()


def test_the_person_cannot_fill_in_the_practitioners_form(charlie_client, ended):
    assert charlie_client.post(url(ended, "evaluering/fagperson/"), {"listening": "5"}).status_code == 404
    assert not StaffEvaluation.objects.exists()


def test_another_person_cannot_evaluate_this_conversation(ended, organisation):
    diana = make_user("diana", "deltaker", organisation)
    Person.objects.create(organisation=organisation, display_name="Diana", user=diana)
    client = sign_in(Client(), diana, two_factor=False)
    assert client.post(url(ended, "evaluering/min/"), {"heard": "1"}).status_code == 404
    assert not PersonEvaluation.objects.exists()
    denied = AuditEvent.objects.filter(action=Action.DENIED, actor_id=diana.pk)
    assert denied.exists()


def test_side_by_side_points_out_where_they_differ(alice_client, ended):
    PersonEvaluation.objects.create(person=ended.person, conversation=ended, heard=2, elements=["hope"])
    StaffEvaluation.objects.create(
        person=ended.person,
        conversation=ended,
        listening=5,
        resources=4,
        strengths_based=4,
        elements=["hope", "empowerment"],
    )
    page = alice_client.get(url(ended, "evaluering/")).content.decode()
    assert "Dere svarte ulikt: personen følte seg hørt 2 av 5" in page
    assert "Bare fagpersonen valgte: Mestring" in page or "Bare fagpersonen valgte:" in page
    assert 'class="differs"' in page


def test_the_practitioner_answers_and_can_change_it(alice_client, ended):
    data = {
        "listening": "3",
        "resources": "4",
        "strengths_based": "5",
        "elements": ["identity"],
        "follow_up": "Bli med på kafeen",
    }
    assert alice_client.post(url(ended, "evaluering/fagperson/"), data).status_code == 302
    assert (
        alice_client.post(url(ended, "evaluering/fagperson/"), {**data, "listening": "4", "version": "0"}).status_code
        == 302
    )
    evaluation = StaffEvaluation.objects.get()
    assert evaluation.listening == 4 and evaluation.version == 1


def test_a_stale_save_of_an_evaluation_keeps_what_was_typed(alice_client, ended):
    StaffEvaluation.objects.create(person=ended.person, conversation=ended, listening=3, version=2)
    response = alice_client.post(
        url(ended, "evaluering/fagperson/"), {"listening": "4", "follow_up": "Mitt nye forslag", "version": "0"}
    )
    assert response.status_code == 409
    assert "Mitt nye forslag" in response.content.decode()
    assert StaffEvaluation.objects.get().listening == 3


class TestByLink:
    def make_link(self, alice_client, ended) -> str:
        response = alice_client.post(url(ended, "evaluering/lenke/"))
        body = response.content.decode()
        start = body.index("http://testserver/evaluering/")
        return body[start : body.index('"', start)].removeprefix("http://testserver")

    def test_the_link_is_shown_once_and_only_its_hash_is_kept(self, alice_client, ended):
        link = self.make_link(alice_client, ended)
        token = link.split("/")[2]
        assert EvaluationLink.objects.get().token_hash == EvaluationLink.hash(token)
        assert link not in alice_client.get(url(ended, "evaluering/")).content.decode()
        assert token not in "".join(str(v) for v in alice_client.session.values())

    def test_the_person_answers_without_logging_in(self, alice_client, ended):
        link = self.make_link(alice_client, ended)
        phone = Client()
        assert "Hvor godt følte du deg hørt" in phone.get(link).content.decode()
        opened = AuditEvent.objects.get(object_type="evaluation_link", action=Action.READ)
        assert opened.basis == Basis.LINK and opened.person_id == ended.person_id  # opening the link is a read too
        response = phone.post(link, {"heard": "5", "takeaway": "Godt å bli hørt"})
        assert "Takk for svarene" in response.content.decode()
        evaluation = PersonEvaluation.objects.get()
        assert evaluation.takeaway == "Godt å bli hørt"
        assert AuditEvent.objects.filter(
            object_type="person_evaluation", action=Action.CREATE, basis=Basis.LINK
        ).exists()

    def test_a_double_submit_saves_once(self, alice_client, ended):
        link = self.make_link(alice_client, ended)
        phone = Client()
        phone.post(link, {"heard": "5"})
        again = phone.post(link, {"heard": "1"})
        assert again.status_code == 410 and "allerede sendt" in again.content.decode()
        assert PersonEvaluation.objects.get().heard == 5

    def test_an_expired_link_says_so_and_is_audited(self, alice_client, ended):
        link = self.make_link(alice_client, ended)
        EvaluationLink.objects.update(expires=timezone.now() - timedelta(minutes=1))
        response = Client().post(link, {"heard": "5"})
        assert response.status_code == 410 and "gått ut" in response.content.decode()
        assert not PersonEvaluation.objects.exists()
        assert AuditEvent.objects.filter(object_type="evaluation_link", action=Action.DENIED).exists()

    def test_an_unknown_link(self):
        response = Client().get("/evaluering/finnes-ikke/")
        assert response.status_code == 404 and "fant ikke denne lenken" in response.content.decode()

    def test_only_the_care_relation_makes_links(self, charlie_client, ended):
        assert charlie_client.post(url(ended, "evaluering/lenke/")).status_code == 404
        assert not EvaluationLink.objects.exists()


def test_the_trend_over_conversations(alice_client, charlie_person, alice):
    for days_ago, heard, listening in [(30, 2, 4), (15, 3, 4), (1, 5, 5)]:
        c = Conversation.objects.create(
            person=charlie_person,
            created_by=alice,
            held_on=timezone.localdate() - timedelta(days=days_ago),
            ended=timezone.now(),
        )
        PersonEvaluation.objects.create(person=charlie_person, conversation=c, heard=heard)
        StaffEvaluation.objects.create(person=charlie_person, conversation=c, listening=listening)
    page = alice_client.get(f"/personer/{charlie_person.pk}/samtaler/").content.decode()
    assert "<polyline" in page and 'role="img"' in page
    table = page.split("<caption>Svarene per samtale")[1]
    assert table.index("<td>2</td>") < table.index("<td>5</td>")  # oldest first, as the chart reads


def test_two_first_saves_of_the_same_form_do_not_overwrite_each_other(
    alice_client, ended, organisation, charlie_person
):
    erin = make_user("erin", "fagperson", organisation)
    from people.models import CareRelation

    CareRelation.objects.create(staff=erin, person=charlie_person)
    alice_client.post(url(ended, "evaluering/fagperson/"), {"listening": "3", "follow_up": "Alice sitt forslag"})
    # Erin opened the empty form before Alice saved; her save must not replace Alice's.
    response = sign_in(Client(), erin).post(
        url(ended, "evaluering/fagperson/"), {"listening": "5", "follow_up": "Erin"}
    )
    assert response.status_code == 409
    assert StaffEvaluation.objects.get().follow_up == "Alice sitt forslag"


def test_a_person_form_opened_before_the_link_answer_does_not_overwrite_it(charlie_client, ended):
    PersonEvaluation.objects.create(person=ended.person, conversation=ended, heard=5, takeaway="Svart via lenke")
    response = charlie_client.post(url(ended, "evaluering/min/"), {"heard": "1"})
    assert response.status_code == 409
    assert PersonEvaluation.objects.get().takeaway == "Svart via lenke"


def test_answers_by_link_are_marked_as_such(alice_client, ended):
    PersonEvaluation.objects.create(person=ended.person, conversation=ended, heard=4)
    assert "(svart via lenke)" in alice_client.get(url(ended, "evaluering/")).content.decode()


class TestLinkRules(TestByLink):
    def test_a_new_link_ends_the_earlier_ones(self, alice_client, ended):
        first = self.make_link(alice_client, ended)
        second = self.make_link(alice_client, ended)
        assert Client().get(first).status_code == 410
        assert Client().get(second).status_code == 200

    def test_staff_signed_in_are_sent_to_their_own_form(self, alice_client, ended):
        link = self.make_link(alice_client, ended)
        response = alice_client.get(link)
        assert response.status_code == 403 and "for personen selv" in response.content.decode()

    def test_a_refused_link_request_is_audited(self, charlie_client, ended):
        charlie_client.post(url(ended, "evaluering/lenke/"))
        assert AuditEvent.objects.filter(action=Action.DENIED, object_type="evaluation_link").exists()
