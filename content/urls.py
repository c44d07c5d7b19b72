from django.urls import path

from content import api, views

app_name = "content"

urlpatterns = [
    path("sporsmal/", views.question_bank, name="bank"),
    path("sporsmal/kort/", views.question_cards, name="cards"),
    path("sporsmal/forslag/", views.suggest, name="suggest"),
    path("sporsmal/favoritter/", views.favourites, name="favourites"),
    path("sporsmal/<str:question_id>/", views.question_detail, name="question"),
    path("sporsmal/<str:question_id>/favoritt/", views.toggle_favourite, name="toggle_favourite"),
    path("chime/<slug:key>/", views.element_detail, name="element"),
    path("veiledning/", views.guidance_index, name="guidance_index"),
    path("veiledning/<slug:slug>/", views.guidance_detail, name="guidance"),
    path("api/v1/questions", api.questions, name="api_questions"),
    path("api/v1/suggestions", api.suggestions, name="api_suggestions"),
]
