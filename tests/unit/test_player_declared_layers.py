"""The player's layers as deck.gl's JSONConverter reads them in the browser: what each draws, from
which data, in which order, and how it filters on the GPU (player.js moves only the ranges)."""

from __future__ import annotations

import pytest

from dashboard.filters import STATE_FRESH, STATE_LIBERATED, STATE_OCCUPIED, STATE_PARTIAL, STATE_RETAKEN
from dashboard.map_layers import RADIUS_CURRENT_PX, RADIUS_PAST_PX, STATE_COLORS_HEX, hex_to_rgba
from dashboard.player.layers import NO_BOUND, deck_spec
from dashboard.player.story import DISPUTED_OFFSET_PX, POCKET_OUTLINE_RGBA

FILL_ALPHA = 235


# Built inside each test, not at import: a test must call the code it checks (mutmut maps tests to
# the functions they run, and switches a mutant on only while tests run).
def spec() -> dict:
    return deck_spec()


def layer(layer_id: str) -> dict:
    return next(declared for declared in spec()["layers"] if declared["id"] == layer_id)
BORDER_GREY = [90, 90, 90, 255]
# player.js frameProps moves these layers' ranges each frame, by id.
STATE_LAYERS = {
    "departements-retaken": (STATE_RETAKEN, "@@#RETAKEN"),
    "departements-partial": (STATE_PARTIAL, "@@#PARTIAL"),
    "departements-liberated": (STATE_LIBERATED, "@@#FREED"),
    "departements-fresh": (STATE_FRESH, "@@#FREED"),
}


def test_layers_are_drawn_bottom_to_top_in_this_order():
    # Occupied underneath, the states over it, the borders over every fill, the pockets over their
    # freed départements, the events over the map, the current ones over the past, the "?" last.
    assert [declared["id"] for declared in spec()["layers"]] == [
        "departements",
        *STATE_LAYERS,
        "departements-borders",
        "pockets",
        "events",
        "events-current",
        "disputed",
    ]


def test_the_map_is_offline_and_opens_on_france():
    declared = spec()
    assert "mapProvider" not in declared and declared["views"] == [{"@@type": "MapView", "controller": True}]
    view = declared["initialViewState"]
    assert (view["latitude"], view["longitude"]) == (46.0, 2.8) and view["minZoom"] < view["zoom"] < view["maxZoom"]


def test_every_departement_starts_occupied_under_the_other_layers():
    base = layer("departements")
    assert base["@@type"] == "GeoJsonLayer" and base["data"] == "@@#DEPARTMENTS"
    assert base["filled"] is True and base["stroked"] is False and base["pickable"] is False
    assert base["getFillColor"] == hex_to_rgba(STATE_COLORS_HEX[STATE_OCCUPIED], FILL_ALPHA)
    assert "extensions" not in base  # never filtered: always there


@pytest.mark.parametrize("layer_id", STATE_LAYERS)
def test_each_state_fills_its_segments_in_its_colour_and_filters_on_three_values(layer_id):
    state, data = STATE_LAYERS[layer_id]
    declared = layer(layer_id)
    assert declared["@@type"] == "GeoJsonLayer" and declared["data"] == data
    assert declared["filled"] is True and declared["stroked"] is False and declared["pickable"] is False
    assert declared["getFillColor"] == hex_to_rgba(STATE_COLORS_HEX[state], FILL_ALPHA)
    assert declared["extensions"] == [{"@@type": "DataFilterExtension", "filterSize": 3}]
    assert declared["getFilterValue"] == "@@=[properties.start, properties.end, properties.freed_on]"
    # Nothing shows before the player's first frame sets the ranges.
    assert declared["filterRange"] == [[-NO_BOUND, -NO_BOUND]] * 3
    # A filtered-out segment disappears; it does not shrink (the fade is done by colour).
    assert declared["filterTransformSize"] is False


def test_state_colours_are_all_different():
    colours = [layer(layer_id)["getFillColor"] for layer_id in ["departements", *STATE_LAYERS]]
    assert len({tuple(colour) for colour in colours}) == len(colours)  # fresh and liberated share data, not colours


