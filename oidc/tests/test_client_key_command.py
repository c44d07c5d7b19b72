"""`manage.py oidc_key` makes the client's signing key: the private half in a file only its owner
reads, the public half printed for the provider, and an existing key file never overwritten."""

import json
import stat

import pytest
from django.core.management import CommandError, call_command

from oidc.providers import _read_key


def test_a_new_key_is_kept_private_and_its_public_half_printed(tmp_path, capsys):
    path = tmp_path / "idporten.jwk.json"
    call_command("oidc_key", str(path), kid="medvandrer-2026")
    printed = json.loads(capsys.readouterr().out)["keys"][0]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    private = _read_key(str(path), "idporten")  # what the app reads at start-up
    assert private["kid"] == printed["kid"] == "medvandrer-2026" and "d" in private
    assert "d" not in printed and printed["n"] == private["n"]

    with pytest.raises(CommandError, match="finnes allerede"):
        call_command("oidc_key", str(path))
    assert _read_key(str(path), "idporten")["d"] == private["d"]
