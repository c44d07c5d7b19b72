"""Every ruler chart is server-rendered SVG with a title and a description, its two lines told apart
by more than colour, and its numbers in a table beside it."""

import re

import pytest

from mitools.tests.common import reading

pytestmark = pytest.mark.django_db


def test_each_topic_chart_has_a_text_alternative(charlie_client, charlie_person):
    for days, (imp, conf) in zip((40, 20, 0), ((3, 2), (5, None), (7, 6)), strict=True):
        reading(charlie_person, "Røyken", imp, conf, days_ago=days)
    reading(charlie_person, "Jobb", 9, 1, days_ago=3)
    reading(charlie_person, "Jobb", 8, 2)
    body = charlie_client.get(f"/personer/{charlie_person.pk}/mi/").content.decode()
    charts = re.findall(r'<svg[^>]*role="img".*?</svg>', body, flags=re.S)
    assert len(charts) == 2
    for svg in charts:
        title_id, desc_id = re.search(r'aria-labelledby="([^"]+)"', svg).group(1).split()
        assert f'<title id="{title_id}">' in svg and f'<desc id="{desc_id}">' in svg
        assert "stroke-dasharray" in svg and "<rect" in svg and "<circle" in svg
    assert "Hvor viktig og hvor sikker over tid: Røyken" in body
    assert "Sist: hvor viktig 7, hvor sikker 6." in body
    tables = re.findall(r"<caption>Tallene i diagrammet</caption>(.*?)</table>", body, flags=re.S)
    assert len(tables) == 2
    cells = [re.findall(r"<td>([^<]*)</td>", table) for table in tables]
    assert any(c[-2:] == ["8", "2"] for c in cells)
    assert ["5", "–"] in [c[2:4] for c in cells]  # a skipped ruler is shown as a dash, not a zero
    assert 'class="legend"' in body and "Hvor viktig</span>" in body and "Hvor sikker</span>" in body
