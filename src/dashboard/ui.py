"""The one module of the package that imports Streamlit: cached loaders and shared widgets."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import time
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd
import segno
import streamlit as st

from dashboard import i18n
from dashboard.data import EVENT_TYPES, EVENTS_CSV, FORCE_TYPES, LoadResult, ReferenceTables, load_events, load_reference_tables
from dashboard.charts import localized
from dashboard.filters import View, date_range, event_dates, filtered_events
from dashboard.map_layers import tooltips
from dashboard.chapters import CHAPTERS_CSV, Chapter, chapter_sources, load_chapters, neighbour
from dashboard.urlstate import (CHAPTER_PARAM, DATE_PARAM, FORCE_PARAM, LANG_PARAM, MODE_PARAM, REGION_PARAM, TYPE_PARAM,
                                parse_query, to_query)
from dashboard.timeline import DEFAULT_SPEED, opening_date, SPEED_EVENT, SPEEDS, STEP_ACTIONS, Timeline, frame_plan, next_frame, play_start
from dashboard.text import escape_markdown, safe_csv
from dashboard.geocode import Communes, load_communes
from dashboard.upload import OwnTable, read_own_table

# The view lives under these keys. Widgets get their own keys ("widget." + key) and copy
# their value back on change, because Streamlit forgets a widget's state on a page that does
# not draw it, and the view must survive a page change.
LANG_KEY = "lang"
DATE_KEY = "date"
FORCE_KEY = "force_types"
TYPE_KEY = "event_types"
REGION_KEY = "regions"
PLAYING_KEY = "playing"
SPEED_KEY = "speed"
WINDOW_START_KEY = "window_start"  # first day of the current animation step
BASEMAP_KEY = "online_basemap"
CHAPTER_KEY = "chapter"
MODE_KEY = "mode"
AUTO_CHAPTER_KEY = "auto_chapters"
CHAPTER_SECONDS = 20  # auto-advance: time to read a chapter aloud and look at the map
FREE_EXPLORATION = ""  # the chapter choice meaning "no chapter"


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


@st.cache_resource(show_spinner=False, max_entries=4)
def _tooltips(modified: float, lang: str) -> pd.Series:
    bundle = _load_bundle(modified)
    return tooltips(bundle.events, lang, bundle.actor_labels(lang))


def tooltip_column(lang: str) -> pd.Series:
    """Every event's tooltip, built once per language instead of on every animation frame."""
    if showing_own_table():
        state = own_table()
        if lang not in state.tooltips:
            state.tooltips[lang] = tooltips(state.bundle.events, lang, state.bundle.actor_labels(lang))
        return state.tooltips[lang]
    return _tooltips(EVENTS_CSV.stat().st_mtime, lang)


@st.cache_resource(show_spinner=False)
def _load_bundle(modified: float) -> Bundle:
    # Keyed on the file's modification time so an edited events.csv is picked up without a
    # restart. cache_resource, not cache_data: the frames are shared read-only, not copied on
    # every rerun (pages never mutate them).
    return Bundle(load_events(EVENTS_CSV), load_reference_tables())


def load_bundle() -> Bundle:
    """The table this session shows: the class's own if chosen (see below), else the bundled one."""
    if showing_own_table():
        return own_table().bundle
    return _load_bundle(EVENTS_CSV.stat().st_mtime)


@st.cache_resource(show_spinner=False)
def _load_chapters(events_modified: float, chapters_modified: float) -> tuple[list[Chapter], list]:
    bundle = _load_bundle(events_modified)
    return load_chapters(set(bundle.events["event_id"]), set(bundle.refs.regions))


def chapters() -> list[Chapter]:
    story = _load_chapters(EVENTS_CSV.stat().st_mtime, CHAPTERS_CSV.stat().st_mtime)[0]
    if showing_own_table():  # the chapters that still apply: every event they tell is in the table
        ids = set(own_table().bundle.events["event_id"])
        return [chapter for chapter in story if set(chapter.event_ids) <= ids]
    return story


def chapter_problems() -> list:
    if showing_own_table():
        return []  # problems of the bundled chapters are not the class's to fix
    return _load_chapters(EVENTS_CSV.stat().st_mtime, CHAPTERS_CSV.stat().st_mtime)[1]


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
    chosen = st.session_state.get(DATE_KEY, opening_date(first, last))
    return min(max(chosen, first), last)


def current_mode() -> str:
    return st.session_state.get(MODE_KEY, "explore")


