"""DataFrame -> pydeck Deck. Builds the map; never renders it."""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

import pandas as pd
import pydeck as pdk
from pydeck.bindings.json_tools import default_serialize

from dashboard import i18n
from dashboard.data import FORCE_TYPES, OTHER_FORCE
from dashboard.filters import STATE_FRESH, STATE_LIBERATED, STATE_OCCUPIED, STATE_PARTIAL, STATE_RETAKEN, View, department_states, events_on, visible_events
from dashboard.geo import STATIC_DEPARTMENTS_GEOJSON, STATIC_DEPARTMENTS_URL
from dashboard.text import escape_html

# Okabe–Ito, the colour-blind-safe palette: one colour per force type, used by the map,
# the charts and every legend.
FORCE_COLORS_HEX = {
    "resistance": "#D55E00",  # vermillion
    "french_army": "#0072B2",  # blue
    "allied_army": "#009E73",  # bluish green
    "axis": "#000000",  # black
    OTHER_FORCE: "#8C8C8C",  # neutral grey: other forces (a class's own actors), or none (a civil fact)
}
STATE_COLORS_HEX = {
    STATE_OCCUPIED: "#A6A6A6",  # mid grey: "still under occupation"
    STATE_FRESH: "#F0E442",  # Okabe–Ito yellow: liberated within the last days
    STATE_LIBERATED: "#EAF2FA",  # near white with a hint of blue
    STATE_RETAKEN: "#4D4D4D",  # dark grey: occupied again, darker than "never freed" in colour and in grey scale
    STATE_PARTIAL: "#9ECAE1",  # light blue: free, but a pocket is still held inside
}
MAP_STATES = (STATE_OCCUPIED, STATE_RETAKEN, STATE_PARTIAL, STATE_FRESH, STATE_LIBERATED)
MASSACRE_RING_HEX = "#CC79A7"  # Okabe–Ito reddish purple, only for massacres and reprisals

