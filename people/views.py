"""Pages about a person. Every one gets the person, and the grant, from a people.access entry point."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats

from accounts.models import Role
from accounts.qr import qr_svg
from audit.log import record_reads
from audit.models import Action, Basis
from audit.types import ObjectType
from items.forms import sent_version
from medvandrer.forms import posted
from people import access, actions
from people.access_log import page as access_log_page
from people.forms import AboutForm, BlockForm, ConsentForm, EraseForm
from people.models import Block, Consent


@login_required
def person_list(request):
    if request.user.role == Role.PERSON:
        return redirect("my_page")
    persons = list(
        access.with_access_facts(access.persons_visible_to(request.user), request.user).order_by("display_name")
    )
    bases = {p.pk: access.decide(request.user, p).basis for p in persons}
    record_reads(actor=request.user, object_type=ObjectType.PERSON_LIST, bases=bases)
    rows = [{"person": p, "basis": Basis(bases[p.pk]).label} for p in persons]
    return render(request, "people/person_list.html", {"rows": rows, "nav": "persons"})


@login_required
def person_detail(request, person_id):
    person, grant = access.person_for_read(request, person_id)
    is_self = grant.is_self
    context = {"person": person, "is_self": is_self, "access": grant, "nav": "persons"}
    if is_self:
        context["who_can_see"] = access.who_can_see(person)
    return render(request, "people/person_detail.html", context)


@login_required
def about_edit(request, person_id):
    if request.method == "POST":
        person, grant = access.person_for_write(request, person_id, ObjectType.ABOUT, action=Action.UPDATE)
        form = AboutForm(request.POST)
        if form.is_valid():
            try:
                actions.update_about(
                    person,
                    form.cleaned_data["about"],
                    sent_version(form),
                    actor=request.user,
                    basis=grant.basis,
                )
            except actions.Conflict as conflict:
                return render(
                    request,
                    "people/about_conflict.html",
                    {
                        "person": person,
                        "mine": form.cleaned_data["about"],
                        "theirs": conflict.current.about,
                        "form": AboutForm(
                            initial={"about": form.cleaned_data["about"], "version": conflict.current.about_version}
                        ),
                    },
                    status=409,
                )
            messages.success(request, "«Om meg» er lagret.")
            return redirect("person", person_id=person.pk)
    else:
        person, grant = access.person_for_edit(request, person_id, ObjectType.ABOUT)
        form = AboutForm(initial={"about": person.about, "version": person.about_version})
    return render(request, "people/about_edit.html", {"person": person, "form": form})


@login_required
def consents(request, person_id):
    writing = request.method == "POST"
    person, grant = access.person_for_self_only(request, person_id, ObjectType.CONSENT, on_post=Action.UPDATE)
    form = ConsentForm(request.POST if writing and "give" in request.POST else None, organisation=person.organisation)
    if writing and "withdraw" in request.POST:
        consent = access.one_of_theirs(
            request,
            Consent.objects.select_related("team"),
            request.POST.get("withdraw"),
            person,
            grant,
            object_type=ObjectType.CONSENT,
        )
        ended = actions.withdraw_consent(person, consent.team, actor=request.user, basis=grant.basis)
        if ended:
            messages.success(request, f"Samtykket til {consent.team} er trukket tilbake. Det gjelder fra nå.")
        else:
            messages.info(request, f"Samtykket til {consent.team} var allerede trukket tilbake.")
        return redirect("consents", person_id=person.pk)
    if writing and form.is_valid():
        _consent, new = actions.give_consent(
            person,
            form.cleaned_data["team"],
            form.cleaned_data["valid_until"],
            actor=request.user,
            basis=grant.basis,
        )
        until = formats.date_format(form.cleaned_data["valid_until"], "j. F Y")
        team = form.cleaned_data["team"]
        messages.success(
            request,
            f"{team} kan nå se planen din til og med {until}."
            if new
            else f"Samtykket til {team} gjelder nå til og med {until}.",
        )
        return redirect("consents", person_id=person.pk)
    all_consents = Consent.objects.filter(person=person).select_related("team")
    return render(
        request,
        "people/consents.html",
        {
            "person": person,
            "form": form,
            "active": [c for c in all_consents if c.is_active],
            "ended": [c for c in all_consents if not c.is_active],
            "who_can_see": access.who_can_see(person),
            "nav": "persons",
        },
    )


@login_required
def blocks(request, person_id):
    writing = request.method == "POST"
    person, grant = access.person_for_self_only(request, person_id, ObjectType.BLOCK, on_post=Action.UPDATE)
    form = BlockForm(request.POST if writing and "block" in request.POST else None, organisation=person.organisation)
    if writing and "unblock" in request.POST:
        block = access.one_of_theirs(
            request,
            Block.objects.select_related("staff"),
            request.POST.get("unblock"),
            person,
            grant,
            object_type=ObjectType.BLOCK,
        )
        actions.unblock(block, actor=request.user, basis=grant.basis)
        messages.success(request, f"{block.staff.display_name} er ikke sperret lenger.")
        return redirect("blocks", person_id=person.pk)
    if writing and form.is_valid():
        _block, new = actions.block_staff(person, form.cleaned_data["staff"], actor=request.user, basis=grant.basis)
        name = form.cleaned_data["staff"].display_name
        if new:
            messages.success(request, f"{name} er sperret fra opplysningene dine fra nå.")
        else:
            messages.info(request, f"{name} var allerede sperret.")
        return redirect("blocks", person_id=person.pk)
    return render(
        request,
        "people/blocks.html",
        {
            "person": person,
            "form": form,
            "blocks": Block.objects.filter(person=person).select_related("staff"),
            "nav": "persons",
        },
    )


@login_required
def access_log(request, person_id):
    person, grant = access.person_for_self_only(request, person_id, ObjectType.ACCESS_LOG)
    log = access_log_page(person, viewer=request.user, params=request.GET)
    return render(
        request,
        "people/access_log.html",
        {"person": person, "log": log, "show_own": log["show_own"], "nav": "persons"},
    )


@login_required
def invite(request, person_id):
    writing = request.method == "POST"
    person, grant = access.person_for_care_relation_only(request, person_id, ObjectType.INVITE, on_post=Action.CREATE)
    link = code = None
    if writing:
        token, code = actions.create_invite(person, actor=request.user, basis=grant.basis)
        link = request.build_absolute_uri(reverse("accept_invite", args=[token]))
    return render(
        request,
        "people/invite.html",
        {
            "person": person,
            "link": link,
            "qr": qr_svg(link) if link else "",
            "short_code": code,
            "code_url": request.build_absolute_uri(reverse("short_code")),
            "valid_days": settings.INVITE_VALID_DAYS,
        },
    )


@login_required
def erase(request, person_id):
    writing = request.method == "POST"
    person, grant = access.person_for_self_only(request, person_id, ObjectType.PERSON, on_post=Action.ERASE)
    form = EraseForm(posted(request))
    if writing and form.is_valid():
        actions.erase_person(person, actor=request.user, basis=grant.basis)
        logout(request)
        return render(request, "people/erased.html")
    return render(request, "people/erase.html", {"person": person, "form": form, "nav": "persons"})