def current_view(bundle: Bundle) -> View:
    return View(
        date=selected_date(bundle),
        lang=current_language(),
        force_types=tuple(st.session_state.get(FORCE_KEY, ())),
        event_types=tuple(st.session_state.get(TYPE_KEY, ())),
        regions=tuple(st.session_state.get(REGION_KEY, ())),
        chapter=st.session_state.get(CHAPTER_KEY),
        mode=current_mode(),
    )


def date_slider(bundle: Bundle, lang: str) -> dt.date:
    first, last = date_range(bundle.events)
    st.session_state[DATE_KEY] = selected_date(bundle)  # clamp a date left by another table
    # A slider needs two distinct ends: a class's table may hold a single day.
    last = max(last, first + dt.timedelta(days=1))
    st.slider(i18n.t("date", lang), min_value=first, max_value=last, step=dt.timedelta(days=1),
              format="YYYY-MM-DD", **_bind(DATE_KEY, opening_date(first, last)))
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


def _leave_legacy_multipage_mode() -> None:
    """Make sure this run went through app.py's st.navigation.

    With a pages/ folder next to app.py, Streamlit 1.67 runs a process's first request (and
    every AppTest run) through its legacy multipage runner, which executes the page file alone,
    without app.py, and keeps doing so until st.navigation is called. Switching the flag off and
    rerunning sends this same URL through app.py, whose navigation knows the page by its file name.
    """
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


URL_READ_KEY = "url_read"
URL_NOTICES_KEY = "url_notices"
_PARAM_TO_KEY = {DATE_PARAM: DATE_KEY, LANG_PARAM: LANG_KEY, FORCE_PARAM: FORCE_KEY, TYPE_PARAM: TYPE_KEY,
                 REGION_PARAM: REGION_KEY, CHAPTER_PARAM: CHAPTER_KEY, MODE_PARAM: MODE_KEY}


def read_url_once() -> None:
    """On a session's first run, take the view from the URL (a shared link); bad values are
    dropped with a notice. Later runs ignore the URL: the widgets own the view from then on."""
    if st.session_state.get(URL_READ_KEY):
        return
    st.session_state[URL_READ_KEY] = True
    bundle = load_bundle()
    if bundle.events.empty:
        return
    first, last = date_range(bundle.events)
    chapter_ids = [chapter.chapter_id for chapter in chapters()]
    parsed = parse_query(st.query_params.to_dict(), first, last, bundle.refs.regions, chapter_ids)
    if CHAPTER_PARAM in parsed.values:
        # A chapter sets date and filters; the link's own date and filters, if any, then win.
        _apply_chapter_state(next(c for c in chapters() if c.chapter_id == parsed.values[CHAPTER_PARAM]))
    for param, value in parsed.values.items():
        st.session_state[_PARAM_TO_KEY[param]] = value
    st.session_state[URL_NOTICES_KEY] = parsed.notices


def show_url_notices(lang: str) -> None:
    for notice in st.session_state.pop(URL_NOTICES_KEY, []):
        st.warning(i18n.t("url_notice", lang, param=escape_markdown(notice.param), value=escape_markdown(notice.value)),
                   icon=":material/link_off:")


def publish_view(view: View) -> None:
    """Mirror the view in the URL, so the address bar is always a link to what is shown."""
    wanted = to_query(view.date, view.lang, view.force_types, view.event_types, view.regions, view.chapter, view.mode)
    for param in _PARAM_TO_KEY:
        if param not in wanted and param in st.query_params:
            del st.query_params[param]
    changed = {param: value for param, value in wanted.items() if st.query_params.get(param) != value}
    if changed:
        st.query_params.update(changed)


def page_setup() -> tuple[Bundle, str]:
    """What every page starts with: the data, the view from a shared link, the shared sidebar,
    and the page's language."""
    _leave_legacy_multipage_mode()
    read_url_once()
    bundle = load_bundle()
    lang = language_selector()
    table_banner(lang)
    filter_widgets(bundle, lang)
    share_widget(bundle, lang)
    st.sidebar.caption(i18n.t("licence_geo", lang))
    present_mode_style()
    show_url_notices(lang)
    for problem in chapter_problems()[:20]:
        st.warning(escape_markdown(problem.text(lang)))
    require_events(bundle, lang)
    return bundle, lang


# --- Time controls -------------------------------------------------------------------------

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
    return bool(st.session_state.get(PLAYING_KEY, False))


def animation_interval() -> float | None:
    """Seconds between animation frames, or None when paused (the fragment then never reruns alone)."""
    if not is_playing():
        return None
    return frame_plan(st.session_state.get(SPEED_KEY, DEFAULT_SPEED))[0]


