from django.apps import AppConfig


class OidcConfig(AppConfig):
    name = "oidc"
    verbose_name = "Innlogging med ID-porten, HelseID eller Entra ID"

    def ready(self):
        from oidc import checks, views  # noqa: F401  the settings check; the receiver that signs out at the provider too
