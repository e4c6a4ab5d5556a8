"""Carte / Map: the map player first (the map, its date and its timeline, playing in the
browser), then the chapter's story, the chapter controls and the events of the day."""

import streamlit as st

from dashboard import filters, i18n, ui

# A class's own table may hold thousands of events on one day (a 100,000-row table: about 3,000 on
# 20 August 1944): the map page lists the first ones, and the events page has them all.
EVENTS_OF_DAY_LISTED = 50

bundle, view = ui.page_setup()
lang = view.lang
chapter = ui.current_chapter(view)
focus = (chapter.lat, chapter.lon, chapter.zoom) if chapter else None

# The player stays at the same place in the page whatever the chapter, so that choosing one
# moves the map rather than building a new one; the story follows the timeline.
ui.map_player(bundle, view, focus)
ui.chapter_story(bundle, view)
ui.chapter_controls(view)
ui.finish_page(view)

st.subheader(i18n.t("events_of_day", lang, date=i18n.format_date(view.date, lang)), anchor=False)
current = filters.events_on(bundle.events, view)
if current.empty:
    st.write(i18n.t("no_event_today", lang))
for _, event in current.head(EVENTS_OF_DAY_LISTED).iterrows():
    title = event["title_en"] if lang == "en" else event["title_fr"]
    description = event["description_en"] if lang == "en" else event["description_fr"]
    st.markdown(f"**{ui.plain(title)}** — {ui.plain(event['place'])}  \n{ui.plain(description)}")
if len(current) > EVENTS_OF_DAY_LISTED:
    st.caption(i18n.t("more_events_of_day", lang, n=len(current) - EVENTS_OF_DAY_LISTED))
