"""The CHIME overview. The person (or their care contact) gets here only through people.access;
consent readers may look, not write. A new rating and «Ta bort» are medvandrer/item_views.py's pages,
with the kind in chime/kinds.py."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from audit.types import ObjectType
from chime import charts
from chime.models import ELEMENTS, ChimeRating
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
