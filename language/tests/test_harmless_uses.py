"""Harmless uses of the words the check looks for are left alone."""

import pytest

from language.checking import check

HARMLESS = [
    "Du må gjerne ta med deg en venn.",
    "Du må gjerne ta med brevene fra NAV.",
    "Hva må til for at du får en god dag?",
    "Hva må skje før du kan flytte?",
    "Du trenger ikke ta deg sammen for min skyld.",
    "Jeg burde kanskje ha spurt deg først.",
    "Jeg burde ha lyttet mer.",
    "Må vi ha møtet på kontoret?",
    "Må du jobbe på lørdag?",
    "Du må ikke tro at du må klare alt alene.",
    "Du må ikke være redd for å si fra.",
    "Du må si fra hvis det blir for mye.",
    "Du må bare ringe hvis det er noe.",
    "Hvis du må avlyse, send en melding.",
    "Jeg forstår at du må jobbe mye nå.",
    "Dette betyr ikke at du har feilet.",
    "Han bør få tilbud om bolig.",
    "Hun burde få mer hjelp enn hun får.",
    "Du skal få bestemme tempoet selv.",
    "Du skulle ha sett hvor glad han ble!",
    "Han skulle ha møtt klokka ti, men bussen var sen.",
    "Hun har bestemt at hun vil flytte.",
    "Du får lov til å ta pauser.",
    "Vi vet ikke hva som er best for deg; det vet du selv.",
    "Jeg vet at endring er mulig for deg.",
    "Hun har schizofreni og jobber i en barnehage.",
    "Han har bipolar lidelse og er i en god periode.",
    "Han har en rusavhengighet han jobber med.",
    "Han ble nektet bostøtte, og vi klager sammen.",
    "Hva holder deg gående når du møter motstand?",
    "Han viste stor motstandskraft.",
    "Han var stabil hele uka.",
    "Vi må bare vente på svar fra NAV.",
    "Han må bare få tid til å lande.",
    "Han ruser seg sjeldnere nå.",
    "Han lurte på om han burde søke på jobben.",
]


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless(text):
    assert [text[f.start : f.end] for f in check(text)] == []


def test_problem_versions_of_the_same_words_are_flagged():
    for text in [
        "Du må bare ta deg sammen.",
        "Du burde trene mer.",
        "Du skulle ha sagt fra.",
        "Hun er schizofren.",
        "Vi har bestemt at du skal flytte.",
        "Du får ikke lov til å gå ut.",
        "Pasienten nekter å spise.",
        "Hun er ikke compliant.",
    ]:
        assert check(text), text
