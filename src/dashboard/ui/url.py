"""The view and the address bar: read a shared link once, mirror the view in the URL, share it."""

from __future__ import annotations

import io
from urllib.parse import urlencode

import segno
import streamlit as st

from dashboard import i18n
from dashboard.text import escape_markdown
from dashboard.ui import state
from dashboard.ui.loading import chapters, load_bundle
from dashboard.view import OPENING_DATE, VIEW_PARAMS, View, to_query, view_from_query, within

DEFAULT_BASE = "http://localhost:8501/"


def browser_language() -> str:
    try:
        return i18n.normalize_language(st.context.locale)
    except Exception:  # AppTest and old browsers give no locale: French is the default.
        return i18n.DEFAULT_LANGUAGE


def read_url_once() -> None:
    """On a session's first run, make the view from the URL (a shared link): bad values keep
    their default, with a notice. Later runs ignore the URL: the widgets own the view then."""
    if state.remembered(state.URL_READ_KEY):
        return
    state.remember(state.URL_READ_KEY, True)
    bundle = load_bundle()
    # An unreadable table still gets a view (its language shows the error message).
    first, last = bundle.dates if not bundle.events.empty else (OPENING_DATE, OPENING_DATE)
    view, notices = view_from_query(
        st.query_params.to_dict(), first, last, bundle.refs.regions, chapters(), browser_language()
    )
    state.store_view(view)
    state.remember(state.URL_NOTICES_KEY, notices)


def current_view() -> View:
    """The stored view, its date kept within the table's range (the table may have changed)."""
    read_url_once()
    view = state.stored_view()
    bundle = load_bundle()
    if bundle.events.empty:
        return view
    kept = within(view, *bundle.dates)
    if kept != view:
        state.store_view(kept)
    return kept


def show_url_notices(lang: str) -> None:
    for notice in state.forget(state.URL_NOTICES_KEY, []):
        st.warning(
            i18n.t("url_notice", lang, param=escape_markdown(notice.param), value=escape_markdown(notice.value)),
            icon=":material/link_off:",
        )


def publish_view(view: View) -> None:
    """Mirror the view in the URL, so the address bar is always a link to what is shown.

    Sent on every run, even when `st.query_params` already holds these values: it holds the
    address the browser had when it asked for this run, and a run interrupted by this one may
    still have moved the address bar after that (three quick steps of the player: the run for
    the second date publishes it after the browser asked for the third). The browser adds a
    history entry only when the address really changes."""
    kept = {param: value for param, value in st.query_params.to_dict().items() if param not in VIEW_PARAMS}
    st.query_params.from_dict({**kept, **to_query(view)})


def share_link(view: View) -> str:
    """The address of this view, from the address the browser used to reach the app."""
    try:
        base = (st.context.url or "").split("?")[0]
    except Exception:  # AppTest has no browser address
        base = ""
    return f"{base or DEFAULT_BASE}?{urlencode(to_query(view), safe=',')}"


def share_widget(view: View, lang: str) -> None:
    """The link to the current view and its QR code, generated here (no web service). Built only
    while the box is open (opening it reruns the app), from the view of that run."""
    box = st.sidebar.expander(
        i18n.t("share", lang), icon=":material/qr_code_2:", key=state.widget_key("share"), on_change="rerun"
    )
    state.remember(state.SHARED_VIEW_KEY, view if box.open else None)
    if not box.open:
        return
    link = share_link(view)
    with box:
        st.code(link, language=None, wrap_lines=True)
        image = io.BytesIO()
        segno.make(link, error="m").save(image, kind="png", scale=5, border=2)
        st.image(image.getvalue(), caption=i18n.t("share_qr", lang), width=220)
        st.caption(i18n.t("share_hint", lang))


def refresh_share_box(view: View) -> None:
    """Redraw the app when the open share box shows another view than this one: the map's
    fragment changes the date without redrawing the sidebar, where the box is."""
    shown = state.remembered(state.SHARED_VIEW_KEY)
    if shown is not None and shown != view:
        st.rerun(scope="app")
