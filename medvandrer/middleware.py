"""Project-wide response middleware."""

from django.shortcuts import render


class FriendlyMethodNotAllowedMiddleware:
    """A POST-only address opened from a bookmark or a restored tab gets a Norwegian page,
    not the browser's blank English 405 (django.views.decorators.http.require_POST sends an
    empty body). htmx requests keep the bare status: the page that sent them handles it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content and not getattr(request, "htmx", False):
            friendly = render(request, "405.html", status=405)
            friendly["Allow"] = response.get("Allow", "")
            return friendly
        return response
