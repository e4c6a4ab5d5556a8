"""The one module of the package that imports Streamlit: cached loaders and shared widgets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import i18n
from dashboard.data import EVENT_TYPES, EVENTS_CSV, FORCE_TYPES, LoadResult, ReferenceTables, load_events, load_reference_tables
from dashboard.filters import View, date_range
from dashboard.text import escape_markdown

# The view lives under these keys. Widgets get their own keys ("widget." + key) and copy
# their value back on change, because Streamlit forgets a widget's state on a page that does
# not draw it, and the view must survive a page change.
LANG_KEY = "lang"
DATE_KEY = "date"
FORCE_KEY = "force_types"
TYPE_KEY = "event_types"
REGION_KEY = "regions"


def _bind(key: str, default: object) -> dict:
    """Keyword arguments binding a widget to the view key `key`."""
    if key not in st.session_state:
        st.session_state[key] = default
    widget_key = f"widget.{key}"
    st.session_state[widget_key] = st.session_state[key]

    def copy_back() -> None:
        st.session_state[key] = st.session_state[widget_key]

    return {"key": widget_key, "on_change": copy_back}


@dataclass(frozen=True)
class Bundle:
    """The bundled data, loaded and validated once per server process (and per file change)."""

    result: LoadResult
    refs: ReferenceTables

    @property
    def events(self) -> pd.DataFrame:
        return self.result.events

    @property
    def force_of_actor(self) -> dict[str, str]:
        return self.refs.force_type_of_actor

    def actor_labels(self, lang: str) -> dict[str, str]:
        column = "label_en" if lang == "en" else "label_fr"
        return dict(zip(self.refs.actors["actor"], self.refs.actors[column]))


@st.cache_resource(show_spinner=False)
def _load_bundle(modified: float) -> Bundle:
    # Keyed on the file's modification time so an edited events.csv is picked up without a
    # restart. cache_resource, not cache_data: the frames are shared read-only, not copied on
    # every rerun (pages never mutate them).
    return Bundle(load_events(EVENTS_CSV), load_reference_tables())


def load_bundle() -> Bundle:
    return _load_bundle(EVENTS_CSV.stat().st_mtime)


def browser_language() -> str:
    try:
        return i18n.normalize_language(st.context.locale)
    except Exception:  # AppTest and old browsers give no locale: French is the default.
        return i18n.DEFAULT_LANGUAGE


def language_selector() -> str:
    """The FR/EN switch in the sidebar; defaults from the browser's locale, French otherwise."""
    st.sidebar.segmented_control(
        "Langue / Language", options=list(i18n.LANGUAGES), required=True,
        format_func=lambda code: {"fr": "Français", "en": "English"}[code],
        **_bind(LANG_KEY, browser_language()),
    )
    return current_language()


def current_language() -> str:
    if LANG_KEY in st.session_state:
        return i18n.normalize_language(st.session_state[LANG_KEY])
    return browser_language()


def filter_widgets(bundle: Bundle, lang: str) -> None:
    """Force type, event type and région filters, shared by every page through session state."""
    st.sidebar.subheader(i18n.t("filters", lang))
    st.sidebar.multiselect(i18n.t("filter_force", lang), FORCE_TYPES,
                           format_func=lambda force: i18n.force_type_label(force, lang),
                           placeholder=i18n.t("filter_all", lang), **_bind(FORCE_KEY, []))
    st.sidebar.multiselect(i18n.t("filter_type", lang), EVENT_TYPES,
                           format_func=lambda kind: i18n.event_type_label(kind, lang),
                           placeholder=i18n.t("filter_all", lang), **_bind(TYPE_KEY, []))
    st.sidebar.multiselect(i18n.t("filter_region", lang), bundle.refs.regions,
                           format_func=lambda region: i18n.region_label(region, lang),
                           placeholder=i18n.t("filter_all", lang), **_bind(REGION_KEY, []))


def selected_date(bundle: Bundle) -> dt.date:
    first, last = date_range(bundle.events)
    chosen = st.session_state.get(DATE_KEY, first)
    return min(max(chosen, first), last)


def current_view(bundle: Bundle) -> View:
    return View(
        date=selected_date(bundle),
        lang=current_language(),
        force_types=tuple(st.session_state.get(FORCE_KEY, ())),
        event_types=tuple(st.session_state.get(TYPE_KEY, ())),
        regions=tuple(st.session_state.get(REGION_KEY, ())),
    )


def date_slider(bundle: Bundle, lang: str) -> dt.date:
    first, last = date_range(bundle.events)
    st.session_state[DATE_KEY] = selected_date(bundle)  # clamp a date left by another table
    st.slider(i18n.t("date", lang), min_value=first, max_value=last, step=dt.timedelta(days=1),
              format="YYYY-MM-DD", **_bind(DATE_KEY, first))
    return selected_date(bundle)


def show_problems(result: LoadResult, lang: str) -> None:
    """Every problem of the table, as plain text (never as Markdown or HTML)."""
    if not result.problems:
        return
    lines = "\n".join(f"- {escape_markdown(problem.text(lang))}" for problem in result.problems[:200])
    st.warning(i18n.t("data_problems", lang, n=len(result.problems)) + "\n\n" + lines)


def plain(text: object) -> str:
    """Data text for st.markdown, shown literally."""
    return escape_markdown(text)


def require_events(bundle: Bundle, lang: str) -> None:
    """Show the table's problems; stop the page when no valid event is left to show."""
    show_problems(bundle.result, lang)
    if bundle.events.empty:
        st.error(i18n.t("data_unreadable", lang))
        st.stop()


def page_setup() -> tuple[Bundle, str]:
    """What every page starts with: the data, the shared sidebar, and the page's language."""
    bundle = load_bundle()
    lang = language_selector()
    filter_widgets(bundle, lang)
    st.sidebar.caption(i18n.t("licence_geo", lang))
    require_events(bundle, lang)
    return bundle, lang
