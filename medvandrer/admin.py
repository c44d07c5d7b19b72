"""The admin site, for team leaders and admins: organisation, teams, users, persons, care relations.

It never shows a person's content (plans, notes, «Om meg»): managers see names only,
and every list and choice is limited to their own organisation.
"""

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse


class MedvandrerAdminSite(admin.AdminSite):
    site_header = "Medvandrer – administrasjon"
    site_title = "Medvandrer"
    index_title = "Organisasjon, team og brukere"
    site_url = "/"

    def has_permission(self, request):
        user = request.user
        return user.is_active and (user.is_superuser or (user.is_manager and user.organisation_id is not None))

    def login(self, request, extra_context=None):
        # One sign-in for everything, with two-factor: ours.
        if request.user.is_authenticated:
            if self.has_permission(request):
                return redirect("admin:index")
            raise PermissionDenied("Administrasjonen er for teamledere og administratorer.")
        return redirect_to_login(request.GET.get("next", reverse("admin:index")))


admin_site = MedvandrerAdminSite(name="admin")


class OrganisationScopedAdmin(admin.ModelAdmin):
    """Lists, forms and choices limited to the manager's own organisation."""

    organisation_path = "organisation"

    def _manager(self, request) -> bool:
        return request.user.is_superuser or request.user.is_manager

    def has_module_permission(self, request):
        return self._manager(request)

    def has_view_permission(self, request, obj=None):
        return self._manager(request)

    def has_change_permission(self, request, obj=None):
        return self._manager(request)

    def has_add_permission(self, request):
        return self._manager(request)

    def has_delete_permission(self, request, obj=None):
        return self._manager(request)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{self.organisation_path: request.user.organisation_id})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs["queryset"] = _scoped(db_field.related_model, request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs["queryset"] = _scoped(db_field.related_model, request)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not change and hasattr(obj, "organisation_id") and not request.user.is_superuser:
            obj.organisation_id = request.user.organisation_id
        super().save_model(request, obj, form, change)

    # Admin changes go into our audit trail instead of Django's LogEntry, which would keep
    # names (object_repr) that must disappear when a person is erased.
    audit_object_type = ""  # every admin names one (audit.types.ObjectType): record() refuses the rest

    def _audit(self, request, obj, action):
        from audit.log import record
        from audit.models import Basis
        from people.models import Person

        person = obj if isinstance(obj, Person) else getattr(obj, "person", None)
        record(
            actor=request.user,
            action=action,
            object_type=self.audit_object_type,
            object_id=obj.pk,
            person=person if isinstance(person, Person) else None,
            basis=Basis.ORGANISATION,
        )

    def log_addition(self, request, obj, message):
        self._audit(request, obj, "create")

    def log_change(self, request, obj, message):
        self._audit(request, obj, "update")

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "delete")


def _scoped(model, request):
    from accounts.models import User
    from people.models import Organisation, Person, Team

    queryset = model._default_manager.all()
    if request.user.is_superuser:
        return queryset
    organisation_id = request.user.organisation_id
    if model is Organisation:
        return queryset.filter(pk=organisation_id)
    if model in (Team, Person, User):
        return queryset.filter(organisation_id=organisation_id)
    return queryset
