"""The access log can be narrowed to one person and one kind of thing, chosen from a list:
the addresses hold keys, never a name or free text, and «egne=1» still shows what you did."""

import re

import pytest

from people.tests.conftest import TODAY, days_text, oslo

pytestmark = pytest.mark.django_db


def choices(body: str, name: str) -> dict[str, str]:
    select = body[body.index(f'<select id="{name}"') : body.index("</select>", body.index(f'<select id="{name}"'))]
    return {label: value for value, label in re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', select)}


@pytest.fixture
def busy_day(add_rows, alice, bob):
    add_rows(alice, 3, at=oslo(TODAY, 9))
    add_rows(alice, 1, at=oslo(TODAY, 10), action="update", object_type="about")
    add_rows(alice, 1, at=oslo(TODAY, 11), action="export", object_type="plan_pdf")
    add_rows(alice, 1, at=oslo(TODAY, 11, 30), action="print", object_type="plan_print")
    add_rows(bob, 2, at=oslo(TODAY, 12), action="denied", basis="none")
    add_rows(bob, 1, at=oslo(TODAY, 8), basis="consent")
    add_rows(None, 1, at=oslo(TODAY, 7), action="denied", basis="none")


def test_who_can_be_chosen_by_name_as_the_log_keeps_it(read_log, busy_day):
    _, _, body = read_log()
    who = choices(body, "hvem")
    assert list(who) == [
        "Alle",
        "Alice Aas (fagperson / miljøarbeider)",
        "Bob Berg (erfaringskonsulent)",
        "Noen som ikke var logget inn",
    ]
    assert all(re.fullmatch(r"[0-9a-f]{12}", key) for label, key in who.items() if label != "Alle")
    assert list(choices(body, "hva")) == ["Alt", "Så", "Endret", "Lastet ned eller skrev ut", "Ble stoppet"]


def test_choosing_someone_shows_only_what_they_did(read_log, busy_day):
    bob = choices(read_log()[2], "hvem")["Bob Berg (erfaringskonsulent)"]
    _, text, body = read_log(hvem=bob)
    assert "Bob Berg (erfaringskonsulent) så planen din i dag kl. 08.00." in text
    assert "Bob Berg (erfaringskonsulent) ble stoppet fra å åpne planen din 2 ganger i dag." in text
    assert "Alice Aas" not in text.replace("Alice Aas (fagperson / miljøarbeider)", "", 1)  # only in the list
    assert "3 hendelser som passer med valget ditt." in text
    assert f'<option value="{bob}" selected>' in body


@pytest.mark.parametrize(
    ("kind", "shown", "not_shown"),
    [
        ("sett", ["så planen din 3 ganger i dag"], ["endret «Om meg»", "ble stoppet", "eksporterte", "skrev ut"]),
        ("endret", ["endret «Om meg» i dag"], ["så planen din", "ble stoppet", "eksporterte"]),
        (
            "lastet-ned",
            ["eksporterte planen din som PDF i dag", "skrev ut planen din for utskrift i dag"],
            ["så planen din", "endret «Om meg»", "ble stoppet"],
        ),
        (
            "stoppet",
            ["Bob Berg (erfaringskonsulent) ble stoppet", "Noen som ikke var logget inn ble stoppet"],
            ["så planen din", "endret «Om meg»"],
        ),
    ],
)
def test_choosing_a_kind_shows_only_that_kind(read_log, busy_day, kind, shown, not_shown):
    status, _, body = read_log(hva=kind)
    assert status == 200
    text = days_text(body)
    for words in shown:
        assert words in text
    for words in not_shown:
        assert words not in text
    assert re.search(rf'<option value="{kind}" selected>', body)


def test_who_and_kind_together(read_log, busy_day):
    alice = choices(read_log()[2], "hvem")["Alice Aas (fagperson / miljøarbeider)"]
    _, text, _ = read_log(hvem=alice, hva="endret")
    assert "Alice Aas (fagperson / miljøarbeider) endret «Om meg» i dag kl. 10.00." in text
    assert "1 hendelse som passer med valget ditt." in text
    _, text, _ = read_log(hvem=alice, hva="stoppet")
    assert "ingenting som passer med valget ditt." in text


def test_your_own_actions_are_du_and_only_with_egne(read_log, busy_day, add_rows, charlie, frozen):
    add_rows(charlie, 1, at=frozen, action="update", object_type="about", basis="self")
    assert "Du" not in choices(read_log()[2], "hvem")
    _, text, body = read_log(egne="1")
    assert choices(body, "hvem")["Du"] == "du"
    assert "Du endret «Om meg» i dag kl. 14.00." in text
    _, text, body = read_log(egne="1", hvem="du")
    assert "Du endret «Om meg»" in text and "Alice Aas (fagperson / miljøarbeider) så" not in text
    assert "(deltaker)" not in body and "Grunnlag: personen selv" not in text
    assert '<input type="hidden" name="egne" value="1">' in body


def test_the_links_keep_the_choices_and_hold_keys_only(read_log, busy_day):
    bob = choices(read_log()[2], "hvem")["Bob Berg (erfaringskonsulent)"]
    _, _, body = read_log(hvem=bob, hva="stoppet")
    toggle = re.search(r'<a href="([^"]*)">Vis også det du selv har gjort</a>', body).group(1)
    assert toggle == f"?egne=1&amp;hvem={bob}&amp;hva=stoppet"
    for address in re.findall(r'href="(\?[^"]*)"', body):
        assert "Bob" not in address and "Berg" not in address and " " not in address
