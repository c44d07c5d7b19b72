from django.urls import path

from oidc import views

urlpatterns = [
    path("logg-inn/ekstern/<str:name>/", views.start, name="oidc_start"),
    path("logg-inn/ekstern/<str:name>/tilbake/", views.callback, name="oidc_callback"),
    path("konto/ekstern/<str:name>/fjern/", views.unlink, name="oidc_unlink"),
]
