from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from accounts.models import User


@admin.register(User)
class MedvandrerUserAdmin(UserAdmin):
    fieldsets = UserAdmin.fieldsets + (("Medvandrer", {"fields": ("role", "full_name")}),)
    list_display = ("username", "full_name", "role", "is_active")
    list_filter = ("role", "is_active")
