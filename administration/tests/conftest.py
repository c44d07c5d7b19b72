import pytest

from conftest import sign_in


@pytest.fixture
def lise_client(client, lise):
    return sign_in(client, lise)
