"""The map's colours, sizes and views, shared by the map player, the charts and the legends."""

from __future__ import annotations

import json
from functools import lru_cache

import pydeck as pdk

from dashboard.filters import STATE_FRESH, STATE_LIBERATED, STATE_OCCUPIED, STATE_PARTIAL, STATE_RETAKEN
from dashboard.geo import STATIC_DEPARTMENTS_GEOJSON
from dashboard.references import OTHER_FORCE

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
    return [int(color[i : i + 2], 16) for i in (0, 2, 4)] + [alpha]


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


# A tooltip names only the first source, shortened; the full citations are in the event explorer
# and on the Sources page.
TOOLTIP_SOURCE_CHARS = 70


def short_source(source: str) -> str:
    first = source.split(" ; ")[0].strip()
    return first if len(first) <= TOOLTIP_SOURCE_CHARS else first[: TOOLTIP_SOURCE_CHARS - 1].rstrip() + "…"
