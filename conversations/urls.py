from django.urls import path

from conversations import links, views

base = "personer/<int:person_id>/samtaler/"
one = base + "<int:conversation_id>/"
urlpatterns = [
    path(base, views.conversation_list, name="conversations"),
    path(base + "ny/", views.conversation_new, name="conversation_new"),
    path(one, views.conversation, name="conversation"),
    path(one + "sporsmal/", views.mark_question, name="mark_question"),
    path(one + "avslutt/", views.finish, name="conversation_finish"),
    path(one + "slett/", views.delete, name="conversation_delete"),
    path(one + "evaluering/", views.evaluations, name="evaluations"),
    path(one + "evaluering/min/", views.person_evaluation, name="person_evaluation"),
    path(one + "evaluering/fagperson/", views.staff_evaluation, name="staff_evaluation"),
    path(one + "evaluering/lenke/", views.evaluation_link, name="evaluation_link"),
    path("evaluering/<str:token>/", links.evaluation_by_link, name="evaluation_by_link"),
]
