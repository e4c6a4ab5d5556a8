"""DataFrame -> pydeck Deck. Builds the map; never renders it."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

import pandas as pd
import pydeck as pdk

from dashboard import i18n
from dashboard.data import FORCE_TYPES
from dashboard.filters import STATE_FRESH, STATE_LIBERATED, STATE_OCCUPIED, View, department_states, events_on, visible_events
from dashboard.geo import STATIC_DEPARTMENTS_GEOJSON, STATIC_DEPARTMENTS_URL
from dashboard.text import escape_html

# Okabe–Ito, the colour-blind-safe palette: one colour per force type, used by the map,
# the charts and every legend.
FORCE_COLORS_HEX = {
    "resistance": "#D55E00",  # vermillion
    "french_army": "#0072B2",  # blue
    "allied_army": "#009E73",  # bluish green
    "axis": "#000000",  # black
}
STATE_COLORS_HEX = {
    STATE_OCCUPIED: "#A6A6A6",  # mid grey: "still under occupation"
    STATE_FRESH: "#F0E442",  # Okabe–Ito yellow: liberated within the last days
    STATE_LIBERATED: "#EAF2FA",  # near white with a hint of blue
}
MASSACRE_RING_HEX = "#CC79A7"  # Okabe–Ito reddish purple, only for massacres and reprisals

FRANCE_VIEW = pdk.ViewState(latitude=46.6, longitude=2.4, zoom=4.6, min_zoom=3, max_zoom=12)

# The events of the current day or step are drawn bigger than the ones before.
RADIUS_PAST_PX = 5
RADIUS_CURRENT_PX = 11


def hex_to_rgba(color: str, alpha: int = 255) -> list[int]:
    color = color.lstrip("#")
    return [int(color[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


def main_force_type(actor_list: tuple[str, ...], force_of_actor: dict[str, str]) -> str:
    """The force type a point is coloured by: that of the first actor listed."""
    return force_of_actor.get(actor_list[0], FORCE_TYPES[0]) if actor_list else FORCE_TYPES[0]


@lru_cache(maxsize=1)
def static_department_codes() -> tuple[str, ...]:
    """The département codes in the order of the features of the served GeoJSON."""
    collection = json.loads(STATIC_DEPARTMENTS_GEOJSON.read_text(encoding="utf-8"))
    return tuple(feature["properties"]["code"] for feature in collection["features"])


def department_fill_expression(states: pd.DataFrame) -> str:
    """A deck.gl expression colouring each feature of the static GeoJSON by its state.

    The outlines are served once as a static file; only this short expression (one letter per
    département) changes from one date to the next, so a step sends ~1 KB, not the outlines.
    """
    letter_of_state = {STATE_OCCUPIED: "o", STATE_FRESH: "f", STATE_LIBERATED: "l"}
    state_of_code = dict(zip(states["department_code"], states["state"]))
    letters = "".join(letter_of_state[state_of_code.get(code, STATE_OCCUPIED)] for code in static_department_codes())
    occupied, fresh, liberated = (hex_to_rgba(STATE_COLORS_HEX[s], 235) for s in (STATE_OCCUPIED, STATE_FRESH, STATE_LIBERATED))
    state = f"'{letters}'[properties.i]"
    # No parentheses: deck.gl's expression parser rejects a parenthesised nested ternary.
    return f"{state} == 'l' ? {liberated} : {state} == 'f' ? {fresh} : {occupied}"


def tooltip_html(row: pd.Series, lang: str, actor_labels: dict[str, str]) -> str:
    """The tooltip of one event; every piece of data text is escaped."""
    start = row["date"].date()
    end = row["end_date"].date() if pd.notna(row["end_date"]) else None
    actors = ", ".join(actor_labels.get(a, a) for a in row["actor_list"])
    title = row["title_en"] if lang == "en" else row["title_fr"]
    return (
        f"<b>{escape_html(title)}</b><br/>"
        f"{escape_html(i18n.format_date_range(start, end, lang))} — {escape_html(row['place'])}<br/>"
        f"<i>{escape_html(actors)}</i><br/>"
        f"<small>{escape_html(i18n.t('col_source', lang))} : {escape_html(row['source'])}</small>"
    )


def event_points(events: pd.DataFrame, view: View, force_of_actor: dict[str, str],
                 actor_labels: dict[str, str], current_since: dt.date | None = None) -> pd.DataFrame:
    """The points to draw: visible events with their colour, size and tooltip."""
    shown = visible_events(events, view)
    shown = shown[shown["department_code"] != ""]  # nationwide facts have no place on the map
    current_ids = set(events_on(shown, view, current_since)["event_id"])
    points = pd.DataFrame({
        "event_id": shown["event_id"],
        "lon": shown["lon"],
        "lat": shown["lat"],
    })
    forces = [main_force_type(actors, force_of_actor) for actors in shown["actor_list"]]
    points["color"] = [hex_to_rgba(FORCE_COLORS_HEX[force], 230) for force in forces]
    points["radius"] = [RADIUS_CURRENT_PX if event_id in current_ids else RADIUS_PAST_PX for event_id in shown["event_id"]]
    is_massacre = shown["event_type"] == "massacre"
    points["line_color"] = [hex_to_rgba(MASSACRE_RING_HEX) if massacre else [255, 255, 255, 255] for massacre in is_massacre]
    points["line_width"] = [3 if massacre else 1 for massacre in is_massacre]
    points["tooltip"] = [tooltip_html(row, view.lang, actor_labels) for _, row in shown.iterrows()]
    return points.reset_index(drop=True)


def build_deck(events: pd.DataFrame, departments: pd.DataFrame, view: View, force_of_actor: dict[str, str],
               actor_labels: dict[str, str], current_since: dt.date | None = None,
               online_basemap: bool = False) -> pdk.Deck:
    states = department_states(events, departments, view.date)
    outlines = pdk.Layer(
        "GeoJsonLayer",
        id="departements",
        data=STATIC_DEPARTMENTS_URL,
        stroked=True,
        filled=True,
        get_fill_color=department_fill_expression(states),
        get_line_color=[90, 90, 90, 255],
        line_width_min_pixels=0.6,
        pickable=False,
        update_triggers={"getFillColor": "".join(states["state"].str[0])},
        transitions={"getFillColor": 400},
    )
    points = pdk.Layer(
        "ScatterplotLayer",
        id="events",
        data=event_points(events, view, force_of_actor, actor_labels, current_since),
        get_position=["lon", "lat"],
        get_fill_color="color",
        get_line_color="line_color",
        get_line_width="line_width",
        get_radius="radius",
        radius_units="pixels",
        line_width_units="pixels",
        stroked=True,
        pickable=True,
        transitions={"getRadius": 300},
    )
    # Offline by default: map_provider=None *and no map_style argument*. pydeck then sends its
    # "__MAP_STYLE__" sentinel, which Streamlit drops; map_style=None or "" would make
    # Streamlit fetch Carto's style and tiles, which a classroom network may not reach.
    basemap = {"map_provider": "carto", "map_style": "light"} if online_basemap else {"map_provider": None}
    return pdk.Deck(
        layers=[outlines, points],
        initial_view_state=FRANCE_VIEW,
        tooltip={"html": "{tooltip}", "style": {"fontSize": "15px", "maxWidth": "360px"}},
        **basemap,
    )
