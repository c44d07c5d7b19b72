from django.urls import path

from chime import views

chime = "personer/<int:person_id>/chime/"
urlpatterns = [
    path(chime, views.overview, name="chime"),
    path(chime + "ny/", views.new_rating, name="chime_new"),
    path(chime + "<int:rating_id>/slett/", views.delete_rating, name="chime_delete"),
]
