from django.urls import path

from chime import views
from chime.kinds import RATING
from medvandrer import item_views

chime = "personer/<int:person_id>/chime/"
urlpatterns = [
    path(chime, views.overview, name="chime"),
    path(chime + "ny/", item_views.new_item, {"kind": RATING}, name="chime_new"),
    path(chime + "<int:item_id>/slett/", item_views.delete_item, {"kind": RATING}, name="chime_delete"),
]
