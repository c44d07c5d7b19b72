from tests.oidc.fixtures import oidc_env, running_providers  # noqa: F401  (fixtures)
