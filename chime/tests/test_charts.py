"""The CHIME charts: a radar of now against an earlier rating the viewer chooses (the previous one
unless asked), five small timelines, all server-rendered SVG with a title, a description and the
numbers as a table. No total, no score, no red or green."""

import re

import pytest

from chime.models import ELEMENTS
from chime.tests.common import rating

pytestmark = pytest.mark.django_db


def svgs(body: str) -> list[str]:
    return re.findall(r"<svg[^>]*role=\"img\".*?</svg>", body, flags=re.S)


def table_rows(body: str, caption: str) -> list[list[str]]:
    table = re.search(rf"<caption>{caption}</caption>(.*?)</table>", body, flags=re.S).group(1)
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", table, flags=re.S)]


def test_every_chart_has_a_title_a_description_and_the_numbers_beside_it(charlie_client, charlie_person):
    rating(charlie_person, 2, 3, 4, 5, 6, days_ago=60)
    rating(charlie_person, 4, 4, 4, 4, 4, days_ago=30)
    rating(charlie_person, 7, 6, 5, 8, 9)
    body = charlie_client.get(f"/personer/{charlie_person.pk}/chime/").content.decode()
    charts = svgs(body)
    assert len(charts) == 1 + 5  # the radar and one timeline per element
    for svg in charts:
        labelled = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        assert len(labelled) == 2
        assert f'<title id="{labelled[0]}">' in svg and f'<desc id="{labelled[1]}">' in svg
    rows = table_rows(body, "Tallene i diagrammet")
    assert rows[1:] == [
        [e.name, str(before), str(now)]
        for e, before, now in zip(ELEMENTS, (4, 4, 4, 4, 4), (7, 6, 5, 8, 9), strict=True)
    ]
    every = table_rows(body, "Alle tallene")
    assert [row[1:] for row in every[1:]] == [["2", "3", "4", "5", "6"], ["4"] * 5, ["7", "6", "5", "8", "9"]]
    assert "Håp over tid" in body and "Sist: 6." in body


def test_the_viewer_chooses_what_to_compare_with(charlie_client, charlie_person):
    first = rating(charlie_person, 1, 1, 1, 1, 1, days_ago=90)
    rating(charlie_person, 3, 3, 3, 3, 3, days_ago=10)
    rating(charlie_person, 8, 8, 8, 8, 8)
    url = f"/personer/{charlie_person.pk}/chime/"
    by_default = charlie_client.get(url).content.decode()
    assert table_rows(by_default, "Tallene i diagrammet")[1][1:] == ["3", "8"]  # the previous one
    chosen = charlie_client.get(url, {"sammenlign": first.pk}).content.decode()
    assert table_rows(chosen, "Tallene i diagrammet")[1][1:] == ["1", "8"]
    assert f'<option value="{first.pk}" selected>' in chosen
    only_now = charlie_client.get(url, {"sammenlign": "ingen"}).content.decode()
    assert table_rows(only_now, "Tallene i diagrammet")[1][1:] == ["8"]
    assert "stroke-dasharray" not in svgs(only_now)[0]
    unknown = charlie_client.get(url, {"sammenlign": "999999"}).content.decode()
    assert table_rows(unknown, "Tallene i diagrammet")[1][1:] == ["3", "8"]


def test_a_single_rating_is_drawn_without_anything_to_compare(charlie_client, charlie_person):
    rating(charlie_person, 5, 6, 7, 8, 9)
    body = charlie_client.get(f"/personer/{charlie_person.pk}/chime/").content.decode()
    assert len(svgs(body)) == 6 and 'name="sammenlign"' not in body
    header = table_rows(body, "Tallene i diagrammet")[0]
    assert len(header) == 2 and header[1].startswith("Nå (")


def test_no_ratings_yet_invites_the_first_one(charlie_client, charlie_person):
    body = charlie_client.get(f"/personer/{charlie_person.pk}/chime/").content.decode()
    assert "Gjør den første vurderingen" in body and "<svg" not in body.split("<main")[1]


def test_the_person_is_not_given_a_score(charlie_client, charlie_person):
    rating(charlie_person, 1, 2, 3, 4, 5, days_ago=5)
    rating(charlie_person, 9, 9, 9, 9, 9)
    body = charlie_client.get(f"/personer/{charlie_person.pk}/chime/").content.decode()
    main = body.split("<main")[1]
    assert "Tallene er ikke en karakter." in main
    visible = re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", " ", main, flags=re.S)).lower()
    for word in ("sum:", "totalt", "poeng", "score", "snitt", "karakteren din"):
        assert word not in visible, word
    without_dates = re.sub(r"\d{1,2}\. \w+\.? \d{4}|\d{1,2}:\d{2}", " ", visible)
    assert not re.search(r"\b(45|15)\b", without_dates)  # neither total is shown anywhere
    for judging_colour in ("#a4262c", "#1e6b3a", "red", "green", "#8a4b00"):
        assert judging_colour not in main.lower(), judging_colour


def test_lines_with_the_same_values_stay_visible_side_by_side():
    from datetime import timedelta

    from django.utils import timezone

    from items.timeline import scale_timeline

    moments = [timezone.now() - timedelta(days=d) for d in (20, 10, 0)]
    chart = scale_timeline(
        moments,
        [
            {"label": "Følte seg hørt", "colour": "#000", "values": [3, 4, 5]},
            {"label": "Lyttet", "colour": "#111", "values": [3, 4, 5]},
            {"label": "Ressursene", "colour": "#222", "values": [3, 4, 5]},
        ],
        chart_id="t",
        title="t",
        desc="t",
        lowest=1,
        highest=5,
    )
    lines = [line["segments"][0] for line in chart["series"]]
    assert len(set(lines)) == 3
