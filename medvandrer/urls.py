from django.urls import include, path

from content.views import home
from medvandrer.admin import admin_site

urlpatterns = [
    path("", home, name="home"),
    path("", include("accounts.urls")),
    path("", include("people.urls")),
    path("", include("audit.urls")),
    path("", include("content.urls")),
    path("admin/", admin_site.urls),
]