def hex_to_rgba(color: str, alpha: int = 255) -> list[int]:
    color = color.lstrip("#")
    return [int(color[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


FORCE_RGBA = {force: hex_to_rgba(color, 230) for force, color in FORCE_COLORS_HEX.items()}
MASSACRE_RING_RGBA = hex_to_rgba(MASSACRE_RING_HEX)
WHITE_RGBA = [255, 255, 255, 255]

# Centred low enough that Corsica stays inside a 600-pixel-high map.
FRANCE_VIEW = pdk.ViewState(latitude=46.0, longitude=2.8, zoom=4.6, min_zoom=3, max_zoom=12)

# The events of the current day or step are drawn bigger than the ones before.
RADIUS_PAST_PX = 5
RADIUS_CURRENT_PX = 11


def main_force_type(actor_list: tuple[str, ...], force_of_actor: dict[str, str]) -> str:
    """The force type a point is coloured by: that of the first actor listed; OTHER_FORCE for an
    actor outside the four force types, or a civil fact with no armed actor (an ordinance, a vote)."""
    return force_of_actor.get(actor_list[0], OTHER_FORCE) if actor_list else OTHER_FORCE


@lru_cache(maxsize=1)
def static_department_codes() -> tuple[str, ...]:
    """The département codes in the order of the features of the served GeoJSON."""
    collection = json.loads(STATIC_DEPARTMENTS_GEOJSON.read_text(encoding="utf-8"))
    return tuple(feature["properties"]["code"] for feature in collection["features"])


def focus_view(lat: float, lon: float, zoom: float) -> pdk.ViewState:
    """A view that the map flies to (a chapter's area); changing it moves the map, keeping it
    lets the teacher's own pan and zoom stand."""
    return pdk.ViewState(latitude=lat, longitude=lon, zoom=zoom, min_zoom=3, max_zoom=12, transition_duration=1500)


def feature_indices_by_state(states: pd.DataFrame) -> dict[str, list[int]]:
    """For each state, the positions (property `i`) of the served GeoJSON's features in that state."""
    state_of_code = dict(zip(states["department_code"], states["state"]))
    groups: dict[str, list[int]] = {state: [] for state in MAP_STATES}
    for index, code in enumerate(static_department_codes()):
        groups[state_of_code.get(code, STATE_OCCUPIED)].append(index)
    return groups


def department_fill_expression(states: pd.DataFrame) -> str:
    """A deck.gl expression colouring each feature of the static GeoJSON by its state.

    The outlines are served once as a static file; only this expression (~1.5 KB) changes from
    one date to the next. It is built from comparisons on `properties.i` only: deck.gl's
    expression evaluator (as bundled by Streamlit 1.67) silently yields black for indexing into
    a literal string or array, and rejects parentheses around a nested ternary.
    """
    groups = feature_indices_by_state(states)

    def any_of(indices: list[int]) -> str:
        return " || ".join(f"properties.i == {i}" for i in indices) or "properties.i < 0"

    chain = [f"{any_of(groups[state])} ? {hex_to_rgba(STATE_COLORS_HEX[state], 235)} : "
             for state in (STATE_LIBERATED, STATE_FRESH, STATE_PARTIAL, STATE_RETAKEN) if groups[state]]
    return "".join(chain) + str(hex_to_rgba(STATE_COLORS_HEX[STATE_OCCUPIED], 235))


# Each frame resends every visible point with its tooltip, so the tooltip names only the first
# source, shortened; the full citations are in the event explorer and on the Sources page.
TOOLTIP_SOURCE_CHARS = 70


def short_source(source: str) -> str:
    first = source.split(" ; ")[0].strip()
    return first if len(first) <= TOOLTIP_SOURCE_CHARS else first[:TOOLTIP_SOURCE_CHARS - 1].rstrip() + "…"


def tooltips(events: pd.DataFrame, lang: str, actor_labels: dict[str, str]) -> pd.Series:
    """The tooltip HTML of every event, vectorised; every piece of data text is escaped."""
    title = events["title_en" if lang == "en" else "title_fr"].map(escape_html)
    ends = events["end_date"].map(lambda end: end.date() if pd.notna(end) else None)
    when = [escape_html(i18n.format_date_range(start.date(), end, lang)) for start, end in zip(events["date"], ends)]
    actors = events["actor_list"].map(lambda names: escape_html(", ".join(actor_labels.get(a, a) for a in names)))
    source_label = escape_html(i18n.t("col_source", lang))
    return ("<b>" + title + "</b><br/>" + pd.Series(when, index=events.index, dtype=str) + " — "
            + events["place"].map(escape_html) + "<br/><i>" + actors + "</i><br/><small>"
            + source_label + " : " + events["source"].map(short_source).map(escape_html) + "</small>")


def event_points(events: pd.DataFrame, view: View, force_of_actor: dict[str, str],
                 actor_labels: dict[str, str], current_since: dt.date | None = None,
                 tooltip_column: pd.Series | None = None) -> pd.DataFrame:
    """The points to draw: visible events with their colour, size and tooltip.

    `tooltip_column` (indexed like `events`) saves rebuilding the tooltips on every frame.
    """
    shown = visible_events(events, view)
    shown = shown[shown["department_code"] != ""]  # nationwide facts have no place on the map
    current = shown.index.isin(events_on(shown, view, current_since).index)
    forces = [main_force_type(actors, force_of_actor) for actors in shown["actor_list"]]
    is_massacre = (shown["event_type"] == "massacre").to_numpy()
    points = pd.DataFrame({
        "event_id": shown["event_id"].to_numpy(),
        "lon": shown["lon"].to_numpy(),
        "lat": shown["lat"].to_numpy(),
        "color": [FORCE_RGBA[force] for force in forces],
        "radius": [RADIUS_CURRENT_PX if now else RADIUS_PAST_PX for now in current],
        "line_color": [MASSACRE_RING_RGBA if massacre else WHITE_RGBA for massacre in is_massacre],
        "line_width": [3 if massacre else 1 for massacre in is_massacre],
    })
    texts = tooltip_column.loc[shown.index] if tooltip_column is not None else tooltips(shown, view.lang, actor_labels)
    points["tooltip"] = texts.to_numpy()
    return points


def legend_html(lang: str) -> str:
    """The map's legend: force-type colours, département states, the massacre ring."""
    def swatch(color: str, label: str, round_: bool = True, ring: str | None = None) -> str:
        radius = "50%" if round_ else "3px"
        border = f"3px solid {ring}" if ring else "1px solid #555"
        return (f'<span style="display:inline-flex;align-items:center;margin-right:1.1em;white-space:nowrap">'
                f'<span style="width:0.95em;height:0.95em;border-radius:{radius};background:{color};'
                f'border:{border};margin-right:0.35em;display:inline-block"></span>{escape_html(label)}</span>')

    forces = "".join(swatch(FORCE_COLORS_HEX[f], i18n.force_type_label(f, lang)) for f in FORCE_TYPES)
    states = "".join(swatch(STATE_COLORS_HEX[s], i18n.t(f"state_{s}", lang), round_=False)
                     for s in MAP_STATES)
    massacre = swatch("#ffffff", i18n.t("massacre_marker", lang), ring=MASSACRE_RING_HEX)
    return f'<div style="line-height:2">{forces}{massacre}<br/>{states}</div>'


class CompactDeck(pdk.Deck):
    """A Deck whose JSON has no indentation. pydeck indents by two spaces and puts every number
    of every colour on its own line: at 500 visible events that tripled the bytes sent on each
    animation frame (measured by benchmarks/bench_map.py)."""

    def to_json(self) -> str:
        return json.dumps(self, sort_keys=True, default=default_serialize, separators=(",", ":"))


def build_deck(events: pd.DataFrame, departments: pd.DataFrame, view: View, force_of_actor: dict[str, str],
               actor_labels: dict[str, str], current_since: dt.date | None = None,
               online_basemap: bool = False, tooltip_column: pd.Series | None = None,
               view_state: pdk.ViewState | None = None, states: pd.DataFrame | None = None) -> pdk.Deck:
    if states is None:
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
        data=event_points(events, view, force_of_actor, actor_labels, current_since, tooltip_column),
        get_position=["lon", "lat"],
        get_fill_color="color",
        get_line_color="line_color",
        get_line_width="line_width",
        get_radius="radius",
        # Quoted: pydeck turns any other string into a data accessor.
        radius_units="'pixels'",
        line_width_units="'pixels'",
        stroked=True,
        pickable=True,
        transitions={"getRadius": 300},
    )
    # Offline by default: map_provider=None *and no map_style argument*. pydeck then sends its
    # "__MAP_STYLE__" sentinel, which Streamlit drops; map_style=None or "" would make
    # Streamlit fetch Carto's style and tiles, which a classroom network may not reach.
    basemap = {"map_provider": "carto", "map_style": "light"} if online_basemap else {"map_provider": None}
    return CompactDeck(
        layers=[outlines, points],
        initial_view_state=view_state or FRANCE_VIEW,
        tooltip={"html": "{tooltip}", "style": {"fontSize": "15px", "maxWidth": "360px"}},
        **basemap,
    )
