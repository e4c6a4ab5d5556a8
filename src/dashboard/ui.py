"""The one module of the package that imports Streamlit: cached loaders and shared widgets."""

from __future__ import annotations

import datetime as dt
import io
import time
from dataclasses import dataclass
from urllib.parse import urlencode

import pandas as pd
import segno
import streamlit as st

from dashboard import i18n, map_layers
from dashboard.data import EVENT_TYPES, EVENTS_CSV, FORCE_TYPES, LoadResult, ReferenceTables, load_events, load_reference_tables
from dashboard.charts import localized
from dashboard import player
from dashboard.filters import View, date_range, with_date
from dashboard.player.player import Jump, build_payload
from dashboard.chapters import CHAPTERS_CSV, Chapter, chapter_sources, load_chapters, neighbour
from dashboard.urlstate import (CHAPTER_PARAM, DATE_PARAM, FORCE_PARAM, LANG_PARAM, MODE_PARAM, REGION_PARAM, TYPE_PARAM,
                                parse_query, to_query)
from dashboard.timeline import opening_date
from dashboard.text import escape_markdown

# The view lives under these keys. Widgets get their own keys ("widget." + key) and copy
# their value back on change, because Streamlit forgets a widget's state on a page that does
# not draw it, and the view must survive a page change.
LANG_KEY = "lang"
DATE_KEY = "date"
FORCE_KEY = "force_types"
TYPE_KEY = "event_types"
REGION_KEY = "regions"
PLAYER_AT_KEY = "player.at"  # the date Python last knows the map player to be on
PLAYER_JUMP_KEY = "player.jump"  # the last date Python sent the player to (player.Jump)
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


@st.cache_resource(show_spinner=False)
def _load_bundle(modified: float) -> Bundle:
    # Keyed on the file's modification time so an edited events.csv is picked up without a
    # restart. cache_resource, not cache_data: the frames are shared read-only, not copied on
    # every rerun (pages never mutate them).
    return Bundle(load_events(EVENTS_CSV), load_reference_tables())


def load_bundle() -> Bundle:
    return _load_bundle(EVENTS_CSV.stat().st_mtime)


@st.cache_resource(show_spinner=False)
def _load_chapters(events_modified: float, chapters_modified: float) -> tuple[list[Chapter], list]:
    bundle = _load_bundle(events_modified)
    return load_chapters(set(bundle.events["event_id"]), set(bundle.refs.regions))


def chapters() -> list[Chapter]:
    return _load_chapters(EVENTS_CSV.stat().st_mtime, CHAPTERS_CSV.stat().st_mtime)[0]


def chapter_problems() -> list:
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
    filter_widgets(bundle, lang)
    share_widget(bundle, lang)
    st.sidebar.caption(i18n.t("licence_geo", lang))
    present_mode_style()
    show_url_notices(lang)
    for problem in chapter_problems()[:20]:
        st.warning(escape_markdown(problem.text(lang)))
    require_events(bundle, lang)
    return bundle, lang


# --- The map player -------------------------------------------------------------------------

@st.cache_resource(show_spinner=False, max_entries=16)
def _player_payload(modified: float, lang: str, force_types: tuple[str, ...], event_types: tuple[str, ...],
                    regions: tuple[str, ...], focus: tuple[float, float, float] | None) -> dict:
    # Shared read-only by every session with the same view (never mutated: render copies the
    # top level). The same dict from one rerun to the next keeps the message identical, so
    # Streamlit does not send the table again.
    bundle = _load_bundle(modified)
    first, _ = date_range(bundle.events)
    view = View(date=first, lang=lang, force_types=force_types, event_types=event_types, regions=regions)
    return build_payload(bundle.events, bundle.refs.departments, view, bundle.force_of_actor, bundle.actor_labels(lang),
                         Jump(first, 0), map_layers.focus_view(*focus) if focus else None)


def _player_jump(day: dt.date) -> Jump:
    """Where Python asks the player to be. A new `seq` only when the view's date is not the one
    the player last reported (a chapter, a link, another page moved it): the player's own dates
    never come back to it as jumps, and the payload stays identical while the player plays."""
    jump = st.session_state.get(PLAYER_JUMP_KEY)
    if jump is None or st.session_state.get(PLAYER_AT_KEY) != day:
        jump = Jump(day, jump.seq + 1 if jump else 0)
        st.session_state[PLAYER_JUMP_KEY] = jump
        st.session_state[PLAYER_AT_KEY] = day
    return jump


def _date_from_player(bundle: Bundle, day: dt.date) -> None:
    st.session_state[DATE_KEY] = with_date(current_view(bundle), day).date
    st.session_state[PLAYER_AT_KEY] = day


def map_player(bundle: Bundle, view: View, focus: tuple[float, float, float] | None = None) -> None:
    """The map with its timeline, playing in the browser. `focus` (lat, lon, zoom) flies the
    map to a chapter's area."""
    base = _player_payload(EVENTS_CSV.stat().st_mtime, view.lang, view.force_types, view.event_types, view.regions, focus)
    jump = _player_jump(view.date)
    payload = {**base, "jump": {"date": jump.date.isoformat(), "seq": jump.seq}, "present": view.mode == "present"}
    player.render(payload, on_date=lambda day: _date_from_player(bundle, day))


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
        st.download_button(i18n.t("download_chart_csv", lang), shown.to_csv(index=False).encode("utf-8"),
                           file_name=f"liberation-{name}.csv", mime="text/csv", key=f"download.{name}")


# --- Story chapters ------------------------------------------------------------------------

def _apply_chapter_state(chapter: Chapter) -> None:
    st.session_state[CHAPTER_KEY] = chapter.chapter_id
    st.session_state[DATE_KEY] = chapter.date
    st.session_state[FORCE_KEY] = list(chapter.force_types)
    st.session_state[TYPE_KEY] = list(chapter.event_types)
    st.session_state[REGION_KEY] = list(chapter.regions)
    st.session_state["chapter_shown_at"] = time.monotonic()


def go_to_chapter(step: int) -> None:
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
