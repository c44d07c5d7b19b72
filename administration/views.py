"""«Administrasjon»: the team leader's pages for their own organisation – staff (invite, change,
deactivate), teams with their members, who follows whom (start, end and hand over care
relations), the organisation's sign-in, and an overview with caseloads and overdue follow-ups.

Team leaders see persons here by name and dates only; their plans, conversations and the rest
stay behind `people.access.decide` like for anyone else."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max, OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from accounts.managers import manager_or_404, staff_the_leader_may_help
from accounts.models import STAFF_ROLES, User
from accounts.qr import qr_svg
from administration import actions
from administration.forms import (
    ChangeStaffForm,
    HandoverForm,
    NewPersonForm,
    NewStaffForm,
    SignInProviderForm,
    StartRelationForm,
    TeamForm,
)
from audit.log import record_reads
from audit.models import Action, Basis
from audit.types import ObjectType
from conversations.models import Conversation
from medvandrer.forms import posted
from oidc import providers
from people import access
from people import actions as people_actions
from people.access import as_int
from people.forms import EraseForm
from people.models import CareRelation, Team


def _staff_for_leader(leader, user_id) -> User:
    return get_object_or_404(staff_the_leader_may_help(leader), pk=user_id)


def _team_for_leader(leader, team_id) -> Team:
    return get_object_or_404(Team, pk=team_id, organisation_id=leader.organisation_id)


def _active_staff(leader):
    return User.objects.filter(organisation_id=leader.organisation_id, role__in=STAFF_ROLES, is_active=True).order_by(
        "full_name", "username"
    )


@login_required
def home(request):
    leader = manager_or_404(request)
    today = timezone.localdate()
    persons = access.persons_for_administration(leader)
    active = CareRelation.objects.active()
    last_held = Conversation.objects.filter(person=OuterRef("person_id")).order_by().values("person")
    # A follow-up is overdue when its date has passed and no conversation has been held since.
    relations = list(
        active.filter(person__in=persons, staff__is_active=True)
        .annotate(
            last_held=Subquery(last_held.annotate(last=Max("held_on")).values("last")),
            follow_up=Subquery(
                Conversation.objects.filter(person=OuterRef("person_id"), follow_up_on__isnull=False)
                .order_by("-held_on", "-created")
                .values("follow_up_on")[:1]
            ),
        )
        .select_related("staff", "person")
        .order_by("staff__full_name", "person__display_name")
    )
    caseload = {}
    for relation in relations:
        row = caseload.setdefault(relation.staff, {"persons": 0, "overdue": []})
        row["persons"] += 1
        if (
            relation.follow_up
            and relation.follow_up < today
            and (relation.last_held is None or relation.last_held < relation.follow_up)
        ):
            row["overdue"].append(relation)
    without_contact = persons.exclude(pk__in=active.filter(staff__is_active=True).values("person_id")).order_by(
        "display_name"
    )
    record_reads(
        actor=leader,
        object_type=ObjectType.CARE_RELATION,
        bases={relation.person_id: Basis.ORGANISATION for row in caseload.values() for relation in row["overdue"]},
    )
    return render(
        request,
        "administration/home.html",
        {
            "nav": "administration",
            "caseload": caseload,
            "without_contact": without_contact,
            "staff_count": staff_the_leader_may_help(leader).filter(is_active=True).count(),
            "team_count": Team.objects.filter(organisation_id=leader.organisation_id).count(),
            "provider": providers.get(leader.organisation.signin_provider),
        },
    )


@login_required
def staff_invite(request):
    leader = manager_or_404(request)
    form = NewStaffForm(leader, posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user, link, token = actions.invite_staff(
            leader, full_name=data["full_name"], username=data["username"], email=data["email"],
            role=data["role"], teams=data["teams"],
        )  # fmt: skip
        return _welcome_link_page(request, user, link, token)
    return render(request, "administration/staff_invite.html", {"form": form, "nav": "administration"})


def _welcome_link_page(request, user, link, token):
    url = request.build_absolute_uri(reverse("accept_reset_link", args=[token]))
    return render(
        request,
        "administration/welcome_link.html",
        {
            "staff_user": user,
            "link": url,
            "qr": qr_svg(url),
            "short_code": link.short_code,
            "days": (link.expires - link.created).days,
            "nav": "administration",
        },
    )


@login_required
def staff_edit(request, user_id):
    leader = manager_or_404(request)
    user = _staff_for_leader(leader, user_id)
    initial = {
        "full_name": user.full_name,
        "email": user.email,
        "role": user.role,
        "teams": user.teams.all(),
        "is_active": user.is_active,
    }
    form = ChangeStaffForm(leader, posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        actions.change_staff(
            leader, user, full_name=data["full_name"], email=data["email"], role=data["role"],
            teams=data["teams"], is_active=data["is_active"],
        )  # fmt: skip
        if data["is_active"]:
            messages.success(request, f"Endringene for {user.display_name} er lagret.")
        else:
            messages.success(
                request, f"Kontoen til {user.display_name} er ikke i bruk lenger, og alle øktene er avsluttet."
            )
        return redirect("staff_list")
    relations = (
        CareRelation.objects.active().filter(staff=user).select_related("person").order_by("person__display_name")
    )
    return render(
        request,
        "administration/staff_edit.html",
        {
            "form": form,
            "staff_user": user,
            "persons": [r.person for r in relations],
            "never_signed_in": user.last_login is None and not user.has_usable_password(),
            "nav": "administration",
        },
    )


@login_required
@require_POST
def staff_welcome_link(request, user_id):
    leader = manager_or_404(request)
    user = _staff_for_leader(leader, user_id)
    if not user.is_active:
        messages.error(request, f"Kontoen til {user.display_name} er ikke i bruk. Ta den i bruk igjen først.")
        return redirect("staff_edit", user_id=user.pk)
    link, token = actions.new_welcome_link(leader, user)
    return _welcome_link_page(request, user, link, token)


@login_required
@require_POST
def staff_disconnect_app(request, user_id):
    leader = manager_or_404(request)
    user = _staff_for_leader(leader, user_id)
    actions.disconnect_app(leader, user)
    messages.success(
        request,
        f"Appen for engangskoder er koblet fra, og {user.display_name} er logget ut overalt. "
        "Neste gang kobler hun eller han til en ny app etter passordet.",
    )
    return redirect("staff_edit", user_id=user.pk)


@login_required
def team_list(request):
    leader = manager_or_404(request)
    form = TeamForm(leader.organisation_id, posted(request))
    if request.method == "POST" and form.is_valid():
        team = actions.save_team(leader, form.cleaned_data["name"])
        messages.success(request, f"Teamet «{team.name}» er laget. Legg til medlemmer fra siden til hver ansatt.")
        return redirect("team_list")
    members = User.objects.filter(is_active=True).order_by("full_name", "username")
    teams = (
        Team.objects.filter(organisation_id=leader.organisation_id)
        .prefetch_related(Prefetch("members", queryset=members))
        .order_by("name")
    )
    return render(request, "administration/team_list.html", {"teams": teams, "form": form, "nav": "administration"})


@login_required
def team_edit(request, team_id):
    leader = manager_or_404(request)
    team = _team_for_leader(leader, team_id)
    form = TeamForm(leader.organisation_id, posted(request), team=team, initial={"name": team.name})
    if request.method == "POST" and form.is_valid():
        actions.save_team(leader, form.cleaned_data["name"], team)
        messages.success(request, f"Teamet heter nå «{team.name}».")
        return redirect("team_list")
    members = team.members.filter(is_active=True).order_by("full_name", "username")
    return render(
        request,
        "administration/team_edit.html",
        {"team": team, "form": form, "members": members, "nav": "administration"},
    )


@login_required
def persons(request):
    leader = manager_or_404(request)
    form = NewPersonForm(_active_staff(leader).exclude(pk=leader.pk), posted(request))
    if request.method == "POST" and form.is_valid():
        person = people_actions.add_person(leader.organisation, form.cleaned_data["display_name"], actor=leader)
        if form.cleaned_data["staff"]:
            people_actions.start_care_relation(person, form.cleaned_data["staff"], actor=leader)
        messages.success(
            request,
            f"{person.display_name} er lagt til."
            + (" Den faste kontakten kan nå lage en invitasjon." if form.cleaned_data["staff"] else ""),
        )
        return redirect("person_contacts", person_id=person.pk)
    active = CareRelation.objects.active().filter(staff__is_active=True).select_related("staff")
    listed = (
        access.persons_for_administration(leader)
        .prefetch_related(Prefetch("care_relations", queryset=active, to_attr="contacts"))
        .annotate(handovers_coming=Count("handovers", filter=Q(handovers__starts__gt=timezone.localdate())))
        .order_by("display_name")
    )
    record_reads(actor=leader, object_type=ObjectType.CARE_RELATION, bases={p.pk: Basis.ORGANISATION for p in listed})
    return render(request, "administration/persons.html", {"persons": listed, "form": form, "nav": "administration"})


@login_required
def person_erase(request, person_id):
    """Erasure on the organisation's basis: for a person who asks for it and cannot do it
    themself (no login, or no phone). The same erasure as the person's own (people.actions)."""
    person = access.person_for_administration(request, person_id, ObjectType.PERSON, on_post=Action.ERASE)
    form = EraseForm(posted(request))
    if request.method == "POST" and form.is_valid():
        name = person.display_name
        people_actions.erase_person(person, actor=request.user, basis=Basis.ORGANISATION)
        messages.success(request, f"Alt om {name} er slettet.")
        return redirect("administration_persons")
    return render(
        request, "administration/person_erase.html", {"person": person, "form": form, "nav": "administration"}
    )


