"""The bank asks crisis through content.safety. Crisis plugs its check in when Django starts;
without it the bank refuses to answer rather than answer without the crisis check."""

import pytest

from content import safety, suggestions


def test_the_crisis_check_is_plugged_in_when_django_starts():
    assert safety.recognise("Han sier han ikke orker mer og har tenkt på å ta livet sitt")
    assert not safety.recognise("Hun gleder seg til å begynne på jobb")


def test_without_the_crisis_check_the_bank_refuses_to_suggest(monkeypatch):
    monkeypatch.setattr(safety, "_plugged", None)
    with pytest.raises(safety.NotPluggedIn):
        suggestions.suggest("Han vil ikke leve lenger")
