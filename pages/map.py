"""Carte / Map: the départements and the events at the selected date."""

import streamlit as st

from dashboard import filters, i18n, map_layers, ui

bundle, lang = ui.page_setup()

day = ui.date_slider(bundle, lang)
view = ui.current_view(bundle)
st.title(i18n.format_date(day, lang))

states = filters.department_states(bundle.events, bundle.refs.departments, day)
liberated = int((states["state"] != filters.STATE_OCCUPIED).sum())
st.caption(i18n.t("departments_liberated", lang, n=liberated, total=len(states)) + " · "
           + i18n.t("events_up_to", lang, n=len(filters.visible_events(bundle.events, view)), date=i18n.format_date(day, lang)))

deck = map_layers.build_deck(bundle.events, bundle.refs.departments, view, bundle.force_of_actor, bundle.actor_labels(lang))
st.pydeck_chart(deck, height=620, key="map")

st.subheader(i18n.t("events_of_day", lang, date=i18n.format_date(day, lang)))
today = filters.events_on(bundle.events, view)
if today.empty:
    st.write(i18n.t("no_event_today", lang))
for _, event in today.iterrows():
    title = event["title_en"] if lang == "en" else event["title_fr"]
    description = event["description_en"] if lang == "en" else event["description_fr"]
    st.markdown(f"**{ui.plain(title)}** — {ui.plain(event['place'])}  \n{ui.plain(description)}")