def _set_date(day: dt.date, window_start: dt.date | None = None) -> None:
    st.session_state[DATE_KEY] = day
    st.session_state[WINDOW_START_KEY] = window_start or day


def advance_animation(bundle: Bundle) -> None:
    """One animation frame: move the date on; at the end, pause and rerun the app to stop the timer."""
    if not is_playing():
        return
    line = timeline(bundle, current_view(bundle))
    day = selected_date(bundle)
    following, finished = next_frame(line, day, st.session_state.get(SPEED_KEY, DEFAULT_SPEED))
    _set_date(following, min(day + dt.timedelta(days=1), following))
    if finished:
        st.session_state[PLAYING_KEY] = False
        st.rerun()


# A click's callback can run twice: when an animation frame's rerun interrupts the run that
# handled the click, Streamlit replays the click's trigger in the coalesced rerun (measured in
# Chromium: Space to pause then toggled back to play about one time in two). A second toggle
# this soon after the first is that replay, not a person.
REPLAYED_CLICK_SECONDS = 0.8
_clock = time.monotonic  # replaced in tests


def _first_of_click(name: str) -> bool:
    """True the first time a click's callback runs; False for Streamlit's replay of it."""
    now = _clock()
    key = f"last_click.{name}"
    if now - st.session_state.get(key, float("-inf")) < REPLAYED_CLICK_SECONDS:
        return False
    st.session_state[key] = now
    return True


def toggle_play(bundle: Bundle) -> None:
    if not _first_of_click("play"):
        return
    if is_playing():
        st.session_state[PLAYING_KEY] = False  # the slider stays on the date reached
    else:
        line = timeline(bundle, current_view(bundle))
        _set_date(play_start(line, selected_date(bundle)))
        st.session_state[PLAYING_KEY] = True


def _step(bundle: Bundle, action: str) -> None:
    if not _first_of_click("step"):
        return
    line = timeline(bundle, current_view(bundle))
    _set_date(line.step(selected_date(bundle), action))


def time_controls(bundle: Bundle, lang: str) -> None:
    """The eight step buttons, with their keyboard shortcuts."""
    columns = st.columns(len(STEP_ACTIONS), vertical_alignment="bottom")
    for column, action in zip(columns, STEP_ACTIONS):
        icon, shortcut = STEP_BUTTONS[action]
        column.button("", icon=icon, key=f"step.{action}", shortcut=shortcut, help=i18n.t(f"step_{action}", lang),
                      on_click=_step, args=(bundle, action), width="stretch")


def playback_settings(bundle: Bundle, lang: str) -> bool:
    """Play/pause, speed and the optional online background map. Outside the animated fragment on purpose:
    changing them reruns the whole app, which is what gives the fragment its new interval.
    Returns whether the online background map is wanted."""
    play_column, speed_column, basemap_column = st.columns([1, 1, 1.2], vertical_alignment="bottom")
    label = i18n.t("pause", lang) if is_playing() else i18n.t("play", lang)
    icon = ":material/pause:" if is_playing() else ":material/play_arrow:"
    # A click here reruns the whole app, which gives the map fragment its new run_every.
    play_column.button(label, icon=icon, key="play", shortcut="Space", type="primary", width="stretch",
                       on_click=toggle_play, args=(bundle,))
    speed_column.selectbox(
        i18n.t("speed", lang), SPEEDS,
        format_func=lambda speed: i18n.t("speed_event", lang) if speed == SPEED_EVENT else i18n.t("speed_days", lang, n=speed),
        **_bind(SPEED_KEY, DEFAULT_SPEED),
    )
    basemap_column.toggle(i18n.t("online_basemap", lang), help=i18n.t("online_basemap_help", lang),
                          **_bind(BASEMAP_KEY, False))
    return bool(st.session_state[BASEMAP_KEY])


def window_start(day: dt.date) -> dt.date:
    """First day of the current step: the frame's window while playing, the day itself otherwise."""
    start = st.session_state.get(WINDOW_START_KEY, day)
    return start if start <= day else day


def chart_with_table(table: pd.DataFrame, figure_of, name: str, lang: str,
                     actor_labels: dict[str, str] | None = None) -> None:
    """A chart, then its accessible twin: the same numbers as a table and as a CSV download.
    An empty table (a filter matching nothing) is said in words instead of an empty chart."""
    if table.empty or ("events" in table and table["events"].sum() == 0):
        st.info(i18n.t("no_match", lang))
        return
    st.plotly_chart(figure_of(table), key=f"chart.{name}", config={"displaylogo": False})
    shown = localized(table, lang, actor_labels)
    with st.expander(i18n.t("chart_data", lang)):
        st.dataframe(shown, hide_index=True, key=f"table.{name}")
        st.download_button(i18n.t("download_chart_csv", lang), safe_csv(shown),
                           file_name=f"liberation-{name}.csv", mime="text/csv", key=f"download.{name}")


