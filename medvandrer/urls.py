from django.urls import include, path

from medvandrer.admin import admin_site

urlpatterns = [
    path("", include("accounts.urls")),
    path("", include("oidc.urls")),
    path("", include("administration.urls")),
    path("", include("people.urls")),
    path("", include("plans.urls")),
    path("", include("crisis.urls")),
    path("", include("exports.urls")),
    path("", include("conversations.urls")),
    path("", include("chime.urls")),
    path("", include("mitools.urls")),
    path("", include("reflection.urls")),
    path("", include("language.urls")),
    path("", include("dashboard.urls")),
    path("", include("content.urls")),
    path("admin/", admin_site.urls),
]
