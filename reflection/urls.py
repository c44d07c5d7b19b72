from django.urls import path

from reflection import views

urlpatterns = [
    path("refleksjon/", views.journal, name="reflection_journal"),
    path("refleksjon/uke/", views.week, name="reflection_week"),
    path("refleksjon/<int:entry_id>/", views.entry, name="reflection_entry"),
    path("refleksjon/<int:entry_id>/slett/", views.delete, name="reflection_delete"),
]
