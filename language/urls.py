from django.urls import path

from language import views

urlpatterns = [
    path("api/v1/language-check", views.language_check_api, name="language_check_api"),
    path("sprak/sjekk/", views.language_check, name="language_check"),
]
