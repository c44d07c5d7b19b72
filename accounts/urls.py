from django.urls import path

from accounts import views

urlpatterns = [
    path("logg-inn/", views.SignInView.as_view(), name="login"),
    path("logg-inn/kode/", views.two_factor, name="two_factor"),
    path("logg-inn/tofaktor/", views.two_factor_setup, name="two_factor_setup"),
    path("logg-inn/tofaktor/qr.svg", views.two_factor_qr, name="two_factor_qr"),
    path("logg-ut/", views.SignOutView.as_view(), name="logout"),
    path("konto/", views.account, name="account"),
    path("konto/tofaktor-av/", views.turn_off_two_factor, name="two_factor_off"),
    path("konto/logg-ut-overalt/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("invitasjon/<str:token>/", views.accept_invite, name="accept_invite"),
]
