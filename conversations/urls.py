from django.urls import path

from conversations import evaluation_views, links, views
from conversations.kinds import CONVERSATION
from medvandrer import item_views

base = "personer/<int:person_id>/samtaler/"
one = base + "<int:conversation_id>/"
urlpatterns = [
    path(base, views.conversation_list, name="conversations"),
    path(base + "ny/", views.conversation_new, name="conversation_new"),
    path(one, views.conversation, name="conversation"),
    path(one + "sporsmal/", views.mark_question, name="mark_question"),
    path(one + "retning/", views.steer, name="conversation_steer"),
    path(one + "avslutt/", views.finish, name="conversation_finish"),
    path(base + "<int:item_id>/slett/", item_views.delete_item, {"kind": CONVERSATION}, name="conversation_delete"),
    path(one + "evaluering/", evaluation_views.evaluations, name="evaluations"),
    path(one + "evaluering/min/", evaluation_views.person_evaluation, name="person_evaluation"),
    path(one + "evaluering/fagperson/", evaluation_views.staff_evaluation, name="staff_evaluation"),
    path(one + "evaluering/lenke/", evaluation_views.evaluation_link, name="evaluation_link"),
    path("evaluering/<str:token>/", links.evaluation_by_link, name="evaluation_by_link"),
]