@login_required
def person_contacts(request, person_id):
    person = access.person_for_administration(request, person_id)  # a manager of the person's organisation
    leader = request.user
    staff = _active_staff(leader).exclude(pk=leader.pk)
    doing = request.POST.get("do") if request.method == "POST" else ""
    start_form = StartRelationForm(staff, request.POST if doing == "start" else None)
    handover_form = HandoverForm(staff, request.POST if doing == "handover" else None)
    relations = list(
        CareRelation.objects.active().filter(person=person).select_related("staff").order_by("staff__full_name")
    )
    try:
        if doing == "start" and start_form.is_valid():
            people_actions.start_care_relation(person, start_form.cleaned_data["staff"], actor=leader)
            messages.success(request, f"{start_form.cleaned_data['staff'].display_name} er nå fast kontakt.")
            return redirect("person_contacts", person_id=person.pk)
        relation = _relation_of(person, request.POST.get("relation")) if doing in ("end", "handover") else None
        if doing == "end" and relation is not None:
            people_actions.end_care_relation(relation, actor=leader)
            messages.success(request, f"{relation.staff.display_name} er ikke fast kontakt lenger.")
            return redirect("person_contacts", person_id=person.pk)
        if doing == "handover":
            if relation is None:
                handover_form.add_error(None, "Velg hvem som overleverer.")
            elif handover_form.is_valid():
                data = handover_form.cleaned_data
                people_actions.hand_over(
                    relation, data["to_staff"], starts=data["starts"], note=data["note"], actor=leader
                )
                messages.success(
                    request, f"{data['to_staff'].display_name} tar over fra {date_format(data['starts'], 'j. F')}."
                )
                return redirect("person_contacts", person_id=person.pk)
    except people_actions.CareRelationRefused as refused:
        (handover_form if doing == "handover" else start_form).add_error(None, str(refused))
    return render(
        request,
        "administration/person_contacts.html",
        {
            "person": person,
            "relations": relations,
            "start_form": start_form,
            "handover_form": handover_form,
            "handing_over": request.POST.get("relation") if doing == "handover" else "",
            "handovers": person.handovers.select_related("from_staff", "to_staff")[:10],
            "person_reads": person.display_name,  # the handover note: «Dina ser dette»
            "nav": "administration",
        },
    )


def _relation_of(person, value):
    """One of the person's care relations now, from a form field; None if it names none."""
    pk = as_int(value)
    if pk is None:
        return None
    return CareRelation.objects.active().filter(pk=pk, person=person).select_related("staff", "person").first()


@login_required
def signin_provider(request):
    leader = manager_or_404(request)
    organisation = leader.organisation
    staff_providers = providers.for_staff()
    form = SignInProviderForm(
        staff_providers, posted(request), initial={"signin_provider": organisation.signin_provider}
    )
    if request.method == "POST" and form.is_valid():
        actions.choose_signin_provider(leader, organisation, form.cleaned_data["signin_provider"])
        messages.success(request, "Innloggingen for ansatte er lagret.")
        return redirect("administration")
    return render(
        request,
        "administration/signin_provider.html",
        {"form": form, "staff_providers": staff_providers, "nav": "administration"},
    )