# --- Story chapters ------------------------------------------------------------------------

def _apply_chapter_state(chapter: Chapter) -> None:
    st.session_state[CHAPTER_KEY] = chapter.chapter_id
    st.session_state[DATE_KEY] = chapter.date
    st.session_state[WINDOW_START_KEY] = chapter.date
    st.session_state[FORCE_KEY] = list(chapter.force_types)
    st.session_state[TYPE_KEY] = list(chapter.event_types)
    st.session_state[REGION_KEY] = list(chapter.regions)
    st.session_state[PLAYING_KEY] = False
    st.session_state["chapter_shown_at"] = time.monotonic()


def go_to_chapter(step: int) -> None:
    if not _first_of_click("chapter"):
        return
    target = neighbour(chapters(), st.session_state.get(CHAPTER_KEY), step)
    if target is not None:
        _apply_chapter_state(target)


def _chapter_from_selectbox() -> None:
    chosen = st.session_state["widget.chapter_select"]
    match = [c for c in chapters() if c.chapter_id == chosen]
    if match:
        _apply_chapter_state(match[0])
    else:
        st.session_state[CHAPTER_KEY] = None


def current_chapter() -> Chapter | None:
    chosen = st.session_state.get(CHAPTER_KEY)
    return next((c for c in chapters() if c.chapter_id == chosen), None)


def chapter_controls(lang: str) -> None:
    """Chapter choice, previous/next (P/N) and auto-advance. Outside the map fragment: a chapter
    changes the filters in the sidebar, which only a full rerun redraws."""
    story = chapters()
    if not story:
        return
    ids = [FREE_EXPLORATION] + [c.chapter_id for c in story]
    titles = {c.chapter_id: f"{i}. {c.title(lang)}" for i, c in enumerate(story, start=1)}
    st.session_state["widget.chapter_select"] = st.session_state.get(CHAPTER_KEY) or FREE_EXPLORATION
    select, previous, following, auto = st.columns([4, 1, 1, 1.6], vertical_alignment="bottom")
    select.selectbox(i18n.t("chapter", lang), ids, key="widget.chapter_select", on_change=_chapter_from_selectbox,
                     format_func=lambda chapter_id: titles.get(chapter_id, i18n.t("no_chapter", lang)))
    previous.button(i18n.t("chapter_previous", lang), icon=":material/arrow_back:", key="chapter.previous",
                    shortcut="P", on_click=go_to_chapter, args=(-1,), width="stretch")
    following.button(i18n.t("chapter_next", lang), icon=":material/arrow_forward:", key="chapter.next",
                     shortcut="N", on_click=go_to_chapter, args=(1,), width="stretch")
    auto.toggle(i18n.t("chapter_auto", lang), help=i18n.t("chapter_auto_help", lang, seconds=CHAPTER_SECONDS),
                **_bind(AUTO_CHAPTER_KEY, False))
    if st.session_state[AUTO_CHAPTER_KEY]:
        _auto_advance()


@st.fragment(run_every=5)
def _auto_advance() -> None:
    # Checks every few seconds, advances once the chapter has been up long enough, and then
    # reruns the whole app so the filters and the map follow.
    shown_at = st.session_state.setdefault("chapter_shown_at", time.monotonic())
    if time.monotonic() - shown_at >= CHAPTER_SECONDS:
        if neighbour(chapters(), st.session_state.get(CHAPTER_KEY), 1) is None:
            st.session_state[AUTO_CHAPTER_KEY] = False
        else:
            go_to_chapter(1)
        st.rerun()


def chapter_story(bundle: Bundle, lang: str) -> None:
    """The current chapter's narrative, and the sources of the events it is built on."""
    chapter = current_chapter()
    if chapter is None:
        return
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(chapter.title(lang))}**")
        st.markdown(escape_markdown(chapter.narrative(lang)))
        sources = chapter_sources(chapter, bundle.events)
        st.caption(i18n.t("chapter_sources", lang) + " " + " · ".join(escape_markdown(s) for s in sources))


# --- Classroom: projection mode and sharing ------------------------------------------------

