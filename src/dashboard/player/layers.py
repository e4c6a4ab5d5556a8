"""The player's pydeck layers, declared in Python and instantiated in the browser by deck.gl's
JSONConverter. Data arrive by name (`@@#POINTS`, `@@#FREED`…) from the payload; every layer
filters on the GPU, so a frame changes only filter ranges."""

from __future__ import annotations

import json

import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard.filters import STATE_FRESH, STATE_LIBERATED, STATE_OCCUPIED, STATE_PARTIAL, STATE_RETAKEN
from dashboard.map_layers import FRANCE_VIEW, RADIUS_CURRENT_PX, RADIUS_PAST_PX, STATE_COLORS_HEX, hex_to_rgba
from dashboard.player.story import disputed_layer, pocket_layer

# Filter bounds meaning "no bound": far outside any day number, exact in float32.
NO_BOUND = 1_000_000


def department_layers() -> list[pdk.Layer]:
    """The départements: all occupied underneath, then one layer per state drawn from the
    segments of who held them (see department_segments; the browser turns each segment into a
    copy of its département's outline). Each filters on the GPU on [start, end, freed_on]: the
    player moves the ranges every frame, and the fresh layer's soft range fades a newly freed
    département in instead of popping it."""

    def by_state(layer_id: str, state: str, data: str) -> pdk.Layer:
        return pdk.Layer(
            "GeoJsonLayer",
            id=layer_id,
            data=data,
            stroked=False,
            filled=True,
            pickable=False,
            get_fill_color=hex_to_rgba(STATE_COLORS_HEX[state], 235),
            extensions=[{"@@type": "DataFilterExtension", "filterSize": 3}],
            get_filter_value="[properties.start, properties.end, properties.freed_on]",
            filter_range=[[-NO_BOUND, -NO_BOUND]] * 3,  # nothing until the first frame sets it
            filter_transform_size=False,
        )

    outline = dict(data="@@#DEPARTMENTS", get_line_color=[90, 90, 90, 255], line_width_min_pixels=0.6, pickable=False)
    return [
        pdk.Layer(
            "GeoJsonLayer",
            id="departements",
            stroked=False,
            filled=True,
            get_fill_color=hex_to_rgba(STATE_COLORS_HEX[STATE_OCCUPIED], 235),
            **outline,
        ),
        by_state("departements-retaken", STATE_RETAKEN, "@@#RETAKEN"),
        by_state("departements-partial", STATE_PARTIAL, "@@#PARTIAL"),
        by_state("departements-liberated", STATE_LIBERATED, "@@#FREED"),
        by_state("departements-fresh", STATE_FRESH, "@@#FREED"),
        # The outlines on top, so a filled layer never hides a border.
        pdk.Layer("GeoJsonLayer", id="departements-borders", stroked=True, filled=False, **outline),
    ]


def event_layers() -> list[pdk.Layer]:
    """Every event of the filtered table, drawn from its first day on; the events under way in
    the current window again, bigger. Both filter on the GPU ([start] and [start, end]).
    PointSpriteLayer is deck.gl's ScatterplotLayer drawn as point sprites (point_sprites.js):
    same props, one draw without instancing, which software GL draws far faster."""
    common = dict(
        data="@@#POINTS",
        get_position="position",
        get_fill_color="color",
        get_line_color="line_color",
        get_line_width="line_width",
        radius_units="'pixels'",
        line_width_units="'pixels'",
        stroked=True,
        pickable=True,
        auto_highlight=True,
    )
    return [
        pdk.Layer(
            "PointSpriteLayer",
            id="events",
            get_radius=RADIUS_PAST_PX,
            extensions=[{"@@type": "DataFilterExtension", "filterSize": 1}],
            get_filter_value="start",
            filter_range=[-NO_BOUND, -NO_BOUND],
            **common,
        ),
        pdk.Layer(
            "PointSpriteLayer",
            id="events-current",
            get_radius=RADIUS_CURRENT_PX,
            extensions=[{"@@type": "DataFilterExtension", "filterSize": 2}],
            get_filter_value="[start, end]",
            filter_range=[[-NO_BOUND, -NO_BOUND], [NO_BOUND, NO_BOUND]],
            **common,
        ),
    ]


def deck_spec() -> dict:
    """The pydeck Deck, as the JSON deck.gl's JSONConverter reads. Offline: no map provider,
    no style, no tiles. Its view is all France; a chapter's place comes with player.control."""
    layers = [*department_layers(), pocket_layer(), *event_layers(), disputed_layer()]
    deck = pdk.Deck(layers=layers, initial_view_state=FRANCE_VIEW, map_provider=None)
    return json.loads(json.dumps(deck, default=default_serialize))
