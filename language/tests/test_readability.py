"""A plain LIX readability hint for long texts (40 words or more)."""

from language.readability import readability

EASY = "Vi gikk en tur. Det var fint ute. Hun lo mye. Vi tok en kaffe etterpå. " * 4
HEAVY = (
    "Gjennomføringen av tverrfaglige samarbeidsmøter forutsetter kontinuerlig informasjonsutveksling "
    "mellom tjenesteyterne, koordinatoransvarlige og spesialisthelsetjenestens representanter, "
    "slik at individuelle behandlingsforløp kan evalueres systematisk og tilpasses fortløpende "
    "i henhold til gjeldende retningslinjer, prosedyrer og lovpålagte dokumentasjonskrav innenfor "
    "kommunens organisatoriske rammeverk og økonomiske forutsetninger for tjenesteutøvelsen."
)


def test_lix_formula():
    result = readability("Dette er en setning. Her kommer enda flere langeord.")
    # 9 words, 2 sentences, long words (> 6 letters): setning, kommer? no (6), langeord -> 2
    assert result["words"] == 9
    assert result["sentences"] == 2
    assert result["long_words"] == 2
    assert result["lix"] == round(9 / 2 + 100 * 2 / 9)


def test_short_texts_get_no_hint():
    result = readability("Hun kom i dag.")
    assert result["level"] is None and result["hint"] is None


def test_easy_text():
    result = readability(EASY)
    assert result["words"] >= 40
    assert result["level"] == "lett"
    assert result["hint"].startswith("Teksten er lett å lese (LIX ")


def test_heavy_text_gets_a_plain_hint():
    text = HEAVY + " " + HEAVY
    result = readability(text)
    assert result["words"] >= 40
    assert result["level"] == "tung"
    assert f"Teksten er ganske tung å lese (LIX {result['lix']})." in result["hint"]
    assert "Kortere setninger og hverdagsord" in result["hint"]


def test_empty_and_wordless_texts():
    assert readability("")["lix"] is None
    assert readability("123 !!! 😀")["words"] == 0


def test_lists_without_full_stops_count_as_sentences():
    text = "\n".join(f"- punkt nummer {i} om det vi avtalte" for i in range(10))
    result = readability(text)
    assert result["sentences"] == 10
