from django.urls import path

from dashboard import my_page, views

urlpatterns = [
    path("", views.home, name="home"),
    path("min-side/", my_page.my_page, name="my_page"),
]
