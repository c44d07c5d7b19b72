"""CHIME self-rating pages. The person (or their care contact) gets here only through
people.access; consent readers may look, not write. Changes go through chime.actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse

from audit.models import Action
from audit.types import ObjectType
from chime import actions, charts
from chime.forms import ChimeRatingForm
from chime.models import ELEMENTS, ChimeRating
from items import pages
from items.timeline import day
from medvandrer.forms import posted
from people import access


def _chosen_earlier(request, earlier: list):
    """The earlier rating to compare with: the one asked for (?sammenlign=<id>), else the previous one.
    "ingen" shows only now; an id that is not among this person's ratings falls back to the default."""
    wanted = request.GET.get("sammenlign", "")
    if wanted == "ingen":
        return None
    for rating in earlier:
        if str(rating.pk) == wanted:
            return rating
    return earlier[0] if earlier else None


@login_required
def overview(request, person_id):
    person, grant = access.person_for_read(request, person_id, ObjectType.CHIME_RATINGS)
    ratings = list(ChimeRating.objects.filter(person=person).select_related("created_by"))  # newest first
    latest = ratings[0] if ratings else None
    earlier = ratings[1:]
    compared = _chosen_earlier(request, earlier)
    return render(
        request,
        "chime/overview.html",
        {
            "person": person,
            "access": grant,
            "is_self": grant.is_self,
            "ratings": ratings,
            "latest": latest,
            "earlier": earlier,
            "compared": compared,
            "radar": charts.radar(latest, compared),
            "timelines": charts.timelines(ratings),
            "oldest_first": ratings[::-1],
            "elements": ELEMENTS,
            "nav": "plan",
        },
    )


@login_required
def new_rating(request, person_id):
    writing = request.method == "POST"
    person, grant = access.person_for_edit(request, person_id, ObjectType.CHIME_RATING, on_post=Action.CREATE)
    form = ChimeRatingForm(posted(request))
    if writing and form.is_valid():
        _rating, created = actions.create_rating(person, actor=request.user, basis=grant.basis, **form.cleaned_data)
        if created:
            messages.success(request, "Takk! Vurderingen er lagret.")
        else:
            messages.info(request, "Vurderingen var allerede lagret – den er ikke lagret to ganger.")
        return redirect("chime", person_id=person.pk)
    return render(
        request,
        "chime/rating_form.html",
        {
            "person": person,
            "is_self": grant.is_self,
            "form": form,
            "nav": "plan",
        },
    )


@login_required
def delete_rating(request, person_id, rating_id):
    rating, grant = access.object_for_delete(
        request, ChimeRating.objects.select_related("created_by", "person"), rating_id, person_id=person_id
    )
    return pages.delete_page(
        request,
        rating,
        grant,
        question=f"Ta bort egenvurderingen fra {day(rating.created)}?",
        done=f"Vurderingen fra {day(rating.created)} er tatt bort.",
        then=reverse("chime", args=[rating.person_id]),
        back=reverse("chime", args=[rating.person_id]),
        template="chime/confirm_delete.html",
        context={"rating": rating},
    )
