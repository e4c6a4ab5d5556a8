"""Time controls of the map page: step buttons, play/pause, speed, and the server-side animation.

Due to be replaced by the browser player: nothing outside this module and dashboard.timeline
knows about frames, so both can be deleted together. Every date change goes through
`dashboard.view.with_date`, like the slider's.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import i18n
from dashboard.filters import date_range, event_dates, filtered_events
from dashboard.timeline import (DEFAULT_SPEED, SPEED_EVENT, SPEEDS, STEP_ACTIONS, Frame, Timeline, frame_plan,
                                next_frame, play_start, window_start)
from dashboard.ui import state
from dashboard.ui.loading import Bundle
from dashboard.ui.url import current_view
from dashboard.view import View, with_date

STEP_BUTTONS = {  # action -> (icon, keyboard shortcut)
    "start": (":material/first_page:", "Home"),
    "previous_event": (":material/skip_previous:", "Left"),
    "minus_week": (":material/keyboard_double_arrow_left:", "PageUp"),
    "minus_day": (":material/chevron_left:", "Shift+Left"),
    "plus_day": (":material/chevron_right:", "Shift+Right"),
    "plus_week": (":material/keyboard_double_arrow_right:", "PageDown"),
    "next_event": (":material/skip_next:", "Right"),
    "end": (":material/last_page:", "End"),
}


def timeline(bundle: Bundle, view: View) -> Timeline:
    """The table's whole range; event dates follow the filters, so ← / → skip to what is shown."""
    first, last = date_range(bundle.events)
    dates = tuple(event_dates(filtered_events(bundle.events, view))) or (first,)
    return Timeline(first, last, dates)


def is_playing() -> bool:
    return bool(state.remembered(state.PLAYING_KEY, False))


def _speed() -> str:
    return str(state.remembered(state.SPEED_KEY, DEFAULT_SPEED))


def animation_interval() -> float | None:
    """Seconds between animation frames, or None when paused (the fragment then never reruns alone)."""
    return frame_plan(_speed())[0] if is_playing() else None


def go_to_date(day: dt.date) -> None:
    """A step button's callback: it carries the date to reach, so a replayed click is harmless."""
    state.update_view(lambda view: with_date(view, day))


def set_playing(playing: bool, start: dt.date) -> None:
    """The play/pause callback: it carries the state to reach (and where playing starts), so
    Streamlit's replay of a click, seen when a frame's rerun interrupts the click's run, changes nothing."""
    if playing and not is_playing():
        go_to_date(start)
        state.forget(state.FRAME_KEY)
    state.remember(state.PLAYING_KEY, playing)


def advance_animation(bundle: Bundle) -> None:
    """One animation frame: move the date on; at the end, pause and rerun the app to stop the timer."""
    if not is_playing():
        return
    view = current_view()
    following, finished = next_frame(timeline(bundle, view), view.date, _speed())
    go_to_date(following)
    state.remember(state.FRAME_KEY, Frame(following, min(view.date + dt.timedelta(days=1), following)))
    if finished:
        state.remember(state.PLAYING_KEY, False)
        st.rerun()


def current_window_start(view: View) -> dt.date:
    """First day of the events drawn as current: the last frame's step while the view is at its day."""
    return window_start(state.remembered(state.FRAME_KEY), view.date)


def time_controls(bundle: Bundle, view: View) -> None:
    """The eight step buttons, with their keyboard shortcuts."""
    line = timeline(bundle, view)
    columns = st.columns(len(STEP_ACTIONS), vertical_alignment="bottom")
    for column, action in zip(columns, STEP_ACTIONS, strict=True):
        icon, shortcut = STEP_BUTTONS[action]
        column.button("", icon=icon, key=f"step.{action}", shortcut=shortcut, help=i18n.t(f"step_{action}", view.lang),
                      on_click=go_to_date, args=(line.step(view.date, action),), width="stretch")


def _speed_label(speed: str, lang: str) -> str:
    return i18n.t("speed_event", lang) if speed == SPEED_EVENT else i18n.t("speed_days", lang, n=speed)


def playback_settings(bundle: Bundle, view: View) -> None:
    """Play/pause, speed and the optional online background map. Outside the animated fragment on
    purpose: changing them reruns the whole app, which gives the fragment its new interval."""
    lang = view.lang
    play_column, speed_column, basemap_column = st.columns([1, 1, 1.2], vertical_alignment="bottom")
    playing = is_playing()
    play_column.button(i18n.t("pause", lang) if playing else i18n.t("play", lang),
                       icon=":material/pause:" if playing else ":material/play_arrow:",
                       key="play", shortcut="Space", type="primary", width="stretch",
                       on_click=set_playing, args=(not playing, play_start(timeline(bundle, view), view.date)))
    speed_column.selectbox(i18n.t("speed", lang), SPEEDS, format_func=lambda speed: _speed_label(speed, lang),
                           **state.bind_setting(state.SPEED_KEY, DEFAULT_SPEED))
    basemap_column.toggle(i18n.t("online_basemap", lang), help=i18n.t("online_basemap_help", lang),
                          **state.bind_setting(state.BASEMAP_KEY, False))


def online_basemap() -> bool:
    return bool(state.remembered(state.BASEMAP_KEY, False))
