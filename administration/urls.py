from django.urls import path

from administration import views

urlpatterns = [
    path("organisasjon/", views.home, name="administration"),
    path("organisasjon/ansatte/ny/", views.staff_invite, name="staff_invite"),
    path("organisasjon/ansatte/<int:user_id>/", views.staff_edit, name="staff_edit"),
    path("organisasjon/ansatte/<int:user_id>/velkomstlenke/", views.staff_welcome_link, name="staff_welcome_link"),
    path("organisasjon/ansatte/<int:user_id>/ny-app/", views.staff_disconnect_app, name="staff_disconnect_app"),
    path("organisasjon/team/", views.team_list, name="team_list"),
    path("organisasjon/team/<int:team_id>/", views.team_edit, name="team_edit"),
    path("organisasjon/personer/", views.persons, name="administration_persons"),
    path("organisasjon/personer/<int:person_id>/", views.person_contacts, name="person_contacts"),
    path("organisasjon/personer/<int:person_id>/slett/", views.person_erase, name="person_erase"),
    path("organisasjon/innlogging/", views.signin_provider, name="signin_provider"),
]
