"""The load benchmark's URLconf (benchmarks/load): every normal URL plus `bare/`, the ceiling –
the cheapest page Django can serve through the same middleware and server settings: no session,
no database, a fixed small body. Selected only by the benchmark's server
(MEDVANDRER_URLCONF=benchmarks.urls_bare); production's medvandrer/urls.py has no such page."""

from django.http import HttpResponse
from django.urls import path

from medvandrer.urls import urlpatterns as production_urlpatterns

BODY = b"ok\n"


def bare(request):
    return HttpResponse(BODY, content_type="text/plain; charset=utf-8")


urlpatterns = [*production_urlpatterns, path("bare/", bare, name="bare")]
