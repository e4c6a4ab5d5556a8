"""What every page starts with: the data, the view, the shared sidebar, which table is shown
(with the way back to the bundled one), the data's problems."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import i18n
from dashboard.data import EVENT_TYPES, FORCE_TYPES, LoadResult
from dashboard.text import escape_markdown
from dashboard.ui import state
from dashboard.ui.legacy import leave_legacy_multipage_mode
from dashboard.ui.loading import Bundle, chapter_problems, load_bundle, own_table, pockets, shown_own_table
from dashboard.ui.url import (
    current_view,
    publish_view,
    read_url_once,
    refresh_share_box,
    share_widget,
    show_url_notices,
)
from dashboard.view import PRESENT, View, with_date, with_filters, with_language

LANGUAGE_NAMES = {"fr": "Français", "en": "English"}
# The slider writes its dates in the browser with Moment.js, whose month names are English: French
# gets digits in its own order, English its month names.
SLIDER_DATE_FORMATS = {"fr": "DD/MM/YYYY", "en": "D MMMM YYYY"}
MAX_PROBLEMS_SHOWN = 200
MAX_CHAPTER_PROBLEMS_SHOWN = 20

# Our own constant CSS (no data in it): large type and controls for a projector, less chrome.
PRESENT_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 24px; }
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
[data-testid="stAppViewContainer"] label, [data-testid="stCaptionContainer"] { font-size: 24px !important; }
[data-testid="stAppViewContainer"] h1 { font-size: 4.2rem !important; line-height: 1.1; color: #000; }
[data-testid="stHeader"], [data-testid="stToolbar"], footer { display: none !important; }
.block-container { padding: 0.8rem 1rem 2rem !important; max-width: 100% !important; }
button { min-height: 3rem; font-size: 1.4rem !important; }
</style>
"""


def current_language() -> str:
    return current_view().lang


def present_mode() -> bool:
    return current_view().mode == PRESENT


def _language_changed() -> None:
    state.update_view(lambda view: with_language(view, state.widget_value("lang")))


def _filters_changed() -> None:
    state.update_view(
        lambda view: with_filters(
            view,
            force_types=state.widget_value("force_types"),
            event_types=state.widget_value("event_types"),
            regions=state.widget_value("regions"),
        )
    )


def _date_changed() -> None:
    state.update_view(lambda view: with_date(view, state.widget_value("date")))


def language_selector(view: View) -> None:
    """The FR/EN switch in the sidebar; it defaults from the browser's locale, French otherwise."""
    st.sidebar.segmented_control(
        "Langue / Language",
        options=list(i18n.LANGUAGES),
        required=True,
        format_func=LANGUAGE_NAMES.__getitem__,
        key=state.show_in_widget("lang", view.lang),
        on_change=_language_changed,
    )


def filter_widgets(bundle: Bundle, view: View) -> None:
    """Force type, event type and région filters, shared by every page."""
    lang = view.lang
    st.sidebar.subheader(i18n.t("filters", lang))
    everything = i18n.t("filter_all", lang)
    for name, label, options, format_label, chosen in (
        ("force_types", "filter_force", FORCE_TYPES, i18n.force_type_label, view.force_types),
        ("event_types", "filter_type", EVENT_TYPES, i18n.event_type_label, view.event_types),
        ("regions", "filter_region", bundle.refs.regions, i18n.region_label, view.regions),
    ):
        st.sidebar.multiselect(
            i18n.t(label, lang),
            options,
            placeholder=everything,
            format_func=lambda value, f=format_label: f(value, lang),  # type: ignore[misc]
            key=state.show_in_widget(name, list(chosen)),
            on_change=_filters_changed,
        )


def date_slider(bundle: Bundle, view: View) -> None:
    first, last = bundle.dates
    last = max(last, first + dt.timedelta(days=1))  # a slider needs two ends: a class's table may hold one day
    st.slider(
        i18n.t("date", view.lang),
        min_value=first,
        max_value=last,
        step=dt.timedelta(days=1),
        format=SLIDER_DATE_FORMATS[view.lang],
        key=state.show_in_widget("date", view.date),
        on_change=_date_changed,
    )


def show_problems(result: LoadResult, lang: str) -> None:
    """Every problem of the table, as plain text (never as Markdown or HTML)."""
    if not result.problems:
        return
    lines = "\n".join(f"- {escape_markdown(problem.text(lang))}" for problem in result.problems[:MAX_PROBLEMS_SHOWN])
    st.warning(i18n.t("data_problems", lang, n=len(result.problems)) + "\n\n" + lines)


def require_events(bundle: Bundle, lang: str) -> None:
    """Show the table's problems; stop the page when no valid event is left to show."""
    show_problems(bundle.result, lang)
    if bundle.events.empty:
        st.error(i18n.t("data_unreadable", lang))
        st.stop()


def table_banner(lang: str) -> None:
    """On every page, once the session has uploaded a usable table: which table is shown, and
    the button to the other one. The file's name is data: shown as text, never as Markdown."""
    uploaded = own_table()
    if uploaded is None or not uploaded.own.usable:
        return
    own = uploaded.own
    if shown_own_table() is not None:
        with st.container(border=True):
            text, button = st.columns([4, 1.3], vertical_alignment="center")
            text.markdown(
                ":material/upload_file: "
                + escape_markdown(i18n.t("banner_own", lang, name=own.name, n=len(own.events)))
            )
            button.button(
                i18n.t("back_to_bundled", lang),
                key="banner.back",
                icon=":material/undo:",
                on_click=state.show_table,
                args=(state.BUNDLED_TABLE,),
                width="stretch",
            )
    else:
        text, button = st.columns([4, 1.3], vertical_alignment="center")
        text.caption(escape_markdown(i18n.t("banner_bundled", lang, name=own.name)))
        button.button(
            i18n.t("show_own", lang),
            key="banner.own",
            icon=":material/upload_file:",
            on_click=state.show_table,
            args=(state.OWN_TABLE,),
            width="stretch",
        )


def present_mode_style(view: View) -> None:
    if view.mode == PRESENT:
        st.html(PRESENT_CSS)


def page_setup() -> tuple[Bundle, View]:
    """What every page starts with: the data, the view (from a shared link on the first run),
    the shared sidebar; the page then draws from the returned view."""
    leave_legacy_multipage_mode()
    read_url_once()
    bundle = load_bundle()
    view = current_view()
    language_selector(view)
    table_banner(view.lang)
    filter_widgets(bundle, view)
    share_widget(view, view.lang)
    st.sidebar.caption(i18n.t("licence_geo", view.lang))
    present_mode_style(view)
    show_url_notices(view.lang)
    require_events(bundle, view.lang)
    # The chapters' and the pockets' files are the data folder's too: a broken one is said, not
    # silently dropped from the tour or the map.
    for problem in [*chapter_problems(), *pockets().problems][:MAX_CHAPTER_PROBLEMS_SHOWN]:
        st.warning(escape_markdown(problem.text(view.lang)))
    return bundle, view


def finish_page(view: View) -> None:
    """The page's last word: the address bar and the share box show what was drawn."""
    publish_view(view)
    refresh_share_box(view)
