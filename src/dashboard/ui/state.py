"""The session's state: the one stored view, and the few settings beside it.

Every session key lives here. The view is kept whole under VIEW_KEY and replaced only by
`store_view`, with a view made by the pure functions of dashboard.view. Widgets have their
own keys ("widget." + name): Streamlit forgets a widget's state on a page that does not draw
it, so a widget is given its value from the view before it is drawn, and its callback turns
the new value into a new view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from dashboard.view import View

VIEW_KEY = "view"
URL_READ_KEY = "url_read"  # the shared link has been read (once per session)
URL_NOTICES_KEY = "url_notices"  # the link's ignored values, shown once
SHARED_VIEW_KEY = "shared_view"  # the view the open share box shows (None: box closed)
# Settings that are not part of a shared view.
AUTO_CHAPTER_KEY = "auto_chapters"
CHAPTER_SHOWN_AT_KEY = "chapter_shown_at"  # when the current chapter appeared (auto-advance)
# Which table the session shows (issue 11): the bundled one, or the class's own it uploaded.
# The uploaded table itself is kept under OWN_TABLE_KEY (ui.loading.OwnTableState): in this
# session only, never written to data/, never in a cache another session reads.
TABLE_KEY = "table_shown"
BUNDLED_TABLE, OWN_TABLE = "bundled", "own"
OWN_TABLE_KEY = "own_table"
# The map player (ui/player.py): where Python last knows it to be, and the last date it sent it to.
PLAYER_AT_KEY = "player.at"
PLAYER_JUMP_KEY = "player.jump"


def table_shown() -> str:
    """BUNDLED_TABLE or OWN_TABLE: the session's choice (ui.loading checks the own table is usable)."""
    return st.session_state.get(TABLE_KEY, BUNDLED_TABLE)


def show_table(which: str) -> None:
    assert which in (BUNDLED_TABLE, OWN_TABLE)
    st.session_state[TABLE_KEY] = which


def widget_key(name: str) -> str:
    return f"widget.{name}"


def has_view() -> bool:
    return VIEW_KEY in st.session_state


def stored_view() -> View:
    view = st.session_state[VIEW_KEY]
    assert isinstance(view, View)
    return view


def store_view(view: View) -> None:
    st.session_state[VIEW_KEY] = view


def update_view(change: Callable[[View], View]) -> None:
    """Replace the view by `change(view)`: the shape of every widget callback."""
    store_view(change(stored_view()))


def remembered(key: str, default: Any = None) -> Any:
    return st.session_state.get(key, default)


def remember(key: str, value: Any) -> None:
    st.session_state[key] = value


def forget(key: str, default: Any = None) -> Any:
    return st.session_state.pop(key, default)


def show_in_widget(name: str, value: Any) -> str:
    """Give the widget `name` its value from the stored state before it is drawn; its key."""
    key = widget_key(name)
    st.session_state[key] = value
    return key


def widget_value(name: str) -> Any:
    """The value a widget's callback has just received."""
    return st.session_state[widget_key(name)]


def bind_setting(name: str, default: Any) -> dict[str, Any]:
    """Keyword arguments binding a widget to the setting `name` (kept when the page changes)."""
    if name not in st.session_state:
        st.session_state[name] = default
    key = show_in_widget(name, st.session_state[name])

    def copy_back() -> None:
        st.session_state[name] = st.session_state[key]

    return {"key": key, "on_change": copy_back}
