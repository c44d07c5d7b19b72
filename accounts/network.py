"""The client's address, for the sign-in lockout.

Without reverse proxies (TRUSTED_PROXY_COUNT = 0) only REMOTE_ADDR counts: a forwarded
header could be forged to dodge the lockout. Behind N trusted proxies, each proxy appends
the address it received the request from to X-Forwarded-For, so the client is the N-th
entry from the right – entries further left could have been written by the client itself.
(django-ipware was tried first; its modern algorithm returned no address for these
requests, which would have put every client under one lockout key.)
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        return remote  # the request did not come through all our proxies
    candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def client_network(request) -> str:
    """The client's address as the short-code and e-mail limits count it.

    An IPv4 address is one client. An IPv6 address is counted by its /64: one home or phone
    is usually given a whole /64 and can pick any address in it, so counting single IPv6
    addresses would let one client try again from 2**64 addresses."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address  # no usable address (a test client without one): all such share one count
    if parsed.version == 6:
        if parsed.ipv4_mapped is not None:  # «::ffff:198.51.100.7» is the IPv4 client it names
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)
