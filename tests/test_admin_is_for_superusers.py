"""Django's admin is for superusers only. Team leaders and administrators are sent to «Administrasjon»,
every page a superuser can open speaks Norwegian, and none shows a password hash."""

import re

import pytest
from django.test import Client, RequestFactory
from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags

from accounts.models import User
from conftest import make_user, sign_in
from medvandrer.admin import admin_site
from people.models import Block, CareRelation, Consent, Organisation, Person, Team

pytestmark = pytest.mark.django_db

ADMINISTRATION = "/organisasjon/"

# What Django's admin says where its words are left untranslated (Django 5.2, en). Whole words,
# case-sensitive, so that Norwegian words («Filter», «Handling», «Slett», «Søk», «salt» in a
# name) are not taken for English. The last ones are the English model and field names Django
# falls back on, and the grammar Django's nb gives a neuter word («Legg til ny team»).
ENGLISH = [
    "After you",
    "Raw passwords",
    "Choose ",
    "selecting them",
    "Hold down",
    "Add ",
    "Add link",
    "Change ",
    "Change or view",
    "Save",
    "Save and",
    "Delete",
    "History",
    "Filter navigation",
    "Clear all filters",
    "Search",
    "Action",
    "Go",
    "Select all",
    "Select this",
    "View selected",
    "View site",
    "Skip to",
    "Toggle theme",
    "Breadcrumbs",
    "Sidebar",
    "Start typing",
    "Model name",
    "Show counts",
    "Hide counts",
    "Home",
    "Welcome",
    "Log out",
    "Error:",
    "Please correct",
    "Yes, I",
    "No, take me back",
    "Set password",
    "Reset password",
    "Enabled",
    "Disabled",
    "Password",
    "password",
    "hash",
    "algorithm",
    "salt:",
    "True",
    "False",
    "Created",
    "Staff",
    "Organisation",
    "Slug",
    "object (",
    "User_",
    "Legg til ny team",
]
PATTERNS = [
    (phrase, re.compile(r"(?<!\w)" + re.escape(phrase) + (r"(?!\w)" if phrase[-1].isalnum() else "")))
    for phrase in ENGLISH
]
# What a password hash looks like on a page: Django's widget names its parts (in Norwegian too),
# and a stored hash begins with its algorithm.
HASH_MARKS = ["argon2", "pbkdf2", "bcrypt", "scrypt", "md5$", "algorithm:", "algoritme:", "salt:", "hash:"]
SHOWN_ATTRIBUTES = re.compile(r'\s(?:alt|title|aria-label|placeholder)="([^"]*)"')
BUTTON_VALUES = re.compile(
    r'<input[^>]*type="(?:submit|button)"[^>]*value="([^"]*)"|<input[^>]*value="([^"]*)"[^>]*type="(?:submit|button)"'
)