def test_borders_are_drawn_once_over_every_fill():
    borders = layer("departements-borders")
    assert borders["data"] == "@@#DEPARTMENTS"
    assert borders["stroked"] is True and borders["filled"] is False and borders["pickable"] is False
    assert borders["getLineColor"] == BORDER_GREY and borders["lineWidthMinPixels"] == 0.6


def test_pockets_are_occupied_areas_with_a_dark_edge_filtered_on_their_two_dates():
    pockets = layer("pockets")
    assert pockets["@@type"] == "PolygonLayer" and pockets["data"] == "@@#POCKETS"
    assert pockets["getPolygon"] == "@@=polygon"
    assert pockets["filled"] is True and pockets["stroked"] is True
    assert pockets["getFillColor"] == layer("departements")["getFillColor"]
    assert pockets["getLineColor"] == POCKET_OUTLINE_RGBA
    assert pockets["lineWidthUnits"] == "pixels" and pockets["getLineWidth"] == 2 and pockets["lineWidthMinPixels"] == 2
    assert pockets["pickable"] is True and pockets["autoHighlight"] is True  # its tooltip says the pocket
    assert pockets["extensions"] == [{"@@type": "DataFilterExtension", "filterSize": 2}]
    assert pockets["getFilterValue"] == "@@=[start, end]" and pockets["filterRange"] == [[-NO_BOUND, -NO_BOUND]] * 2
    assert pockets["filterTransformSize"] is False


@pytest.mark.parametrize(
    "layer_id, radius, filter_value, filter_range",
    [
        ("events", RADIUS_PAST_PX, "@@=start", [-NO_BOUND, -NO_BOUND]),
        ("events-current", RADIUS_CURRENT_PX, "@@=[start, end]", [[-NO_BOUND, -NO_BOUND], [NO_BOUND, NO_BOUND]]),
    ],
)
def test_events_are_points_in_pixels_read_from_the_packed_columns(layer_id, radius, filter_value, filter_range):
    declared = layer(layer_id)
    assert declared["@@type"] == "PointSpriteLayer" and declared["data"] == "@@#POINTS"
    # The attributes player.js builds from the packed columns (decodePoints).
    assert (declared["getPosition"], declared["getFillColor"], declared["getLineColor"], declared["getLineWidth"]) == (
        "@@=position",
        "@@=color",
        "@@=line_color",
        "@@=line_width",
    )
    assert declared["getRadius"] == radius and declared["radiusUnits"] == "pixels" and declared["lineWidthUnits"] == "pixels"
    assert declared["stroked"] is True  # the massacres' ring
    assert declared["pickable"] is True and declared["autoHighlight"] is True
    size = 1 if filter_value == "@@=start" else 2
    assert declared["extensions"] == [{"@@type": "DataFilterExtension", "filterSize": size}]
    assert declared["getFilterValue"] == filter_value and declared["filterRange"] == filter_range


def test_current_events_are_drawn_bigger_than_past_ones():
    assert layer("events-current")["getRadius"] > layer("events")["getRadius"]


def test_a_disputed_date_is_a_black_question_mark_on_white_beside_its_prefecture():
    marker = layer("disputed")
    assert marker["@@type"] == "TextLayer" and marker["data"] == "@@#DISPUTED"
    assert marker["getPosition"] == "@@=position" and marker["getText"] == "@@=glyph"
    assert marker["getSize"] == 15 and marker["sizeUnits"] == "pixels" and marker["fontWeight"] == "bold"
    assert marker["getColor"] == [0, 0, 0, 255] and marker["getBackgroundColor"] == [255, 255, 255, 255]
    assert marker["background"] is True and marker["getBorderColor"] == [0, 0, 0, 255]
    assert marker["getBorderWidth"] == 2 and marker["backgroundPadding"] == [4, 1]
    assert marker["backgroundBorderRadius"] == 9
    assert marker["getPixelOffset"] == DISPUTED_OFFSET_PX and DISPUTED_OFFSET_PX != [0, 0]  # beside, not over
    assert marker["pickable"] is True and marker["autoHighlight"] is True
    assert marker["extensions"] == [{"@@type": "DataFilterExtension", "filterSize": 1}]
    assert marker["getFilterValue"] == "@@=freed_on" and marker["filterRange"] == [-NO_BOUND, -NO_BOUND]
    assert marker["filterTransformSize"] is False
