"""Django's admin, for superusers only: organisations, teams, users, persons, care relations.

Team leaders and administrators manage their own organisation in «Administrasjon» (the
`administration` app, /organisasjon/); whoever of them opens /admin/ is sent there. The admin
never shows a person's content (plans, notes, «Om meg») nor a password hash, every change goes
into our audit trail, and every word on its pages is Norwegian.
"""

from functools import update_wrapper

from django.apps import apps
from django.contrib import admin, messages
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import SimpleTemplateResponse
from django.urls import reverse
from django.utils.text import capfirst

# Words Django's admin templates print that its nb catalogue leaves in English (Django 5.2), and
# «Legg til ny …», which reads wrongly for a neuter word («ny team»). The project has no message
# catalogue of its own, so the admin's pages are put right here, after rendering, and nowhere
# else. tests/test_admin_is_for_superusers.py walks every page for English that is left.
NORWEGIAN = {
    "Skip to main content": "Gå til innholdet",
    "Toggle theme (current theme: auto)": "Bytt fargetema (nå: som på enheten)",
    "Toggle theme (current theme: light)": "Bytt fargetema (nå: lyst)",
    "Toggle theme (current theme: dark)": "Bytt fargetema (nå: mørkt)",
    'aria-label="Breadcrumbs"': 'aria-label="Du er her"',
    ">Model name<": ">Hva<",
    ">Add link<": ">Legg til<",
    ">Change or view list link<": ">Endre eller se listen<",
    'alt="Search"': 'alt="Søk"',
    'aria-label="Select all objects on this page for an action"': 'aria-label="Velg alle på denne siden"',
    'aria-label="Select this object for an action - ': 'aria-label="Velg ',
    "Error:": "Feil:",
    "Please correct the error below.": "Rett feilen nedenfor.",  # nb has it, but not as a plural
    "Please correct the errors below.": "Rett feilene nedenfor.",
    "Legg til ny ": "Legg til ",
}


def in_norwegian(html: str) -> str:
    for english, norwegian in NORWEGIAN.items():
        html = html.replace(english, norwegian)
    return html


def _rewrite(response):
    response.content = in_norwegian(response.content.decode(response.charset)).encode(response.charset)


class MedvandrerAdminSite(admin.AdminSite):
    site_header = "Medvandrer – drift"
    site_title = "Medvandrer"
    index_title = "Organisasjoner, team og brukere (for superbrukere)"
    site_url = "/"
    enable_nav_sidebar = False  # its filter box and labels are English; the breadcrumbs lead home

    def has_permission(self, request):
        user = request.user
        return user.is_active and user.is_superuser

    def admin_view(self, view, cacheable=False):
        guarded = super().admin_view(view, cacheable)

        def inner(request, *args, **kwargs):
            if not self.has_permission(request) and _leads_an_organisation(request.user):
                return _to_administration(request)
            response = guarded(request, *args, **kwargs)
            if isinstance(response, SimpleTemplateResponse):
                response.add_post_render_callback(_rewrite)
            return response

        return update_wrapper(inner, view)

    def login(self, request, extra_context=None):
        # One sign-in for everything, with two-factor: ours.
        user = request.user
        if user.is_authenticated:
            if self.has_permission(request):
                return redirect("admin:index")
            if _leads_an_organisation(user):
                return _to_administration(request)
            raise PermissionDenied("Denne siden er bare for superbrukere.")
        return redirect_to_login(request.GET.get("next", reverse("admin:index")))

    def logout(self, request, extra_context=None):
        # Our sign-out: it ends the session the same way everywhere (provider, this device).
        from accounts.views import SignOutView

        return SignOutView.as_view()(request)

    def password_change(self, request, extra_context=None):
        return redirect("password_change")  # one page to change your own password: «Min konto»


def _leads_an_organisation(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_manager and user.organisation_id is not None


def _to_administration(request):
    messages.info(request, "Administrasjonen har flyttet hit.")
    return redirect("administration")


admin_site = MedvandrerAdminSite(name="admin")


class OrganisationScopedAdmin(admin.ModelAdmin):
    """What every model admin here shares: superusers only, Norwegian words, every change audited
    with the organisation it belongs to (so the organisation's log shows it too)."""

    show_facets = admin.ShowFacets.NEVER  # «Show counts» is English

    def _superuser(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_module_permission(self, request):
        return self._superuser(request)

    def has_view_permission(self, request, obj=None):
        return self._superuser(request)

    def has_change_permission(self, request, obj=None):
        return self._superuser(request)

    def has_add_permission(self, request):
        return self._superuser(request)

    def has_delete_permission(self, request, obj=None):
        return self._superuser(request)

    # Labels and help texts for fields whose model names them in English (or not at all).
    labels: dict = {}
    help_texts: dict = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.labels:
            kwargs["label"] = self.labels[db_field.name]
        if db_field.name in self.help_texts:
            kwargs["help_text"] = self.help_texts[db_field.name]
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(field.widget, RelatedFieldWidgetWrapper):
            # The icons beside a choice (add, change, delete, view) carry English titles
            # («View selected …») and open pop-ups; the lists are one click away.
            field.widget = field.widget.widget
        return field

    def get_deleted_objects(self, objs, request):
        # Django also lists the rows that tie two things together (a user's teams), with
        # English names («User_teams object (1)»): they go with what is deleted and are left out.
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        links = [model._meta for model in apps.get_models(include_auto_created=True) if model._meta.auto_created]
        plurals = {str(opts.verbose_name_plural) for opts in links}
        prefixes = tuple(f"{capfirst(opts.verbose_name)}: " for opts in links)
        model_count = {name: count for name, count in model_count.items() if str(name) not in plurals}
        return _without(to_delete, prefixes), model_count, perms_needed, protected

    # Admin changes go into our audit trail instead of Django's LogEntry, which would keep
    # names (object_repr) that must disappear when a person is erased.
    audit_object_type = ""  # every admin names one (audit.types.ObjectType): record() refuses the rest

    def organisation_of(self, obj) -> int | None:
        return getattr(obj, "organisation_id", None)

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
            organisation_id=self.organisation_of(obj),
        )

    def log_addition(self, request, obj, message):
        self._audit(request, obj, "create")

    def log_change(self, request, obj, message):
        self._audit(request, obj, "update")

    def log_deletions(self, request, queryset):
        for obj in queryset:
            self._audit(request, obj, "delete")


def _without(nested: list, prefixes: tuple) -> list:
    kept = []
    for entry in nested:
        if isinstance(entry, list):
            kept.append(_without(entry, prefixes))
        elif not str(entry).startswith(prefixes):
            kept.append(entry)
    return [entry for entry in kept if entry != []]


def yes_no(value) -> str:
    return "Ja" if value else "Nei"  # instead of Django's icons, whose text is «True» and «False»
