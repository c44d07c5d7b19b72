"""Loading content/data/ into the database: idempotent, stable ids, clear errors."""

import shutil
import tomllib
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from content import loader
from content.models import Favourite, Question, Situation


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A writable copy of content/data, used by the loader for this test."""
    copy = tmp_path / "data"
    shutil.copytree(loader.DATA_DIR, copy)
    monkeypatch.setattr(loader, "DATA_DIR", copy)
    return copy


def rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.django_db
def test_migrate_has_loaded_everything():
    assert Question.objects.count() == 112
    assert Situation.objects.count() >= 20
    assert loader.load_content() is False  # nothing changed since migrate


@pytest.mark.django_db
def test_reload_after_an_edit_updates_the_text_and_keeps_favourites(data_copy, alice):
    Favourite.objects.create(user=alice, question_id="C3.1")
    rewrite(data_copy / "questions" / "connectedness.toml", "der du føler deg utenfor?", "der du kjenner deg utenfor?")
    assert loader.load_content() is True
    assert Question.objects.get(pk="C3.1").text == "Er det perioder eller situasjoner der du kjenner deg utenfor?"
    assert Favourite.objects.filter(user=alice, question_id="C3.1").exists()


@pytest.mark.django_db
def test_a_question_id_in_the_wrong_theme_is_refused(data_copy):
    rewrite(data_copy / "questions" / "hope.toml", 'id = "H3.1"', 'id = "H4.9"')
    with pytest.raises(loader.ContentError, match="H4.9"):
        loader.load_content(force=True)
    assert Question.objects.filter(pk="H3.1").exists()  # nothing half-loaded


@pytest.mark.django_db
def test_an_unknown_phase_is_refused_with_the_file_name(data_copy):
    rewrite(data_copy / "questions" / "meaning.toml", 'phases = ["grupper"]', 'phases = ["gruppe"]')
    with pytest.raises(loader.ContentError, match=r"meaning.toml.*gruppe"):
        loader.load_content(force=True)


@pytest.mark.django_db
def test_the_command_reports_broken_files_in_norwegian(data_copy):
    (data_copy / "guidance" / "huskeregler.toml").write_text("slug = \n", encoding="utf-8")
    with pytest.raises(CommandError, match="Innholdsfilene har en feil: huskeregler.toml"):
        call_command("load_content", "--force")


def test_every_content_file_is_valid_toml():
    for path in loader.content_files():
        with path.open("rb") as f:
            assert tomllib.load(f), path.name
