from django.contrib import admin
from django.urls import include, path

from content.views import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("accounts.urls")),
    path("", include("content.urls")),
    path("admin/", admin.site.urls),
]
