from django.urls import path

from audit import views

urlpatterns = [
    path("organisasjon/logg/", views.organisation_log, name="organisation_log"),
]
