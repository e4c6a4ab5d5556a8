import datetime as dt
import json

from dashboard import map_layers
from dashboard.filters import View
from dashboard.geo import STATIC_DEPARTMENTS_GEOJSON
from dashboard.text import escape_html, escape_markdown


def test_escape_html_makes_markup_inert():
    assert escape_html("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert escape_html('"quoted" & \'single\'') == "&quot;quoted&quot; &amp; &#x27;single&#x27;"


def test_escape_markdown_disarms_links_images_and_html():
    escaped = escape_markdown("![x](http://evil.example/p.png) [a](javascript:x) <b>bold</b> **strong**")
    for dangerous in ("![", "](", "<b>", "**"):
        assert dangerous not in escaped


def test_tooltips_escape_data_text(small_events, refs):
    events = small_events.copy()
    events.loc[events["event_id"] == "liberation-paris", "title_fr"] = "<script>alert(1)</script>"
    points = map_layers.event_points(events, View(date=dt.date(1944, 9, 15)), refs.force_type_of_actor, {})
    tooltip = points.set_index("event_id").loc["liberation-paris", "tooltip"]
    assert "<script>" not in tooltip and "&lt;script&gt;" in tooltip


def test_points_colour_current_size_and_massacre_ring(small_events, refs):
    view = View(date=dt.date(1944, 8, 25))
    points = map_layers.event_points(small_events, view, refs.force_type_of_actor, {}).set_index("event_id")
    # Paris is coloured by its first actor, the 2e DB (French army); Tulle by the Waffen-SS (axis).
    assert points.loc["liberation-paris", "color"][:3] == map_layers.hex_to_rgba(map_layers.FORCE_COLORS_HEX["french_army"])[:3]
    assert points.loc["massacre-tulle", "color"][:3] == [0, 0, 0]
    assert points.loc["liberation-paris", "radius"] == map_layers.RADIUS_CURRENT_PX
    assert points.loc["liberation-caen", "radius"] == map_layers.RADIUS_PAST_PX
    assert points.loc["massacre-tulle", "line_width"] > points.loc["liberation-paris", "line_width"]
    assert "other-nationwide" not in points.index  # no department: listed, not drawn


def test_fill_expression_groups_served_features_by_state(small_events, refs):
    from dashboard.filters import department_states

    states = department_states(small_events, refs.departments, dt.date(1944, 8, 25))
    groups = map_layers.feature_indices_by_state(states)
    features = json.loads(STATIC_DEPARTMENTS_GEOJSON.read_text(encoding="utf-8"))["features"]
    assert sorted(i for group in groups.values() for i in group) == list(range(len(features))) == list(range(96))
    position = {f["properties"]["code"]: f["properties"]["i"] for f in features}
    # Paris freed that day, Caen on 19 July, Grenoble on 22 August (three days before), Marseille not yet.
    assert groups["fresh"] == sorted([position["75"], position["38"]])
    assert groups["liberated"] == [position["14"]]
    expression = map_layers.department_fill_expression(states)
    liberated_part, fresh_part = expression.split(" ? ")[:2]
    assert liberated_part == f"properties.i == {position['14']}"
    assert f"properties.i == {position['75']}" in fresh_part and f"properties.i == {position['13']}" not in expression


def test_deck_needs_no_internet_by_default(small_events, refs):
    deck = map_layers.build_deck(small_events, refs.departments, View(date=dt.date(1944, 8, 25)),
                                 refs.force_type_of_actor, {})
    spec = json.loads(deck.to_json())
    # The sentinel (or nothing) is the only mapStyle Streamlit does not replace with Carto's.
    assert spec.get("mapStyle") in (None, "__MAP_STYLE__")
    assert not spec.get("mapProvider")
    assert "http" not in json.dumps(spec)


def test_tooltip_source_is_the_first_citation_shortened():
    assert map_layers.short_source("Archives ; Ville") == "Archives"
    long = "x" * 200
    assert len(map_layers.short_source(long)) == map_layers.TOOLTIP_SOURCE_CHARS
    assert map_layers.short_source(long).endswith("…")


def test_retaken_and_partial_departements_get_their_own_colour(refs):
    from dashboard.data import load_events
    from dashboard.filters import department_states

    from helpers import DATA_DIR

    events = load_events(DATA_DIR / "retaken_events.csv", refs).events
    states = department_states(events, refs.departments, dt.date(1944, 9, 1), frozenset({"56"}))
    groups = map_layers.feature_indices_by_state(states)
    features = json.loads(STATIC_DEPARTMENTS_GEOJSON.read_text(encoding="utf-8"))["features"]
    position = {f["properties"]["code"]: f["properties"]["i"] for f in features}
    assert groups["retaken"] == [position["23"]] and groups["partial"] == [position["56"]]
    expression = map_layers.department_fill_expression(states)
    retaken_colour = str(map_layers.hex_to_rgba(map_layers.STATE_COLORS_HEX["retaken"], 235))
    assert f"properties.i == {position['23']} ? {retaken_colour}" in expression
