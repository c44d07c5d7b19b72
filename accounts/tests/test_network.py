"""Which address the lockout counts: the client's, never one the client can forge."""

import pytest
from django.test import RequestFactory

from accounts.network import client_address


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "198.51.100.7", "10.0.0.1"),  # no proxies: the header is ignored
        (1, "198.51.100.7", "198.51.100.7"),
        (1, "6.6.6.6, 198.51.100.7", "198.51.100.7"),  # a forged entry to the left is ignored
        (2, "6.6.6.6, 198.51.100.7, 10.0.0.9", "198.51.100.7"),
        (2, "198.51.100.7", "10.0.0.1"),  # did not pass all proxies
        (1, "not-an-address", "10.0.0.1"),
        (1, "", "10.0.0.1"),
    ],
)
def test_client_address(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@pytest.mark.parametrize(
    "remote, expected",
    [
        ("198.51.100.7", "198.51.100.7"),
        ("2001:db8:5:6::1", "2001:db8:5:6::/64"),
        ("2001:db8:5:6:ffff:1234:abcd:1", "2001:db8:5:6::/64"),  # same /64: one home, one count
        ("2001:db8:5:7::1", "2001:db8:5:7::/64"),
        ("::ffff:198.51.100.7", "198.51.100.7"),  # an IPv4 client written as IPv6
        ("", ""),
    ],
)
def test_client_network_counts_an_ipv6_64_as_one_client(settings, remote, expected):
    from accounts.network import client_network

    settings.TRUSTED_PROXY_COUNT = 0
    assert client_network(RequestFactory().get("/", REMOTE_ADDR=remote)) == expected
