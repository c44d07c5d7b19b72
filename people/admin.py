from django import forms
from django.contrib import admin
from django.utils.formats import date_format
from django.utils.timezone import localtime

from accounts.models import Role
from audit.models import Basis
from audit.types import ObjectType
from medvandrer.admin import OrganisationScopedAdmin, admin_site, yes_no
from people import actions
from people.models import CareRelation, Organisation, Person, Team


@admin.register(Organisation, site=admin_site)
class OrganisationAdmin(OrganisationScopedAdmin):
    audit_object_type = ObjectType.ORGANISATION
    list_display = ("name", "short_name")
    fields = ("name", "slug", "signin_provider")
    labels = {"slug": "Kortnavn"}
    help_texts = {"slug": "Små bokstaver, tall og bindestrek, uten mellomrom."}

    @admin.display(description="Kortnavn", ordering="slug")
    def short_name(self, organisation):
        return organisation.slug

    def organisation_of(self, obj):
        return obj.pk


class OrganisationOnCreation(OrganisationScopedAdmin):
    """The organisation is chosen once, when the thing is made: moving a team or a person to another
    organisation would carry them away from everyone who works with them."""

    labels = {"organisation": "Organisasjon"}

    def get_readonly_fields(self, request, obj=None):
        return ("organisation_name",) if obj is not None else ()

    def get_fields(self, request, obj=None):
        return ("organisation_name", *self.own_fields) if obj is not None else ("organisation", *self.own_fields)

    @admin.display(description="Organisasjon")
    def organisation_name(self, obj):
        return obj.organisation.name


@admin.register(Team, site=admin_site)
class TeamAdmin(OrganisationOnCreation):
    audit_object_type = ObjectType.TEAM
    list_display = ("name", "organisation_name")
    list_select_related = ("organisation",)
    own_fields = ("name",)


@admin.register(Person, site=admin_site)
class PersonAdmin(OrganisationOnCreation):
    """Names only: what a person has written is never shown here."""

    audit_object_type = ObjectType.PERSON

    list_display = ("display_name", "organisation_name", "has_login", "added")
    list_select_related = ("organisation",)
    search_fields = ("display_name",)
    own_fields = ("display_name",)

    @admin.display(description="Har innlogging")
    def has_login(self, person):
        return yes_no(person.user_id is not None)

    @admin.display(description="Lagt til", ordering="created")
    def added(self, person):
        return date_format(localtime(person.created), "j. F Y")

    def delete_model(self, request, obj):
        actions.erase_person(obj, actor=request.user, basis=Basis.ORGANISATION)

    def delete_queryset(self, request, queryset):
        for person in queryset:
            actions.erase_person(person, actor=request.user, basis=Basis.ORGANISATION)

    def log_deletions(self, request, queryset):
        pass  # erase_person writes the audit row

    def get_deleted_objects(self, objs, request):
        # Django would list everything linked – blocks and consents included, which the
        # person has not shared with anyone here. Say what happens without naming it.
        summary = [
            f"{person.display_name} og alt som hører til (plan, samtykker, sperrer og innlogging)" for person in objs
        ]
        return summary, {"personer": len(summary)}, set(), []


class EndedFilter(admin.SimpleListFilter):
    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [("pagar", "Pågår"), ("avsluttet", "Avsluttet")]

    def queryset(self, request, queryset):
        if self.value() == "pagar":
            return queryset.filter(ended__isnull=True)
        if self.value() == "avsluttet":
            return queryset.filter(ended__isnull=False)
        return queryset


@admin.register(CareRelation, site=admin_site)
class CareRelationAdmin(OrganisationScopedAdmin):
    audit_object_type = ObjectType.CARE_RELATION
    list_display = ("staff_name", "person_name", "started", "ended")
    list_select_related = ("staff", "person")
    list_filter = (EndedFilter,)
    fields = ("staff", "person", "started", "ended")
    labels = {"staff": "Ansatt", "person": "Person"}

    @admin.display(description="Ansatt", ordering="staff__full_name")
    def staff_name(self, relation):
        return relation.staff.display_name

    @admin.display(description="Person", ordering="person__display_name")
    def person_name(self, relation):
        return relation.person.display_name

    def organisation_of(self, obj):
        return obj.person.organisation_id

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "staff":
            field.queryset = field.queryset.exclude(role=Role.PERSON)
        return field

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)

        class NotYourself(form):
            """Four eyes: nobody here gives themself access to a person."""

            def clean_staff(self):
                staff = self.cleaned_data.get("staff")
                if staff == request.user:
                    raise forms.ValidationError(
                        "Du kan ikke gjøre deg selv til fast kontakt. Be en annen leder om det."
                    )
                return staff

            def clean(self):
                cleaned = super().clean()
                staff, person = cleaned.get("staff"), cleaned.get("person")
                if staff and person and staff.organisation_id != person.organisation_id:
                    self.add_error("staff", "Velg en ansatt i personens egen organisasjon.")
                return cleaned

        return NotYourself
