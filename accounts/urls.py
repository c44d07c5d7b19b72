from django.urls import path

from accounts import passwords, views

urlpatterns = [
    path("logg-inn/", views.SignInView.as_view(), name="login"),
    path("logg-inn/kode/", views.two_factor, name="two_factor"),
    path("logg-inn/tofaktor/", views.two_factor_setup, name="two_factor_setup"),
    path("logg-inn/tofaktor/qr.svg", views.two_factor_qr, name="two_factor_qr"),
    path("logg-ut/", views.SignOutView.as_view(), name="logout"),
    path("konto/", views.account, name="account"),
    path("konto/tofaktor-av/", views.turn_off_two_factor, name="two_factor_off"),
    path("konto/logg-ut-overalt/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("konto/passord/", passwords.ChangePasswordView.as_view(), name="password_change"),
    path("konto/fortsett/", views.keep_signed_in, name="keep_signed_in"),
    path("logg-inn/glemt/", passwords.forgotten, name="password_forgotten"),
    path("logg-inn/ny/<uidb64>/<token>/", passwords.EmailResetConfirmView.as_view(), name="password_reset_confirm"),
    path("organisasjon/ansatte/", passwords.staff_list, name="staff_list"),
    path("organisasjon/ansatte/<int:user_id>/ny-lenke/", passwords.staff_reset_link, name="staff_reset_link"),
    path("ny-innlogging/<str:token>/", passwords.accept_reset_link, name="accept_reset_link"),
    path("kode/", passwords.short_code, name="short_code"),
    path("kode/apne/", passwords.short_code_open, name="short_code_open"),
    path("invitasjon/<str:token>/", views.accept_invite, name="accept_invite"),
]
