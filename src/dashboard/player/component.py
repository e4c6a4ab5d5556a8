"""Mount the map player: a Streamlit Components v2 component with inline html/css/js.

Part of the thin UI layer (it imports Streamlit). The data goes in with `data=`; the date comes
back through the `date` state value, on pause and on release of the range.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from dashboard.player import vendor
from dashboard.player.player import parse_reported_date

HERE = Path(__file__).resolve().parent
COMPONENT_NAME = "liberation_map_player"
CONTROL_NAME = "liberation_map_control"
# One module for the browser: the event layer's class first, then the player that uses it.
PLAYER_SCRIPTS = ("point_sprites.js", "player.js")


def _read(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


@st.cache_resource(show_spinner=False)
def _component():
    # Once per process: the copy of deck.gl that static serving sends to the browser, then the
    # component itself (its html/css/js are read once; restart the server after editing them).
    vendor.vendor()
    return st.components.v2.component(
        COMPONENT_NAME,
        html=_read("player.html"),
        css=_read("player.css"),
        js="\n".join(_read(name) for name in PLAYER_SCRIPTS),
        isolate_styles=False,
    )


@st.cache_resource(show_spinner=False)
def _control():
    return st.components.v2.component(CONTROL_NAME, js=_read("control.js"))


def render(payload: dict, control: dict, on_date: Callable[[dt.date], None], key: str = "map_player") -> None:
    """Draw the player with `payload` (player.build_payload) and `control` (player.control: the
    date Python asks for, the chapter's place, projection), sent apart so that moving the date
    does not send the payload again. `on_date(day)` runs, as a widget callback before the rerun,
    when the browser sends a date (pause, release, steps)."""
    first, last = dt.date.fromisoformat(payload["first"]), dt.date.fromisoformat(payload["last"])

    def reported() -> None:
        day = parse_reported_date(st.session_state.get(key, {}).get("date"), first, last)
        if day is not None:
            on_date(day)

    _component()(key=key, data=payload, on_date_change=reported)
    _control()(key=f"{key}_control", data=control)
