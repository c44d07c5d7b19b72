from django.contrib import admin

from audit.log import record
from audit.models import Action, Basis
from medvandrer.admin import OrganisationScopedAdmin, admin_site
from people import actions
from people.models import CareRelation, Organisation, Person, Team


@admin.register(Organisation, site=admin_site)
class OrganisationAdmin(OrganisationScopedAdmin):
    organisation_path = "pk"
    list_display = ("name", "slug")

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Team, site=admin_site)
class TeamAdmin(OrganisationScopedAdmin):
    list_display = ("name",)
    fields = ("name",)


@admin.register(Person, site=admin_site)
class PersonAdmin(OrganisationScopedAdmin):
    """Names only: what a person has written is never shown here."""

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


@admin.register(CareRelation, site=admin_site)
class CareRelationAdmin(OrganisationScopedAdmin):
    organisation_path = "person__organisation"
    list_display = ("staff", "person", "started", "ended")
    list_filter = ("ended",)
    fields = ("staff", "person", "started", "ended")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "staff":
            field.queryset = field.queryset.exclude(role="deltaker")
        return field

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        record(
            actor=request.user,
            action=Action.UPDATE if change else Action.CREATE,
            object_type="care_relation",
            object_id=obj.pk,
            person=obj.person,
            basis=Basis.ORGANISATION,
        )

    def delete_model(self, request, obj):
        record(
            actor=request.user,
            action=Action.DELETE,
            object_type="care_relation",
            object_id=obj.pk,
            person=obj.person,
            basis=Basis.ORGANISATION,
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for relation in queryset:
            self.delete_model(request, relation)
