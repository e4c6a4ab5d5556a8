"""Carte / Map: the départements and the events at the selected date, with time controls and
story chapters. In projection mode the date and the map come first and fill the screen."""

import streamlit as st

from dashboard import filters, i18n, map_layers, ui
from dashboard.ui import timeline

bundle, view = ui.page_setup()
lang = view.lang
present = ui.present_mode()
if not present:
    ui.chapter_controls(view)
    timeline.playback_settings(bundle, view)
chapter = ui.current_chapter(view)
view_state = map_layers.focus_view(chapter.lat, chapter.lon, chapter.zoom) if chapter else None


def banner_and_map(view, since) -> None:
    day = view.date
    st.title(i18n.format_date(day, lang), anchor=False)
    states = filters.department_states(bundle.events, bundle.refs.departments, day)
    shown = filters.visible_events(bundle.events, view)
    st.caption(i18n.t("departments_liberated", lang, n=filters.liberated_count(states), total=len(states)) + " · "
               + i18n.t("events_up_to", lang, n=len(shown), date=i18n.format_date(day, lang)))
    deck = map_layers.build_deck(bundle.events, bundle.refs.departments, view, bundle.force_of_actor,
                                 bundle.actor_labels(lang), since, timeline.online_basemap(),
                                 ui.tooltip_column(lang), view_state, states)
    # A chapter's story sits beside the map, so the map keeps the height of the screen.
    map_column, story_column = st.columns([2.2, 1]) if chapter else (st.container(), None)
    map_column.pydeck_chart(deck, height=760 if present else 600, key="map")
    if story_column is not None:
        with story_column:
            ui.chapter_story(bundle, view)
    # The legend is built from the app's own constants and labels (escaped), never from the data.
    st.html(map_layers.legend_html(lang))
    st.caption(i18n.t("keyboard_help", lang))


# Only this fragment reruns on each animation frame, never the whole page.
@st.fragment(run_every=timeline.animation_interval())
def timeline_and_map() -> None:
    timeline.advance_animation(bundle)
    view = ui.current_view()
    since = timeline.current_window_start(view)
    if present:
        banner_and_map(view, since)
        timeline.time_controls(bundle, view)
        ui.date_slider(bundle, view)
    else:
        timeline.time_controls(bundle, view)
        ui.date_slider(bundle, view)
        banner_and_map(view, since)
    ui.finish_page(view)

    day = view.date
    window = i18n.format_date_range(since, day if since != day else None, lang)
    st.subheader(i18n.t("events_of_day", lang, date=window))
    current = filters.events_on(bundle.events, view, since)
    if current.empty:
        st.write(i18n.t("no_event_today", lang))
    for _, event in current.iterrows():
        title = event["title_en"] if lang == "en" else event["title_fr"]
        description = event["description_en"] if lang == "en" else event["description_fr"]
        st.markdown(f"**{ui.plain(title)}** — {ui.plain(event['place'])}  \n{ui.plain(description)}")


timeline_and_map()
if present:
    ui.chapter_controls(view)
    timeline.playback_settings(bundle, view)
