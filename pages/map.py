"""Carte / Map: the départements and the events at the selected date, with time controls and
story chapters. In projection mode the date and the map come first and fill the screen."""

import streamlit as st

from dashboard import filters, i18n, map_layers, ui

bundle, lang = ui.page_setup()
present = ui.present_mode()
if not present:
    ui.chapter_controls(lang)
    online_basemap = ui.playback_settings(bundle, lang)
else:  # its controls come after the map; the switch's last value still applies
    online_basemap = bool(st.session_state.get(ui.BASEMAP_KEY, False))
chapter = ui.current_chapter()


def banner_and_map(view, day, since) -> None:
    st.title(i18n.format_date(day, lang), anchor=False)
    frame = ui.map_frame(view, since, online_basemap)
    states = frame.states
    st.caption(i18n.t("departments_liberated", lang, n=filters.liberated_count(states), total=len(states)) + " · "
               + i18n.t("events_up_to", lang, n=frame.events_shown, date=i18n.format_date(day, lang)))
    # A chapter's story sits beside the map, so the map keeps the height of the screen.
    map_column, story_column = st.columns([2.2, 1]) if chapter else (st.container(), None)
    map_column.pydeck_chart(frame.deck, height=760 if present else 600, key="map")
    if story_column is not None:
        with story_column:
            ui.chapter_story(bundle, lang)
    # The legend is built from the app's own constants and labels (escaped), never from the data.
    st.markdown(map_layers.legend_html(lang), unsafe_allow_html=True)
    st.caption(i18n.t("keyboard_help", lang))


# Only this fragment reruns on each animation frame, never the whole page.
@st.fragment(run_every=ui.animation_interval())
def timeline_and_map() -> None:
    ui.advance_animation(bundle)
    view = ui.current_view(bundle)
    day, since = view.date, ui.window_start(view.date)
    if present:
        banner_and_map(view, day, since)
        ui.time_controls(bundle, lang)
        ui.date_slider(bundle, lang)
    else:
        ui.time_controls(bundle, lang)
        ui.date_slider(bundle, lang)
        banner_and_map(view, day, since)
    ui.publish_view(view)

    window = i18n.format_date_range(since, day if since != day else None, lang)
    st.subheader(i18n.t("events_of_day", lang, date=window))
    current = ui.map_frame(view, since, online_basemap).events_of_day
    if current.empty:
        st.write(i18n.t("no_event_today", lang))
    for _, event in current.iterrows():
        title = event["title_en"] if lang == "en" else event["title_fr"]
        description = event["description_en"] if lang == "en" else event["description_fr"]
        st.markdown(f"**{ui.plain(title)}** — {ui.plain(event['place'])}  \n{ui.plain(description)}")


timeline_and_map()
if present:
    ui.chapter_controls(lang)
    ui.playback_settings(bundle, lang)
