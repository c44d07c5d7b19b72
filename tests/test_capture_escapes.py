"""`{% capture %}` shows a rendered part twice without marking anything safe itself: what a
user typed inside the part is escaped once by the engine, never passed through raw and never
escaped twice."""

from django.template import Context, Template


def test_user_text_in_a_captured_part_stays_escaped():
    page = Template("{% load capture %}{% capture as part %}<b>{{ name }}</b>{% endcapture %}{{ part }}|{{ part }}")
    shown = page.render(Context({"name": "<script>alert(1)</script> & «Kari»"}))
    once = "<b>&lt;script&gt;alert(1)&lt;/script&gt; &amp; «Kari»</b>"
    assert shown == f"{once}|{once}"
