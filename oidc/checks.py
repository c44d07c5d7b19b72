"""A sign-in provider set up wrong (a missing issuer, a key file that cannot be read or is no
private JWK) stops `manage.py migrate` and `check` at deployment, instead of the sign-in page
failing for the first person who opens it."""

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from oidc import providers


@register()
def provider_settings(app_configs, **kwargs):
    providers.configured.cache_clear()
    try:
        providers.configured()
    except ImproperlyConfigured as error:
        return [
            Error(
                str(error),
                hint="See docs/DEPLOYMENT.md, «Innlogging med ID-porten, HelseID og Entra ID».",
                id="oidc.E001",
            )
        ]
    return []
