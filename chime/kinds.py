"""The CHIME self-rating as a person item, served by medvandrer/item_views.py (new and delete; a rating
is not edited: a new one shows how things move)."""

from chime.forms import ChimeRatingForm
from chime.models import ChimeRating
from items.kinds import Kind
from items.timeline import day

RATING = Kind(
    "chime",
    ChimeRating,
    ChimeRatingForm,
    "vurdering",
    "vurderingen",
    "chime",
    check_language=False,  # the numbers and words are the person's own, even when staff type them in
    rows=lambda: ChimeRating.objects.select_related("created_by", "person"),
    form_template="chime/rating_form.html",
    delete_template="chime/confirm_delete.html",
    new_heading="Hvordan har du det nå?",
    added="Takk! Vurderingen er lagret.",
    again="Vurderingen var allerede lagret – den er ikke lagret to ganger.",
    delete_question=lambda rating: f"Ta bort vurderingen fra {day(rating.created)}?",
    deleted=lambda rating: f"Vurderingen fra {day(rating.created)} er tatt bort.",
)
