"""The pages that send the browser on to a provider may: a form's target and the redirects after
it must be allowed by the page's `form-action`, which is otherwise only our own address."""

from urllib.parse import urlsplit

from oidc import providers

FORM_TARGETS = "oidc_form_targets"  # set on the request by the template tags that draw the buttons
SESSION_LOGOUT = "oidc_logout"  # oidc.views.LOGOUT: this session began at a provider (sign-out goes there)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class ProviderFormActionMiddleware:
    """Listed after csp.middleware.CSPMiddleware, so its answer is seen by django-csp on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        names = set(getattr(request, FORM_TARGETS, ()))
        session = getattr(request, "session", None)
        began_at = session.get(SESSION_LOGOUT) if session is not None and session.session_key else None
        if began_at:
            names.add(began_at.get("provider", ""))
        origins = sorted({_origin(p.issuer) for name in names if (p := providers.get(name))})
        if origins:
            update = dict(getattr(response, "_csp_update", None) or {})
            update["form-action"] = [*update.get("form-action", []), *origins]
            response._csp_update = update
        return response
