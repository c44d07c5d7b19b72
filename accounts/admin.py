from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserCreationForm

from accounts import totp
from accounts.models import Role, User
from audit.types import ObjectType
from medvandrer.admin import OrganisationScopedAdmin, admin_site


class StaffCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "full_name", "role")


@admin.register(User, site=admin_site)
class MedvandrerUserAdmin(OrganisationScopedAdmin, UserAdmin):
    add_form = StaffCreationForm
    list_display = ("username", "full_name", "role", "is_active", "two_factor")
    list_filter = ("role", "is_active")
    search_fields = ("username", "full_name")
    ordering = ("full_name",)
    fieldsets = (
        (None, {"fields": ("username", "full_name", "role", "organisation", "teams", "is_active")}),
        ("Innlogging", {"fields": ("password", "last_login")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "full_name", "role", "organisation", "teams", "password1", "password2")}),
    )
    readonly_fields = ("last_login",)
    filter_horizontal = ("teams",)
    actions = ["deactivate", "reset_two_factor"]
    audit_object_type = ObjectType.ACCOUNT

    @admin.display(boolean=True, description="Tofaktor")
    def two_factor(self, user):
        return user.totp_confirmed is not None

    def get_queryset(self, request):
        # Persons are not managed here: they keep their own login and recover it through a
        # new link from their care contact (people: «Lag lenke for nytt passord»).
        queryset = super().get_queryset(request).exclude(role=Role.PERSON)
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    def has_change_permission(self, request, obj=None):
        if (
            obj is not None
            and obj.role == Role.ADMIN
            and not (request.user.is_superuser or request.user.role == Role.ADMIN)
        ):
            return False  # a team leader cannot change an administrator (nor their password)
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj) and obj != request.user

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.is_superuser:
            fields.append("organisation")
        if obj is not None and obj == request.user:
            fields += ["role", "teams", "is_active"]  # nobody widens their own access
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not (request.user.is_superuser or request.user.role == Role.ADMIN):
            kwargs["choices"] = [(value, label) for value, label in Role.choices if value != Role.ADMIN]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def _changeable(self, request, queryset):
        return [user for user in queryset.exclude(pk=request.user.pk) if self.has_change_permission(request, user)]

    @admin.action(description="Deaktiver valgte brukere (logger dem ut med en gang)")
    def deactivate(self, request, queryset):
        users = self._changeable(request, queryset)
        for user in users:
            user.is_active = False
            user.save()  # the post_save signal ends their sessions
            self._audit(request, user, "update")
        messages.success(request, f"{len(users)} brukere er deaktivert og logget ut.")

    @admin.action(description="Nullstill tofaktor (ny app kobles til ved neste innlogging)")
    def reset_two_factor(self, request, queryset):
        users = self._changeable(request, queryset)
        for user in users:
            totp.disable(user)
            self._audit(request, user, "update")
        messages.success(request, f"Tofaktor er nullstilt for {len(users)} brukere.")
