from django import forms
from django.contrib import admin

from accounts.models import Role
from audit.models import Basis
from audit.types import ObjectType
from medvandrer.admin import OrganisationScopedAdmin, admin_site
from people import actions
from people.models import CareRelation, Organisation, Person, Team


@admin.register(Organisation, site=admin_site)
class OrganisationAdmin(OrganisationScopedAdmin):
    organisation_path = "pk"
    audit_object_type = ObjectType.ORGANISATION
    list_display = ("name", "slug")

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Team, site=admin_site)
class TeamAdmin(OrganisationScopedAdmin):
    audit_object_type = ObjectType.TEAM
    list_display = ("name",)
    fields = ("name",)


@admin.register(Person, site=admin_site)
class PersonAdmin(OrganisationScopedAdmin):
    """Names only: what a person has written is never shown here."""

    audit_object_type = ObjectType.PERSON

    list_display = ("display_name", "has_login", "created")
    search_fields = ("display_name",)
    fields = ("display_name",)

    @admin.display(boolean=True, description="Har innlogging")
    def has_login(self, person):
        return person.user_id is not None

    def delete_model(self, request, obj):
        actions.erase_person(obj, actor=request.user, basis=Basis.ORGANISATION)

    def delete_queryset(self, request, queryset):
        for person in queryset:
            actions.erase_person(person, actor=request.user, basis=Basis.ORGANISATION)

    def log_deletions(self, request, queryset):
        pass  # erase_person writes the audit row

    def get_deleted_objects(self, objs, request):
        # Django would list everything linked – blocks and consents included, which the
        # person has not shared with managers. Say what happens without naming it.
        summary = [
            f"{person.display_name} og alt som hører til (plan, samtykker, sperrer og innlogging)" for person in objs
        ]
        return summary, {"personer": len(summary)}, set(), []


@admin.register(CareRelation, site=admin_site)
class CareRelationAdmin(OrganisationScopedAdmin):
    organisation_path = "person__organisation"
    audit_object_type = ObjectType.CARE_RELATION
    list_display = ("staff", "person", "started", "ended")
    list_filter = ("ended",)
    fields = ("staff", "person", "started", "ended")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "staff":
            field.queryset = field.queryset.exclude(role=Role.PERSON)
        return field

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class NotYourself(form):
            """Four eyes: a manager never gives themself access to a person."""

            def clean_staff(self):
                staff = self.cleaned_data.get("staff")
                if staff == request.user:
                    raise forms.ValidationError(
                        "Du kan ikke gjøre deg selv til fast kontakt. Be en annen leder om det."
                    )
                return staff

        return NotYourself
