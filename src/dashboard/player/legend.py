"""What the map player says and shows beside the map: its words in the page's language, its
speeds and its legend's colours (the data it plays is built in player.py)."""

from __future__ import annotations

from typing import Any

from dashboard import i18n
from dashboard.data import FORCE_TYPES
from dashboard.filters import STATE_OCCUPIED
from dashboard.map_layers import FORCE_COLORS_HEX, MAP_STATES, MASSACRE_RING_HEX, STATE_COLORS_HEX
from dashboard.player.points import POINT_FORCES  # the legend lists the colours points can have
from dashboard.player.story import DISPUTED_GLYPH, POCKET_OUTLINE_RGBA

# Speeds in days per second, and "one event date per step" (SPEED_EVENT).
SPEED_EVENT = "event"
SPEEDS = ("0.5", "1", "2", "4", "8", "16", SPEED_EVENT)
DEFAULT_SPEED = "4"


def labels(lang: str) -> dict:
    """The player's words, in the page's language."""
    keys = (
        "play",
        "pause",
        "speed",
        "speed_event",
        "save_png",
        "map_label",
        "timeline_label",
        "departments_freed",
        "departments_freed_pockets",
        "events_of_day_short",
        "no_event_today",
        "col_source",
        "legend_forces",
        "massacre_marker",
        "tooltip_close",
        "keyboard_help",
        "pocket_area",
        "pocket_tooltip",
        "disputed_marker",
        "disputed_table_date",
        "disputed_other_dates",
    )
    strings: dict[str, Any] = {key: i18n.t(key, lang) for key in keys}
    strings["speeds"] = {
        speed: (
            i18n.t("speed_event", lang)
            if speed == SPEED_EVENT
            else i18n.t("speed_days", lang, n=speed.replace(".5", "½").replace("0½", "½"))
        )
        for speed in SPEEDS
    }
    strings["steps"] = {
        action: i18n.t(f"step_{action}", lang)
        for action in (
            "start",
            "previous_event",
            "minus_week",
            "minus_day",
            "plus_day",
            "plus_week",
            "next_event",
            "end",
        )
    }
    strings["months"] = list(i18n.MONTHS[i18n.normalize_language(lang)])
    strings["forces"] = [i18n.force_type_label(force, lang) for force in FORCE_TYPES]
    strings["states"] = [i18n.t(f"state_{state}", lang) for state in MAP_STATES]
    return strings


def legend() -> dict:
    return {
        # The palette of the points, in the order of the legend's forces.
        "forces": [FORCE_COLORS_HEX[force] for force in POINT_FORCES],
        "states": [STATE_COLORS_HEX[state] for state in MAP_STATES],
        "massacre": MASSACRE_RING_HEX,
        "pocket_fill": STATE_COLORS_HEX[STATE_OCCUPIED],
        "pocket_outline": "#{:02x}{:02x}{:02x}".format(*POCKET_OUTLINE_RGBA[:3]),
        "disputed_ring": "#000000",
        "disputed_glyph": DISPUTED_GLYPH,
    }
