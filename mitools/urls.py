from django.urls import path

from medvandrer import item_views
from mitools import views
from mitools.kinds import CROSS, RULER

mi = "personer/<int:person_id>/mi/"
urlpatterns = [
    path(mi, views.overview, name="mi"),
    path(mi + "kors/ny/", item_views.new_item, {"kind": CROSS}, name="mi_cross_new"),
    path(mi + "kors/<int:cross_id>/", views.cross_detail, name="mi_cross"),
    path(mi + "kors/<int:item_id>/endre/", item_views.edit_item, {"kind": CROSS}, name="mi_cross_edit"),
    path(mi + "kors/<int:item_id>/slett/", item_views.delete_item, {"kind": CROSS}, name="mi_cross_delete"),
    path(mi + "linjal/ny/", item_views.new_item, {"kind": RULER}, name="mi_ruler_new"),
    path(mi + "linjal/<int:ruler_id>/", views.ruler_detail, name="mi_ruler"),
    path(mi + "linjal/<int:item_id>/slett/", item_views.delete_item, {"kind": RULER}, name="mi_ruler_delete"),
]
