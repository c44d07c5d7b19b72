from django.urls import path

from exports import views

urlpatterns = [
    path("personer/<int:person_id>/plan/utskrift/", views.plan_print, name="plan_print"),
    path("personer/<int:person_id>/plan/plan.pdf", views.plan_pdf, name="plan_pdf"),
    path("personer/<int:person_id>/plan/ip/", views.ip, name="ip"),
    path("personer/<int:person_id>/plan/ip.pdf", views.ip_pdf, name="ip_pdf"),
    path("personer/<int:person_id>/data.json", views.data_export, name="data_export"),
]
