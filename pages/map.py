"""Carte / Map: the map player first (the map, its date and its timeline, playing in the
browser), then the chapter's story, the chapter controls and the events of the day."""

import streamlit as st

from dashboard import filters, i18n, ui

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
for _, event in current.iterrows():
    title = event["title_en"] if lang == "en" else event["title_fr"]
    description = event["description_en"] if lang == "en" else event["description_fr"]
    st.markdown(f"**{ui.plain(title)}** — {ui.plain(event['place'])}  \n{ui.plain(description)}")
