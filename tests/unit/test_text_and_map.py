from dashboard import map_layers
from dashboard.text import escape_html, escape_markdown


def test_escape_html_makes_markup_inert():
    assert escape_html("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert escape_html('"quoted" & \'single\'') == "&quot;quoted&quot; &amp; &#x27;single&#x27;"


def test_escape_markdown_disarms_links_images_and_html():
    escaped = escape_markdown("![x](http://evil.example/p.png) [a](javascript:x) <b>bold</b> **strong**")
    for dangerous in ("![", "](", "<b>", "**"):
        assert dangerous not in escaped


def test_tooltip_source_is_the_first_citation_shortened():
    assert map_layers.short_source("Archives ; Ville") == "Archives"
    long = "x" * 200
    assert len(map_layers.short_source(long)) == map_layers.TOOLTIP_SOURCE_CHARS
    assert map_layers.short_source(long).endswith("…")
