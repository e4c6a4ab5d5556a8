"""Carte / Map: the départements and the events at the selected date, with time controls."""

import streamlit as st

from dashboard import filters, i18n, map_layers, ui

bundle, lang = ui.page_setup()
online_basemap = ui.playback_settings(bundle, lang)


# Only this fragment reruns on each animation frame, never the whole page.
@st.fragment(run_every=ui.animation_interval())
def timeline_and_map() -> None:
    ui.advance_animation(bundle)
    ui.time_controls(bundle, lang)
    day = ui.date_slider(bundle, lang)
    view = ui.current_view(bundle)
    ui.publish_view(view)
    since = ui.window_start(day)

    st.title(i18n.format_date(day, lang))
    states = filters.department_states(bundle.events, bundle.refs.departments, day)
    liberated = int((states["state"] != filters.STATE_OCCUPIED).sum())
    shown = filters.visible_events(bundle.events, view)
    st.caption(i18n.t("departments_liberated", lang, n=liberated, total=len(states)) + " · "
               + i18n.t("events_up_to", lang, n=len(shown), date=i18n.format_date(day, lang)))

    deck = map_layers.build_deck(bundle.events, bundle.refs.departments, view, bundle.force_of_actor,
                                 bundle.actor_labels(lang), since, online_basemap, ui.tooltip_column(lang))
    st.pydeck_chart(deck, height=600, key="map")
    # The legend is built from the app's own constants and labels (escaped), never from the data.
    st.markdown(map_layers.legend_html(lang), unsafe_allow_html=True)
    st.caption(i18n.t("keyboard_help", lang))

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
