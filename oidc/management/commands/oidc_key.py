"""manage.py oidc_key FILE: a new private signing key for a sign-in provider, written to FILE
(readable by its owner only), and its public half printed to register with the provider
(ID-porten: Samarbeidsportalen; HelseID: the self-service portal; Entra ID: the app's
certificates and secrets)."""

import json
import os

from django.core.management.base import BaseCommand, CommandError

from oidc.keys import new_client_key, public_half


class Command(BaseCommand):
    help = "Lag en ny privat nøkkel (JWK) for innlogging gjennom en tilbyder, og skriv ut den offentlige delen."

    def add_arguments(self, parser):
        parser.add_argument("file", help="where the private key is written (OIDC_<NAME>_JWK_FILE)")
        parser.add_argument("--kid", default="", help="the key's id (default: a new random one)")

    def handle(self, *args, file, kid, **options):
        key = new_client_key(kid)
        try:
            descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise CommandError(
                f"{file} finnes allerede; velg et nytt filnavn, så den gamle nøkkelen ikke går tapt."
            ) from None
        with os.fdopen(descriptor, "w") as out:
            json.dump(key, out)
        self.stdout.write(json.dumps({"keys": [public_half(key)]}, indent=2))
