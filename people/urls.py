from django.urls import path

from people import organisation_log, views

urlpatterns = [
    path("personer/", views.person_list, name="persons"),
    path("personer/<int:person_id>/", views.person_detail, name="person"),
    path("personer/<int:person_id>/om-meg/", views.about_edit, name="about_edit"),
    path("personer/<int:person_id>/samtykke/", views.consents, name="consents"),
    path("personer/<int:person_id>/sperrer/", views.blocks, name="blocks"),
    path("personer/<int:person_id>/innsyn/", views.access_log, name="access_log"),
    path("personer/<int:person_id>/invitasjon/", views.invite, name="invite"),
    path("personer/<int:person_id>/slett/", views.erase, name="erase"),
    path("organisasjon/logg/", organisation_log.organisation_log, name="organisation_log"),
]