# Our own constant CSS (no data in it): large type and controls for a projector, less chrome.
PRESENT_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 24px; }
[data-testid="stAppViewContainer"] p, [data-testid="stAppViewContainer"] li,
[data-testid="stAppViewContainer"] label, [data-testid="stCaptionContainer"] { font-size: 24px !important; }
[data-testid="stAppViewContainer"] h1 { font-size: 4.2rem !important; line-height: 1.1; color: #000; }
[data-testid="stHeader"], [data-testid="stToolbar"], footer { display: none !important; }
.block-container { padding-top: 0.8rem !important; max-width: 100% !important; }
button { min-height: 3rem; font-size: 1.4rem !important; }
</style>
"""


def present_mode() -> bool:
    return current_mode() == "present"


def present_mode_style() -> None:
    if present_mode():
        st.markdown(PRESENT_CSS, unsafe_allow_html=True)


def share_link(view: View) -> str:
    """The address of this view, from the address the browser used to reach the app."""
    try:
        base = (st.context.url or "").split("?")[0]
    except Exception:  # AppTest has no browser address
        base = ""
    query = urlencode(to_query(view.date, view.lang, view.force_types, view.event_types, view.regions,
                               view.chapter, view.mode), safe=",")
    return f"{base or 'http://localhost:8501/'}?{query}"


def share_widget(bundle: Bundle, lang: str) -> None:
    """The link to the current view and its QR code, generated here (no web service)."""
    link = share_link(current_view(bundle))
    with st.sidebar.expander(i18n.t("share", lang), icon=":material/qr_code_2:"):
        st.code(link, language=None, wrap_lines=True)
        image = io.BytesIO()
        segno.make(link, error="m").save(image, kind="png", scale=5, border=2)
        st.image(image.getvalue(), caption=i18n.t("share_qr", lang), width=220)
        st.caption(i18n.t("share_hint", lang))


# --- A class's own table (issue 11) --------------------------------------------------------
# Kept in this session's state only: never written to data/, never in a cache another session
# reads, forgotten with the session. The parsed table is stored with the SHA-256 of the file's
# bytes, so the file uploader handing the same file back on every rerun does not re-parse it.

OWN_TABLE_KEY = "own_table"  # OwnTableState of the last file uploaded in this session
SHOW_OWN_KEY = "show_own_table"  # the "which table" choice: True = the class's own table


@dataclass(frozen=True)
class OwnTableState:
    digest: str
    own: OwnTable
    bundle: Bundle  # the own table as the rest of the app reads a table
    tooltips: dict  # lang -> tooltip Series, filled on first use


@st.cache_resource(show_spinner=False)
def _communes() -> Communes:
    # Read and indexed once per server process, shared read-only by every session.
    return load_communes(frozenset(load_reference_tables().departments["department_code"]))


def read_upload(raw: bytes, name: str) -> OwnTableState:
    """The session's own table from a file's bytes; parsed once per distinct file."""
    digest = hashlib.sha256(raw).hexdigest()
    state = st.session_state.get(OWN_TABLE_KEY)
    if state is not None and state.digest == digest:
        return state
    own = read_own_table(raw, name, _load_bundle(EVENTS_CSV.stat().st_mtime).refs, _communes())
    state = OwnTableState(digest, own, Bundle(own.result, own.refs), {})
    st.session_state[OWN_TABLE_KEY] = state
    st.session_state[SHOW_OWN_KEY] = own.usable  # a usable upload is shown at once; the banner says so
    # Once more from the top, so that the banner, the sidebar's filters and the date range
    # drawn before the upload was read follow the new table (the same file is not read again).
    st.rerun()


def own_table() -> OwnTableState | None:
    return st.session_state.get(OWN_TABLE_KEY)


def showing_own_table() -> bool:
    state = own_table()
    return bool(st.session_state.get(SHOW_OWN_KEY)) and state is not None and state.own.usable


def show_own_table(show: bool) -> None:
    st.session_state[SHOW_OWN_KEY] = show


def table_banner(lang: str) -> None:
    """On every page: which table is shown, and the way back (or forth)."""
    state = own_table()
    if state is None or not state.own.usable:
        return
    if showing_own_table():
        with st.container(border=True):
            text, button = st.columns([4, 1.3], vertical_alignment="center")
            text.markdown(":material/upload_file: " + escape_markdown(
                i18n.t("banner_own", lang, name=state.own.name, n=len(state.own.events))))
            button.button(i18n.t("back_to_bundled", lang), key="banner.back", icon=":material/undo:",
                          on_click=show_own_table, args=(False,), width="stretch")
    else:
        text, button = st.columns([4, 1.3], vertical_alignment="center")
        text.caption(escape_markdown(i18n.t("banner_bundled", lang, name=state.own.name)))
        button.button(i18n.t("show_own", lang), key="banner.own", icon=":material/upload_file:",
                      on_click=show_own_table, args=(True,), width="stretch")
