"""Every phone number is a tap-to-call link; the words around it stay as they were written."""

import pytest

from crisis.phones import linkify, tel_target


@pytest.mark.parametrize(
    "written, dialled",
    [
        ("900 00 000", "+4790000000"),
        ("22 40 00 40", "+4722400040"),
        ("+47 912 34 567", "+4791234567"),
        ("0047 91234567", "+4791234567"),
        ("113", "113"),
        ("116 117", "116117"),
        ("12", None),
        ("ring meg", None),
    ],
)
def test_what_a_number_dials(written, dialled):
    assert tel_target(written) == dialled


def test_numbers_in_free_text_become_links_and_the_rest_is_escaped():
    html = linkify("Ring <Lise> på 912 34 567 etter kl. 16, eller 113.")
    assert '<a class="tel" href="tel:+4791234567">912 34 567</a>' in html
    assert '<a class="tel" href="tel:113">113</a>' in html
    assert "&lt;Lise&gt;" in html and "kl. 16" in html


def test_a_year_or_a_time_is_not_a_number_to_call():
    assert "href" not in linkify("Fra 2019 til 2024, kl. 12.30")


@pytest.mark.parametrize(
    "text",
    [
        "Time hos fastlegen 12.03.2024",
        "Ferie 01.07.2025–15.07.2025",
        "Åpent 0800-1600 hverdager",
        "Journalnummer 2024 1203 5",
        "Møte 12/03/2024",
        "Født 12.03.98",
    ],
)
def test_dates_times_and_other_digits_are_not_numbers_to_call(text):
    assert "href" not in linkify(text), text


@pytest.mark.parametrize(
    "written",
    ["91234567", "912 34 567", "91 23 45 67", "9123 4567", "912-34-567", "22.59.13.00", "+47 912 34 567"],
)
def test_the_usual_ways_of_writing_a_number_are_links(written):
    assert 'href="tel:+47' in linkify(f"Ring {written} i kveld"), written
