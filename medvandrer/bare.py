"""The ceiling for the scale benchmark (benchmarks/load.py): the cheapest page Django can serve
through the same middleware and server settings – no session, no database, a fixed small body."""

from django.http import HttpResponse

BODY = b"ok\n"


def view(request):
    return HttpResponse(BODY, content_type="text/plain; charset=utf-8")
