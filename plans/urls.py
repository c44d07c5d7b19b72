from django.urls import path

from medvandrer import item_views
from plans import views
from plans.kinds import KINDS

plan = "personer/<int:person_id>/plan/"
urlpatterns = [
    path(plan, views.plan_overview, name="plan"),
    path(plan + "mal/<int:goal_id>/", views.goal_detail, name="goal"),
    path(plan + "steg/<int:item_id>/gjort/", views.toggle_step, name="toggle_step"),
    path(plan + "steg/<int:item_id>/feire/", views.celebrate, name="celebrate"),
    path(plan + "seire/", views.wins, name="wins"),
    path(plan + "24-timer/", views.day, name="day"),
    path(plan + "24-timer/<int:item_id>/gjort/", views.toggle_day_goal, name="toggle_day_goal"),
    path(plan + "ressurser/", views.resources, name="resources"),
    path(plan + "ressurser/historikk/", views.resource_history, name="resource_history"),
    path(plan + "nettverk/", views.network, name="network"),
    path(plan + "kriseplan/", views.crisis_plan, name="crisis_plan"),
    path(plan + "kriseplan/del/<slug:part_key>/", views.crisis_part, name="crisis_part"),
    path(plan + "kriseplan/flytt/", views.crisis_move, name="crisis_move"),
    path(plan + "uke/", views.week, name="week"),
    path(plan + "<slug:kind>/ny/", item_views.new_item, {"kinds": KINDS}, name="new_item"),
    path(plan + "<slug:kind>/<int:item_id>/endre/", item_views.edit_item, {"kinds": KINDS}, name="edit_item"),
    path(plan + "<slug:kind>/<int:item_id>/slett/", item_views.delete_item, {"kinds": KINDS}, name="delete_item"),
]
