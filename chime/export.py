"""The CHIME self-ratings for the printed plan / PDF (exports/plan_document.html includes
chime/_export_section.html with this context). One query, however many ratings."""

from chime import charts
from chime.models import ELEMENTS, ChimeRating


def export_context(person) -> dict:
    ratings = list(ChimeRating.objects.filter(person=person).select_related("created_by"))  # newest first
    latest = ratings[0] if ratings else None
    previous = ratings[1] if len(ratings) > 1 else None
    return {
        "chime_ratings": ratings,
        "chime_oldest_first": ratings[::-1],
        "chime_elements": ELEMENTS,
        "chime_radar": charts.radar(latest, previous),
        "chime_timelines": charts.timelines(ratings, id_prefix="eksport-chime"),
    }
