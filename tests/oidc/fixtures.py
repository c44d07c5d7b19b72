"""Real OpenID Connect providers on loopback for the sign-in tests: node-oidc-provider (OpenID
Certified), started from tests/oidc/provider.mjs, once configured like ID-porten and once like a
staff provider (HelseID, Entra ID). Where node or the npm package is missing the tests skip with a
message, as the browser tests do without chromium.

Imported by oidc/tests/conftest.py and tests/browser/conftest.py. `signed_in_at_provider(start_response, **form)` plays the person at the provider's sign-in
page with `requests` and returns the callback path the provider sends the browser back to."""

import json
import shutil
import socket
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests

from oidc import flow, providers
from oidc.keys import new_client_key, public_half

ROOT = Path(__file__).resolve().parents[2]
PROVIDER_SCRIPT = ROOT / "tests" / "oidc" / "provider.mjs"
PROVIDER_PACKAGE = ROOT / "node_modules" / "oidc-provider" / "package.json"
NODE = shutil.which("node")
RP_BASES = ["http://testserver"]  # the Django test client's; the live server's is added
ID_PORTEN_LEVELS = ["idporten-loa-substantial", "idporten-loa-high"]


def provider_missing() -> str:
    if not NODE:
        return "node mangler (Debian-pakken nodejs)"
    if not PROVIDER_PACKAGE.exists():
        return "oidc-provider mangler (make test-tools, eller npm ci)"
    return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RunningProvider:
    def __init__(self, name, kind, port, client_key, process):
        self.name, self.kind, self.port, self.client_key, self.process = name, kind, port, client_key, process
        self.issuer = f"http://127.0.0.1:{port}"


def _start(name: str, kind: str, tmp: Path, rp_bases: list, **extra) -> RunningProvider:
    port = _free_port()
    client_key = new_client_key(f"{name}-client")
    person = kind == providers.PERSON
    config = {
        "port": port,
        "issuer": f"http://127.0.0.1:{port}",
        "name": name,
        "signing_key": new_client_key(f"{name}-signing"),
        "clients": [
            {
                "client_id": f"medvandrer-{name}",
                "token_endpoint_auth_method": "private_key_jwt",
                "token_endpoint_auth_signing_alg": "RS256",
                "jwks": {"keys": [public_half(client_key)]},
                "redirect_uris": [f"{base}/logg-inn/ekstern/{name}/tilbake/" for base in rp_bases],
                "post_logout_redirect_uris": [f"{base}/logg-inn/" for base in rp_bases],
            }
        ],
        "acr_values": ID_PORTEN_LEVELS if person else [],
        "claims": {
            # amr and acr come with the openid scope, as ID-porten's and HelseID's tokens carry them
            **{standalone: None for standalone in ("sid", "auth_time", "iss")},
            "openid": ["sub", "acr", "amr", *(["pid"] if person else ["oid"])],
            "profile": ["name"],
        },
        **extra,
    }
    config_file = tmp / f"{name}.json"
    config_file.write_text(json.dumps(config))
    process = subprocess.Popen(  # noqa: S603 – our own fixed command line
        [NODE, str(PROVIDER_SCRIPT), str(config_file)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    said = []  # node may warn first (e.g. about its version); «ready» says it listens
    for line in process.stdout:
        said.append(line)
        if line.startswith("ready"):
            break
    else:
        process.kill()
        raise RuntimeError(f"The test provider {name} did not start: {''.join(said)}")
    return RunningProvider(name, kind, port, client_key, process)


@pytest.fixture(scope="session")
def running_providers(tmp_path_factory, request):
    """Four providers: «idporten» (persons, acr levels, pid), «helse» (staff, amr), «kortvarig», an
    ID-porten whose ID tokens live one second (to prove that an expired one is refused), and
    «rotet», one whose published signing keys are broken."""
    missing = provider_missing()
    if missing:
        pytest.skip(f"Innloggingstestene mot en ekte OpenID Connect-tilbyder hoppes over: {missing}.")
    tmp = tmp_path_factory.mktemp("oidc")
    bases = [*RP_BASES, request.getfixturevalue("live_server").url]  # the browser test comes back there
    started = {
        "idporten": _start("idporten", providers.PERSON, tmp, bases),
        "helse": _start("helse", providers.STAFF, tmp, bases),
        "kortvarig": _start("kortvarig", providers.PERSON, tmp, bases, id_token_ttl=1, clock_tolerance=120),
        "rotet": _start("rotet", providers.PERSON, tmp, bases, broken_jwks=True),
    }
    for provider in started.values():
        key_file = tmp / f"{provider.name}-client.jwk.json"
        key_file.write_text(json.dumps(provider.client_key))
        provider.key_file = key_file
    yield started
    for provider in started.values():
        provider.process.kill()
        provider.process.wait(timeout=5)


@pytest.fixture
def oidc_env(running_providers, monkeypatch, settings, tmp_path):
    """The app configured for the running providers, as an installation would be from its
    environment (docs/DEPLOYMENT.md). Yields a function to change one provider's settings."""

    def configure(**overrides):
        monkeypatch.setenv("OIDC_PROVIDERS", ",".join(running_providers))
        for provider in running_providers.values():
            prefix = f"OIDC_{provider.name.upper()}_"
            monkeypatch.setenv(prefix + "KIND", provider.kind)
            monkeypatch.setenv(prefix + "ISSUER", provider.issuer)
            monkeypatch.setenv(prefix + "CLIENT_ID", f"medvandrer-{provider.name}")
            monkeypatch.setenv(prefix + "JWK_FILE", str(provider.key_file))
            monkeypatch.setenv(prefix + "TIMEOUT", "5")
        monkeypatch.setenv("OIDC_HELSE_LABEL", "HelseID")
        monkeypatch.setenv("OIDC_KORTVARIG_LABEL", "ID-porten")
        for key, value in overrides.items():
            monkeypatch.setenv(key, value)
        providers.configured.cache_clear()
        flow.forget_clients()

    configure()
    yield configure
    providers.configured.cache_clear()
    flow.forget_clients()


def signed_in_at_provider(start_response, **form) -> str:
    """Follows our redirect to the provider, fills in its sign-in page (sub, pid, name, acr, amr),
    and returns the path and query of our callback, where the provider sends the browser back."""
    assert start_response.status_code == 302, start_response.content.decode()[:500]
    browser = requests.Session()
    page = browser.get(start_response["Location"], timeout=10)
    assert page.status_code == 200 and "Testinnlogging" in page.text, page.text[:500]
    answer = browser.post(page.url, data=form, allow_redirects=False, timeout=10)
    for _ in range(10):
        location = answer.headers.get("location", "")
        assert answer.status_code in (302, 303), answer.text[:500]
        if location.startswith(tuple(RP_BASES)):
            parts = urlsplit(location)
            return f"{parts.path}?{parts.query}"
        answer = browser.get(urljoin(answer.url, location), allow_redirects=False, timeout=10)
    raise AssertionError("The provider never sent the browser back")


def sign_out_at_provider(location: str) -> str:
    """Confirms the provider's «log out?» page and returns where it sends the browser after."""
    browser = requests.Session()
    page = browser.get(location, timeout=10)
    assert page.status_code == 200, page.text[:500]
    xsrf = page.text.split('name="xsrf" value="')[1].split('"')[0]
    action = page.text.split('action="')[1].split('"')[0]
    done = browser.post(urljoin(page.url, action), data={"xsrf": xsrf, "logout": "yes"}, allow_redirects=False)
    assert done.status_code in (302, 303), done.text[:500]
    return done.headers["location"]