def shown(html: str) -> str:
    """The page as it is read: its text, and the words in attributes that are shown or read aloud."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    attributes = SHOWN_ATTRIBUTES.findall(body) + [a or b for a, b in BUTTON_VALUES.findall(body)]
    return re.sub(r"\s+", " ", strip_tags(body) + " " + " ".join(attributes))


def english_on(html: str) -> list[str]:
    text = shown(html)
    return [phrase for phrase, pattern in PATTERNS if pattern.search(text)]


def test_the_phrase_list_does_not_flag_norwegian():
    norwegian = (
        "Legg til bruker Endre Slett Historikk Lagre Lagre og fortsett å redigere Lagre og legg til ny Søk "
        "Filtrering Filter Handling: Gå Velg alle Utfør den valgte handlingen Hjem Velkommen, root. Logg ut "
        "Har valgt passord: Ja Tofaktor: Nei Nytt passord Kortnavn Ansatt Person Team Organisasjon Lagt til "
        "Vennligst korriger feilen under. Ja, jeg er sikker Nei, ta meg tilbake Salten Passordet velger du selv."
    )
    assert english_on(f"<p>{norwegian}</p>") == []
    assert english_on('<p>Save</p><img alt="Search"><input type="submit" value="Go">') == ["Save", "Search", "Go"]


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("drift", "drift@example.org", "en lang setning til drift")


@pytest.fixture
def superuser_client(superuser):
    return sign_in(Client(), superuser)


@pytest.fixture
def full_world(lise, siri, alice, team, charlie_person):
    """One of everything the admin lists, and something linked to it: a care relation, a block, a consent."""
    CareRelation.objects.create(staff=alice, person=charlie_person)
    Block.objects.create(person=charlie_person, staff=siri)
    Consent.objects.create(person=charlie_person, team=team, valid_until="2099-01-01")
    return charlie_person


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def admin_pages(superuser) -> list[str]:
    """Every page a superuser can open: the index, each app, and for every registered model its
    list (searched and filtered too), its form for a new one, and for an existing one its form,
    history and delete page."""
    pages = [reverse("admin:index")]
    pages += sorted({reverse("admin:app_list", args=[model._meta.app_label]) for model in admin_site._registry})
    for model, model_admin in admin_site._registry.items():
        changelist = admin_url(model, "changelist")
        pages += [changelist, changelist + "?q=a", changelist + "?o=1", admin_url(model, "add")]
        objects = model_admin.get_queryset(_request_of(superuser)).order_by("pk")[:3]
        assert objects, f"nothing to open for {model.__name__}"
        for obj in objects:
            for view in ("change", "history", "delete"):
                pages.append(admin_url(model, view, obj.pk))
    return pages


def _request_of(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_a_superuser_reads_every_admin_page_in_norwegian(full_world, superuser, superuser_client):
    found = {}
    for page in admin_pages(superuser):
        response = superuser_client.get(page)
        assert response.status_code == 200, page
        english = english_on(response.content.decode())
        if english:
            found[page] = english
    assert found == {}, "English on admin pages (page: phrases): " + "; ".join(f"{p}: {e}" for p, e in found.items())


def test_forms_with_errors_and_filtered_lists_are_norwegian_too(full_world, superuser_client):
    found = {}
    for model in admin_site._registry:
        page = admin_url(model, "add")
        response = superuser_client.post(page, {})
        assert response.status_code == 200 and "errornote" in response.content.decode(), page
        if english := english_on(response.content.decode()):
            found["POST " + page] = english
    for page in (
        "/admin/accounts/user/?rolle=teamleder&is_active__exact=1",
        "/admin/people/carerelation/?status=pagar",
    ):
        response = superuser_client.get(page)
        assert response.status_code == 200
        if english := english_on(response.content.decode()):
            found[page] = english
    assert found == {}, "English on admin pages (page: phrases): " + "; ".join(f"{p}: {e}" for p, e in found.items())


def test_the_confirmation_of_an_action_is_norwegian(full_world, superuser_client, alice):
    response = superuser_client.post(
        "/admin/people/team/", {"action": "delete_selected", "_selected_action": [Team.objects.get().pk]}
    )
    assert response.status_code == 200 and english_on(response.content.decode()) == []
    response = superuser_client.post(
        "/admin/accounts/user/", {"action": "deactivate", "_selected_action": [alice.pk]}, follow=True
    )
    page = response.content.decode()
    assert "Deaktivert og logget ut: 1 bruker." in page and english_on(page) == []


def test_no_admin_page_shows_a_password_hash(full_world, superuser, superuser_client, lise):
    hashes = [user.password for user in User.objects.all()]
    parts = {part for stored in hashes for part in stored.split("$")[1:] if len(part) >= 6}
    for page in admin_pages(superuser):
        html = superuser_client.get(page).content.decode()
        marks = [mark for mark in HASH_MARKS if mark in html.lower()] + [part for part in parts if part in html]
        assert marks == [], f"{page} shows a password hash: {marks}"
    change = superuser_client.get(f"/admin/accounts/user/{lise.pk}/change/").content.decode()
    assert 'name="password"' not in change and "Har valgt passord" in change


@pytest.mark.real_hasher
def test_not_even_the_production_hash_is_shown(organisation):
    staff = make_user("hanna", "fagperson", organisation, "Hanna Holm")
    client = sign_in(Client(), User.objects.create_superuser("drift", "drift@example.org", "en lang setning til drift"))
    algorithm = staff.password.split("$")[0]
    assert algorithm == "argon2"
    for page in ("/admin/accounts/user/", f"/admin/accounts/user/{staff.pk}/change/"):
        html = client.get(page).content.decode()
        assert algorithm not in html and staff.password.split("$")[-1] not in html, page


def test_no_password_is_set_in_the_admin(superuser_client, alice):
    with pytest.raises(NoReverseMatch):
        reverse("admin:auth_user_password_change", args=[alice.pk])
    response = superuser_client.post(
        f"/admin/accounts/user/{alice.pk}/password/",
        {"password1": "overtatt passord her", "password2": "overtatt passord her"},
    )
    alice.refresh_from_db()
    assert response.status_code == 302 and not alice.check_password("overtatt passord her")


@pytest.mark.parametrize("leader", ["lise", "siri"])
def test_team_leaders_and_admins_are_sent_to_administrasjon(request, leader, alice, team, charlie_person):
    user = request.getfixturevalue(leader)
    client = sign_in(Client(), user)
    person = charlie_person.pk
    pages = [
        "/admin/",
        "/admin/login/",
        "/admin/people/",
        "/admin/people/person/",
        f"/admin/people/person/{person}/change/",
        f"/admin/people/person/{person}/delete/",
        "/admin/people/carerelation/add/",
        "/admin/accounts/user/",
        f"/admin/accounts/user/{alice.pk}/change/",
        "/admin/finnes-ikke/",
    ]
    for page in pages:
        response = client.get(page)
        assert (response.status_code, response["Location"]) == (302, ADMINISTRATION), page
    posts = {
        "/admin/people/person/add/": {"display_name": "Ny Person", "organisation": user.organisation_id},
        f"/admin/people/person/{person}/delete/": {"post": "yes"},
        "/admin/people/carerelation/add/": {
            "staff": user.pk,
            "person": person,
            "started_0": "2026-01-01",
            "started_1": "10:00",
        },
        "/admin/accounts/user/": {"action": "deactivate", "_selected_action": [alice.pk]},
        f"/admin/accounts/user/{alice.pk}/change/": {"username": "alice", "full_name": "Alice Aas", "role": "admin"},
        f"/admin/people/team/{team.pk}/change/": {"name": "Overtatt"},
    }
    for page, data in posts.items():
        response = client.post(page, data)
        assert (response.status_code, response["Location"]) == (302, ADMINISTRATION), page
    alice.refresh_from_db()
    team.refresh_from_db()
    assert alice.is_active and alice.role == "fagperson" and team.name == "Aktivitet"
    assert not Person.objects.filter(display_name="Ny Person").exists() and Person.objects.filter(pk=person).exists()
    assert not CareRelation.objects.filter(staff=user).exists()
    landing = client.get("/admin/", follow=True)
    assert landing.status_code == 200 and "Administrasjonen har flyttet hit." in landing.content.decode()


def test_a_leader_without_an_organisation_gets_the_norwegian_403(db):
    leader = make_user("uten", "teamleder", None, "Uten Organisasjon")
    response = sign_in(Client(), leader).get("/admin/people/person/", follow=True)
    assert response.status_code == 403 and "Ingen tilgang" in response.content.decode()


def test_staff_and_persons_get_no_admin(alice_client, charlie_client):
    for client in (alice_client, charlie_client):
        first = client.get("/admin/people/person/")
        assert first.status_code == 302 and first["Location"].startswith("/admin/login/")
        final = client.get("/admin/people/person/", follow=True)
        assert final.status_code == 403 and "Ingen tilgang" in final.content.decode()


def test_a_superuser_adds_staff_without_a_password(superuser_client, organisation, team):
    from audit.models import AuditEvent

    elsewhere = Organisation.objects.create(name="Annethuset", slug="annethuset")
    foreign = Team.objects.create(organisation=elsewhere, name="Borte")
    new = {"username": "ny", "full_name": "Ny Leder", "role": "teamleder", "organisation": organisation.pk}
    refused = superuser_client.post("/admin/accounts/user/add/", {**new, "teams": [foreign.pk]})
    assert "Velg bare team i brukerens egen organisasjon." in refused.content.decode()
    response = superuser_client.post("/admin/accounts/user/add/", {**new, "teams": [team.pk]}, follow=True)
    user = User.objects.get(username="ny")
    assert user.organisation == organisation and list(user.teams.all()) == [team]
    assert not user.has_usable_password()
    assert "har ikke passord ennå" in response.content.decode()
    assert AuditEvent.objects.filter(
        object_type="account", object_id=str(user.pk), action="create", organisation_id=organisation.pk
    ).exists()


def test_the_admin_signs_out_and_changes_passwords_the_apps_way(superuser_client):
    assert superuser_client.get("/admin/password_change/")["Location"] == reverse("password_change")
    response = superuser_client.post("/admin/logout/")
    assert response.status_code == 302 and response["Clear-Site-Data"] == '"cache", "storage"'
    assert superuser_client.get("/admin/").status_code == 302
