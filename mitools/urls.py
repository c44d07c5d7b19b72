from django.urls import path

from mitools import views

mi = "personer/<int:person_id>/mi/"
urlpatterns = [
    path(mi, views.overview, name="mi"),
    path(mi + "kors/ny/", views.cross_new, name="mi_cross_new"),
    path(mi + "kors/<int:cross_id>/", views.cross_detail, name="mi_cross"),
    path(mi + "kors/<int:cross_id>/endre/", views.cross_edit, name="mi_cross_edit"),
    path(mi + "kors/<int:cross_id>/slett/", views.cross_delete, name="mi_cross_delete"),
    path(mi + "linjal/ny/", views.ruler_new, name="mi_ruler_new"),
    path(mi + "linjal/<int:ruler_id>/", views.ruler_detail, name="mi_ruler"),
    path(mi + "linjal/<int:ruler_id>/slett/", views.ruler_delete, name="mi_ruler_delete"),
]
