from django.urls import path

from crisis import views

urlpatterns = [
    path("vanskelig/", views.hard_now, name="hard_now"),
    path("vanskelig/sw.js", views.service_worker, name="hard_now_worker"),
    path("personer/<int:person_id>/plan/kriseplan/kort/", views.crisis_card, name="crisis_card"),
    path("personer/<int:person_id>/plan/kriseplan/kort.pdf", views.crisis_card_pdf, name="crisis_card_pdf"),
    path("organisasjon/krisenumre/", views.organisation_numbers, name="organisation_numbers"),
    path("organisasjon/krisenumre/<int:number_id>/", views.organisation_number_edit, name="organisation_number_edit"),
    path(
        "organisasjon/krisenumre/<int:number_id>/slett/",
        views.organisation_number_delete,
        name="organisation_number_delete",
    ),
]
