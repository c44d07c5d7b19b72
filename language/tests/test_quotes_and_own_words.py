"""The check never nags about quotations or the person's own words."""

import pytest

from language.checking import check, findings_for_fields


@pytest.mark.parametrize(
    "text",
    [
        "Hun sa: «Jeg er alkoholiker, og det er greit.»",
        "Hun sa: «Han sa «du må bare ta deg sammen» til meg.»",
        'I planen sto det "du burde trene mer", og det vil hun fjerne.',
        "Ordet “narkoman” har preget ham.",
        "Legen skrev ”behandlingsresistent” i papirene.",
        "Han ble kalt 'rusmisbrukeren' på legekontoret.",
        "Hun sier om seg selv: „jeg er schizofren“ og ler.",
        "> Du må bare ta deg sammen, sier jeg til meg selv.",
        "  > Jeg er narkoman og stolt av å ha kommet hit.",
        "Han sier at han er alkoholiker, og at det er hans ord.",
        "Hun kaller seg selv narkoman.",
        "Han beskriver seg som rusmisbruker med egne ord.",
        "Hun skrev selv at hun burde ringe moren oftere.",
    ],
)
def test_quotes_and_reported_own_words_are_not_flagged(text):
    assert check(text) == []


def test_text_after_a_quote_is_still_checked():
    text = "Hun sa «jeg er alkoholiker». Rusmisbrukeren gikk hjem."
    assert [text[f.start : f.end] for f in check(text)] == ["Rusmisbrukeren"]


def test_reported_speech_ends_at_men():
    text = "Hun sier hun er lei, men hun må bare ta seg sammen."
    assert [f.category for f in check(text)] == ["moralizing"]


def test_an_unclosed_quote_only_covers_its_own_line():
    text = "Hun sa «jeg er alkoholiker\nHan er narkoman."
    assert [text[f.start : f.end] for f in check(text)] == ["er narkoman"]


def test_a_quote_line_only_covers_itself():
    text = "> Jeg er alkoholiker\nRusmisbrukeren kom."
    assert [text[f.start : f.end] for f in check(text)] == ["Rusmisbrukeren"]


@pytest.mark.django_db
def test_persons_are_never_checked(charlie, alice):
    fields = {"Notater": "Jeg er rusmisbruker og du må bare ta deg sammen."}
    assert findings_for_fields(charlie, fields) == {}
    assert list(findings_for_fields(alice, fields)) == ["Notater"]


def test_anonymous_users_are_not_checked():
    from django.contrib.auth.models import AnonymousUser

    assert findings_for_fields(AnonymousUser(), {"x": "Rusmisbrukeren"}) == {}


def test_a_person_describing_themself_in_the_first_person_is_not_labelled():
    # Written down in the plan in the person's own words.
    assert check("Jeg vil slutte å være narkoman.") == []
    assert check("Jeg er alkoholiker, og det er greit å si.") == []
    # Staff writing about someone else still get the remark.
    assert [f.category for f in check("Jeg snakket med rusmisbrukeren i dag.")] == ["labeling"]
