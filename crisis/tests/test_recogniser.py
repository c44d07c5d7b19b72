"""The crisis recogniser reads Norwegian as practitioners write it, and steps back where the
words are not the person in crisis."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crisis.recogniser import KINDS, PhrasesError, parse_phrases, phrases, recognise, recognise_by_phrases

RULES = phrases().rules


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_rule_finds_its_examples_and_leaves_its_ok_sentences(rule):
    assert rule.examples, "a rule needs examples"
    # the phrases' own work (the learned reader beside them has its tests in test_learned_reader.py)
    missed = [text for text in rule.examples if rule.kind not in recognise_by_phrases(text).kinds]
    wrongly = [text for text in rule.ok if rule.kind in recognise_by_phrases(text).kinds]
    assert missed == [] and wrongly == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Han sier han ikke orker mer og har tenkt på å ta livet sitt", "suicide"),
        ("han har selvmordstanker", "suicide"),
        ("han er suicidal", "suicide"),
        ("hun vil ikke leve lenger", "suicide"),
        ("hører stemmer og er redd", "fear"),
        ("Ho seier ho ikkje vil leva lenger", "suicide"),  # nynorsk
        ("æ orke ikkje mer", "suicide"),  # dialect
        ("han har selvmorstanker om natta", "suicide"),  # a typo
        ("hun har skadet seg selv igjen", "self_harm"),
        ("han har tatt en overdose", "overdose"),
        ("noen er ute etter meg, sier hun", "fear"),
        ("han sier han kommer til å skade noen", "danger_to_others"),
    ],
)
def test_the_words_from_the_issue_are_recognised_with_their_kind(text, kind):
    assert kind in recognise(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "Han har aldri tenkt på selvmord.",
        "Kursdag om selvmordsforebygging på torsdag.",
        "Filmen handlet om en mann som tok livet sitt.",
        "Broren hans tok livet sitt for mange år siden.",
        "Jeg dør av latter.",
        "Vi satt og drepte tid.",
        "Hun vil ta livet litt mer med ro.",
        "Han skar seg på brødkniven.",
        "Han trenger noen å snakke med om jobben.",
    ],
)
def test_negation_distance_others_and_idioms_are_not_crisis(text):
    assert not recognise(text)


def test_a_hit_says_which_words_and_where():
    text = "Vi snakket om boligen. Så sa hun at hun vil dø."
    recognition = recognise(text)
    assert recognition.kinds == ["suicide"]
    (hit,) = recognition.hits
    assert text[hit.start : hit.end] == hit.words == "vil dø"


def test_kinds_come_in_a_fixed_order_whatever_the_order_of_the_words():
    recognition = recognise("Han hører stemmer. Han har tatt en overdose. Han vil dø.")
    assert recognition.kinds == [k for k in KINDS if k in {"suicide", "overdose", "fear"}]


def test_crisis_words_deep_in_a_long_text_are_found():
    text = "Vi snakket om NAV og husleia. " * 300 + "Hun sier hun vil ta livet sitt."
    assert len(text) > 9_000 and recognise(text).kinds == ["suicide"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_is_read_without_error_and_hits_point_into_it(text):
    for hit in recognise(text).hits:
        assert hit.kind in KINDS and 0 <= hit.start < hit.end <= len(unicodedata.normalize("NFC", text))
        assert hit.words or hit.learned  # the learned reader quotes nothing; a phrase always does


def test_a_broken_phrase_file_is_refused_with_a_message_that_names_the_rule():
    data = {"kinds": {k: k for k in KINDS}, "rule": [{"id": "x", "kind": "suicide", "patterns": ["~ dø"]}]}
    with pytest.raises(PhrasesError, match="regel x"):
        parse_phrases(data)
    data["rule"][0] = {"id": "x", "kind": "sad", "patterns": ["dø"]}
    with pytest.raises(PhrasesError, match="ukjent kind"):
        parse_phrases(data)


# Families of expression, not single sentences: inflections, nynorsk, dialect, typos and
# SMS-style writing the rules should cover beyond the sentences they were tuned on.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("jegvilikkelevemer", "suicide"),  # written without spaces
        ("orkerikkemer vil dø", "suicide"),
        ("vil bare døøø", "suicide"),  # letters written many times
        ("jg vil ik leve mer", "suicide"),  # typos
        ("Eg har ikkje lyst å leve meir.", "suicide"),  # nynorsk
        ("æ har itj lyst å leve", "suicide"),  # dialect
        ("Ho vil ikkje vakne att.", "suicide"),
        ("skulle ønske jeg aldri fantes", "suicide"),
        ("hun lengta etter å være borte", "suicide"),
        ("ingen vil legge merke til om jeg forsvinner", "suicide"),
        ("Det e ingen som ville merka det om æ forsvant", "suicide"),
        ("har tenkt å legge meg på togskinnene", "suicide"),
        ("jeg skal ende det i kveld", "suicide"),
        ("han tok en OD med vilje", "suicide"),
        ("Ho skjer seg sjølv.", "self_harm"),
        ("han klorte seg selv", "self_harm"),
        ("han har tatt speed og puster rart", "overdose"),
        ("er på en kjempesmell nå", "overdose"),
        ("eg høyrer nokon snakke til meg heile tida", "fear"),
        ("jeg hører dem hviske hele tiden", "fear"),
        ("det er kameraer i stikkontakten", "fear"),
        ("politiet er etter meg", "fear"),
        ("folk kommer til å bli skadet", "danger_to_others"),
    ],
)
def test_families_of_expression_are_recognised_beyond_their_examples(text, kind):
    assert kind in recognise(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "Kjæresten gjorde det slutt i går.",
        "Vi skal avslutte det i kveld med kake.",
        "Vi tok imot overdoser på legevakta.",
        "Hun fikk en overdose sol på ferien.",
        "Hun kuttet seg på en glassbit ved stranden.",
        "Jeg har hørt stemmene til barna i hagen.",
        "Mamma kommer og henter meg i kveld.",
        "Mange kommer til å bli skadet hvis ingen strør trappa.",
        "Han har tatt speed tidligere, men er rusfri nå.",
        "Han skal ta hevn i returkampen.",
        "Vil ikke våkne så tidlig i morgen.",
        "Politiet er etter tyvene.",
        "avlivet",  # a real word made of glued words is not split when it needs it
    ],
)
def test_look_alikes_of_the_families_are_not_crisis(text):
    assert not recognise(text)


def test_a_glued_word_is_read_as_its_words_and_the_hit_points_into_it():
    text = "sms i natt: jegvilikkelevemer"
    (hit,) = recognise(text).hits
    assert hit.kind == "suicide" and text[hit.start : hit.end] == hit.words
    assert hit.words in "jegvilikkelevemer"


def test_fear_of_being_killed_by_others_is_fear_not_danger_to_others():
    assert recognise("Han er redd for at noen skal drepe ham.").kinds == ["fear"]


# Round 4: sentences written for this test, not taken from any set, to check that the families
# of expression added or narrowed after held-out set 2 reach beyond the sentences they came from.
@pytest.mark.parametrize(
    "text, kind",
    [
        ("Han har tatt en beslutning: i kveld skjer det.", "suicide"),
        ("hu har bestemt seg og sier det skjer i helga", "suicide"),
        ("Han sa farvel til mora si uten at hun skjønte noe.", "suicide"),
        ("Ho veit ikkje at det var eit farvel.", "suicide"),
        ("Innen du finner denne lappen er jeg borte.", "suicide"),
        ("Når mamma leser meldingen er det for sent.", "suicide"),
        ("Æ står på brua no.", "suicide"),
        ("Han skrev at dette var siste gang vi pratet.", "suicide"),
        ("Har ingen grunn til å være her mer.", "suicide"),
        ("Hun har ikke selvmordstanker nå, men tankene kom tilbake i natt.", "suicide"),
        ("Stemmene befaler meg å hoppe.", "suicide"),
        ("I går kveld skadet han seg selv igjen.", "self_harm"),
        ("Suget etter å rispe kommer hver kveld.", "self_harm"),
        ("Ho har brukt glasskår på låret.", "self_harm"),
        ("Han holdt armen over stearinlyset til huden sprakk.", "self_harm"),
        ("Sårene har hun påført seg selv, sier hun.", "self_harm"),
        ("Han har inntatt en ukjent mengde tramadol.", "overdose"),
        ("tok sobril sammen med vodka, alt går rundt", "overdose"),
        ("Hun ble funnet blå i trappeoppgangen.", "overdose"),
        ("Han tok altfor mye i natt.", "overdose"),
        ("Han har sperret seg inne fordi PST er på vei for å ta ham.", "fear"),
        ("eg er så rædd", "fear"),
        ("Det står noen i hagen, jeg tør ikke gå ut.", "fear"),
        ("Stemmen beordrer ham å stikke naboen.", "danger_to_others"),
        ("Jeg har lyst til å forgifte maten til eksen.", "danger_to_others"),
        ("Han skal ta knekken på svogeren.", "danger_to_others"),
        ("Jeg skal ordne den drittsekken i kveld.", "danger_to_others"),
    ],
)
def test_round_4_families_reach_beyond_the_sets(text, kind):
    assert kind in recognise(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "Laptopen min tok livet sitt i går, jeg må kjøpe ny.",
        "Ungene tar livet av meg med alt maset om godteri.",
        "Da jeg var seksten prøvde jeg å ta livet mitt; i dag har jeg det godt.",
        "Temaet for fagdagen var hvordan vi snakker med pårørende etter selvmord.",
        "Screening for selvskading: ingen funn.",
        "Elevene skal lære om overdose og førstehjelp.",
        "Jeg fikk litt overdose av sosiale medier i helga.",
        "Han sa han skulle hoppe fra taket om laget tapte, og alle lo.",
        "Hun skar seg i tommelen da hun skrelte epler.",
        "Jeg kunne bitt meg selv i tunga for at jeg sa det.",
        "Jeg fikk panikk da jeg ikke fant passet, men det lå i sekken.",
        "Han har ingen hensikt om å skade andre, sier han tydelig.",
        "Han sier at legene vil ta livet av ham, og nekter å ta medisinene.",
    ],
)
def test_round_4_look_alikes_are_not_crisis(text):
    found = recognise(text).kinds
    assert found == [], found
