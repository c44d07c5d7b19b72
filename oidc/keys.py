"""The client's own signing key for `private_key_jwt`: the private JWK stays on the server (the
file named by OIDC_<NAME>_JWK_FILE); the public half is registered with the provider."""

import secrets

from joserfc.jwk import RSAKey

PUBLIC_MEMBERS = ("kty", "n", "e", "kid", "use", "alg")


def new_client_key(kid: str = "") -> dict:
    kid = kid or f"medvandrer-{secrets.token_hex(4)}"
    return RSAKey.generate_key(2048, parameters={"kid": kid, "use": "sig", "alg": "RS256"}).as_dict(private=True)


def public_half(jwk: dict) -> dict:
    return {k: v for k, v in jwk.items() if k in PUBLIC_MEMBERS}
