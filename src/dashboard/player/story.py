"""The player's story layers: the pockets as occupied areas, the marker of a département whose
liberation date the sources dispute, and the two dates of a retaken place. Pure, like player.py:
pydeck layers (filtered on the GPU by the player's frames, see player.js frameProps) and the
words their tooltips show, as plain text.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pydeck as pdk

from dashboard import i18n
from dashboard import story_layers
from dashboard.filters import STATE_OCCUPIED
from dashboard.map_layers import STATE_COLORS_HEX, hex_to_rgba
from dashboard.story_layers import OPEN_END as NO_BOUND  # the player's "no bound" (player.NO_BOUND)
from dashboard.story_layers import day_number

# A pocket's outline: darker than any fill, so the occupied area stands out from its département
# (same grey as the occupied département, in colour and in grey scale) by its edge.
POCKET_OUTLINE_RGBA = [25, 25, 25, 255]
# The disputed-date marker: a black "?" on white with a black ring, which reads without colour.
# Drawn beside the préfecture's point (offset in pixels), so it never hides the liberation event.
DISPUTED_GLYPH = "?"
DISPUTED_OFFSET_PX = [13, -13]


def pocket_layer() -> pdk.Layer:
    """The pockets as occupied areas over their freed départements, from the day each formed to the
    day before it surrendered: filtered on the GPU on [from, to], like the département segments."""
    return pdk.Layer(
        "PolygonLayer",
        id="pockets",
        data="@@#POCKETS",
        get_polygon="polygon",
        filled=True,
        stroked=True,
        get_fill_color=hex_to_rgba(STATE_COLORS_HEX[STATE_OCCUPIED], 235),
        get_line_color=POCKET_OUTLINE_RGBA,
        line_width_units="'pixels'",
        get_line_width=2,
        line_width_min_pixels=2,
        pickable=True,
        auto_highlight=True,
        extensions=[{"@@type": "DataFilterExtension", "filterSize": 2}],
        get_filter_value="[start, end]",
        filter_range=[[-NO_BOUND, -NO_BOUND]] * 2,
        filter_transform_size=False,
    )


def disputed_layer() -> pdk.Layer:
    """A "?" in a white, black-ringed box beside the préfecture of each département whose
    liberation date the sources dispute, from the day the table says it was freed."""
    return pdk.Layer(
        "TextLayer",
        id="disputed",
        data="@@#DISPUTED",
        get_position="position",
        get_text="glyph",
        get_size=15,
        size_units="'pixels'",
        get_color=[0, 0, 0, 255],
        font_weight="'bold'",
        get_pixel_offset=DISPUTED_OFFSET_PX,
        background=True,
        get_background_color=[255, 255, 255, 255],
        get_border_color=[0, 0, 0, 255],
        get_border_width=2,
        background_padding=[4, 1],
        background_border_radius=9,
        pickable=True,
        auto_highlight=True,
        extensions=[{"@@type": "DataFilterExtension", "filterSize": 1}],
        get_filter_value="freed_on",
        filter_range=[-NO_BOUND, -NO_BOUND],
        filter_transform_size=False,
    )


def retaken_line(freed: dt.date, retaken: dt.date, lang: str) -> str:
    """A retaken place's two dates in words ("Libération : 8 juin 1944 · reprise : 9 juin 1944")."""
    return i18n.t(
        "retaken_both_dates", lang, freed=i18n.format_date(freed, lang), retaken=i18n.format_date(retaken, lang)
    )


def disputed_rows(events: pd.DataFrame, departments: pd.DataFrame) -> pd.DataFrame:
    """The préfecture liberations whose dates the sources dispute (story_layers.disputed_rows),
    read once per table: the markers are then worded per language from these few rows."""
    # One row per id (a validated table has no repeats; a benchmark's doubled table does).
    return story_layers.disputed_rows(events.drop_duplicates("event_id"), departments)


def disputed_markers(rows: pd.DataFrame, first: dt.date, lang: str) -> list[dict]:
    """story_layers.disputed_departments of `rows` (disputed_rows), each with `freed_on`: the day
    number its marker appears (the table's liberation date, the day the département turns free)."""
    return [
        {**marked, "freed_on": day_number(freed, first), "glyph": DISPUTED_GLYPH}
        for marked, freed in zip(story_layers.word_disputed(rows, lang), rows["liberated_on"], strict=True)
    ]
