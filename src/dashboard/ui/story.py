"""Story chapters: choosing one, previous/next, auto-advance, and the chapter's narrative."""

from __future__ import annotations

import time

import streamlit as st

from dashboard import i18n
from dashboard.chapters import Chapter, chapter_sources, neighbour
from dashboard.text import escape_markdown
from dashboard.ui import state
from dashboard.ui.loading import Bundle, chapter_by_id, chapters
from dashboard.ui.url import current_view
from dashboard.view import View, apply_chapter, without_chapter

CHAPTER_SECONDS = 20  # auto-advance: time to read a chapter aloud and look at the map
AUTO_ADVANCE_CHECK_SECONDS = 5
FREE_EXPLORATION = ""  # the chapter choice meaning "no chapter"


def go_to_chapter(chapter_id: str | None) -> None:
    """Open the chapter `chapter_id` (None: free exploration). It names the chapter to reach, not
    a step from the current one, so a replayed click changes nothing."""
    chapter = chapter_by_id(chapter_id)
    if chapter is None:
        state.update_view(without_chapter)
        return
    state.update_view(lambda view: apply_chapter(view, chapter))
    state.remember(state.CHAPTER_SHOWN_AT_KEY, time.monotonic())


def _chapter_from_selectbox() -> None:
    go_to_chapter(state.widget_value("chapter_select") or None)


def current_chapter(view: View) -> Chapter | None:
    return chapter_by_id(view.chapter)


def _neighbour_id(view: View, step: int) -> str | None:
    target = neighbour(chapters(), view.chapter, step)
    return target.chapter_id if target else None


def chapter_controls(view: View) -> None:
    """Chapter choice, previous/next (P/N) and auto-advance. Outside the map fragment: a chapter
    changes the filters in the sidebar, which only a full rerun redraws."""
    story = chapters()
    if not story:
        return
    lang = view.lang
    ids = [FREE_EXPLORATION] + [c.chapter_id for c in story]
    titles = {c.chapter_id: f"{i}. {c.title(lang)}" for i, c in enumerate(story, start=1)}
    select, previous, following, auto = st.columns([4, 1, 1, 1.6], vertical_alignment="bottom")
    select.selectbox(
        i18n.t("chapter", lang),
        ids,
        on_change=_chapter_from_selectbox,
        key=state.show_in_widget("chapter_select", view.chapter or FREE_EXPLORATION),
        format_func=lambda chapter_id: titles.get(chapter_id, i18n.t("no_chapter", lang)),
    )
    before, after = _neighbour_id(view, -1), _neighbour_id(view, 1)
    previous.button(
        i18n.t("chapter_previous", lang),
        icon=":material/arrow_back:",
        key="chapter.previous",
        shortcut="P",
        on_click=go_to_chapter,
        args=(before,),
        width="stretch",
        disabled=before is None,
    )
    following.button(
        i18n.t("chapter_next", lang),
        icon=":material/arrow_forward:",
        key="chapter.next",
        shortcut="N",
        on_click=go_to_chapter,
        args=(after,),
        width="stretch",
        disabled=after is None,
    )
    auto.toggle(
        i18n.t("chapter_auto", lang),
        help=i18n.t("chapter_auto_help", lang, seconds=CHAPTER_SECONDS),
        **state.bind_setting(state.AUTO_CHAPTER_KEY, False),
    )
    if state.remembered(state.AUTO_CHAPTER_KEY):
        _auto_advance()


@st.fragment(run_every=AUTO_ADVANCE_CHECK_SECONDS)
def _auto_advance() -> None:
    # Checks every few seconds, advances once the chapter has been up long enough, and then
    # reruns the whole app so the filters and the map follow.
    shown_at = state.remembered(state.CHAPTER_SHOWN_AT_KEY)
    if shown_at is None:
        state.remember(state.CHAPTER_SHOWN_AT_KEY, time.monotonic())
        return
    if time.monotonic() - shown_at < CHAPTER_SECONDS:
        return
    following = _neighbour_id(current_view(), 1)
    if following is None:
        state.remember(state.AUTO_CHAPTER_KEY, False)
    else:
        go_to_chapter(following)
    st.rerun()


def chapter_story(bundle: Bundle, view: View) -> None:
    """The current chapter's narrative, and the sources of the events it is built on."""
    chapter = current_chapter(view)
    if chapter is None:
        return
    lang = view.lang
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(chapter.title(lang))}**")
        st.markdown(escape_markdown(chapter.narrative(lang)))
        sources = chapter_sources(chapter, bundle.events)
        st.caption(i18n.t("chapter_sources", lang) + " " + " · ".join(escape_markdown(s) for s in sources))
