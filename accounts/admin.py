"""Staff accounts in Django's admin, for superusers. No password is set or shown here: staff choose
their own through the welcome link a team leader makes in «Administrasjon»."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UsernameField

from accounts import totp
from accounts.models import STAFF_ROLES, Role, User
from accounts.sessions import end_sessions
from audit.types import ObjectType
from medvandrer.admin import OrganisationScopedAdmin, admin_site, yes_no

STAFF_ROLE_CHOICES = [(value, label) for value, label in Role.choices if value in STAFF_ROLES]
THEY_CHOOSE_THEIR_OWN = (
    "Passordet velger den ansatte selv, gjennom velkomstlenken en teamleder lager under «Administrasjon». "
    "Det kan ikke settes eller ses her."
)


class StaffForm(forms.ModelForm):
    """Who a staff member is and where they work – without Django's password field, which shows
    the password's hash and offers to reset it."""

    class Meta:
        model = User
        fields = ("username", "full_name", "role", "organisation", "teams", "is_active")
        field_classes = {"username": UsernameField}
        widgets = {"teams": forms.CheckboxSelectMultiple}

    def clean_username(self):
        username = self.cleaned_data.get("username")
        taken = User.objects.filter(username__iexact=username).exclude(pk=self.instance.pk)
        if username and taken.exists():
            raise forms.ValidationError("Brukernavnet er i bruk. Velg et annet.")
        return username

    def clean(self):
        cleaned = super().clean()
        if "teams" in self.fields and cleaned.get("teams") is not None:
            if "organisation" in self.fields:
                organisation = cleaned.get("organisation")
                organisation_id = organisation.pk if organisation else None
            else:
                organisation_id = self.instance.organisation_id
            if any(team.organisation_id != organisation_id for team in cleaned["teams"]):
                self.add_error("teams", "Velg bare team i brukerens egen organisasjon.")
        return cleaned


class NewStaffForm(StaffForm):
    """A new staff account without a password (like an invitation in «Administrasjon»)."""

    class Meta(StaffForm.Meta):
        fields = ("username", "full_name", "role", "organisation", "teams")

    def save(self, commit=True):
        self.instance.set_unusable_password()
        return super().save(commit)


class StaffRoleFilter(admin.SimpleListFilter):
    title = "rolle"
    parameter_name = "rolle"

    def lookups(self, request, model_admin):
        return STAFF_ROLE_CHOICES

    def queryset(self, request, queryset):
        return queryset.filter(role=self.value()) if self.value() else queryset


@admin.register(User, site=admin_site)
class MedvandrerUserAdmin(OrganisationScopedAdmin, UserAdmin):
    form = StaffForm
    add_form = NewStaffForm
    add_form_template = None  # Django's own says, in English, that more options follow
    list_display = ("username", "full_name", "role", "active", "two_factor", "superuser")
    list_filter = (StaffRoleFilter, "is_active")
    search_fields = ("username", "full_name")
    ordering = ("full_name",)
    fieldsets = (
        (None, {"fields": ("username", "full_name", "role", "organisation", "teams", "is_active")}),
        ("Innlogging", {"fields": ("has_password", "two_factor", "last_login"), "description": THEY_CHOOSE_THEIR_OWN}),
    )
    add_fieldsets = (
        (
            None,
            {
                "fields": ("username", "full_name", "role", "organisation", "teams"),
                "description": THEY_CHOOSE_THEIR_OWN,
            },
        ),
    )
    readonly_fields = ("has_password", "two_factor", "last_login")
    filter_horizontal = ()
    labels = {"organisation": "Organisasjon", "is_active": "Aktiv"}
    help_texts = {
        "is_active": "Ta bort haken når noen slutter: kontoen stenges, og de logges ut med en gang.",
        "teams": "Teamene i brukerens organisasjon som brukeren er med i.",
    }
    actions = ["deactivate", "disconnect_app"]
    audit_object_type = ObjectType.ACCOUNT

    @admin.display(description="Aktiv", ordering="is_active")
    def active(self, user):
        return yes_no(user.is_active)

    @admin.display(description="Tofaktor")
    def two_factor(self, user):
        return yes_no(user.totp_confirmed is not None)

    @admin.display(description="Superbruker", ordering="is_superuser")
    def superuser(self, user):
        return yes_no(user.is_superuser)

    @admin.display(description="Har valgt passord")
    def has_password(self, user):
        return yes_no(user.has_usable_password())

    def get_urls(self):
        # Django's «set password» page speaks English and lets someone else choose a password.
        return [url for url in super().get_urls() if url.name != "auth_user_password_change"]

    def get_queryset(self, request):
        # Persons are not managed here: they keep their own login and recover it through a
        # new link from their care contact (people: «Lag lenke for nytt passord»).
        return super().get_queryset(request).exclude(role=Role.PERSON)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and obj != request.user

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj == request.user:
            fields += ["role", "organisation", "teams", "is_active"]  # nobody widens their own access
        return fields

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role":
            kwargs["choices"] = STAFF_ROLE_CHOICES  # a person's account begins with their invitation
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name == "teams":
            field.queryset = field.queryset.select_related("organisation")
            field.label_from_instance = lambda team: f"{team.name} ({team.organisation.name})"
        return field

    def response_add(self, request, obj, post_url_continue=None):
        messages.info(
            request,
            f"{obj.display_name} har ikke passord ennå. En teamleder i organisasjonen lager en velkomstlenke "
            "under «Administrasjon», der hun eller han velger sitt eget.",
        )
        return super().response_add(request, obj, post_url_continue)

    def _changeable(self, request, queryset):
        return list(queryset.exclude(pk=request.user.pk))

    @admin.action(description="Deaktiver valgte brukere (logger dem ut med en gang)")
    def deactivate(self, request, queryset):
        users = self._changeable(request, queryset)
        for user in users:
            user.is_active = False
            user.save()  # the post_save signal ends their sessions
            self._audit(request, user, "update")
        messages.success(request, f"Deaktivert og logget ut: {_count(users)}.")

    @admin.action(description="Koble fra appen for engangskoder (logger ut overalt; ny app ved neste innlogging)")
    def disconnect_app(self, request, queryset):
        users = self._changeable(request, queryset)
        for user in users:
            totp.disable(user)
            end_sessions(user)
            self._audit(request, user, "update")
        messages.success(request, f"Appen for engangskoder er koblet fra for {_count(users)}.")


def _count(users) -> str:
    return f"{len(users)} {'bruker' if len(users) == 1 else 'brukere'}"
