"""Graphiques / Charts: how fast, by whom and where first, at the selected date and filters."""

import streamlit as st

from dashboard import i18n, ui

bundle, lang = ui.page_setup()
ui.date_slider(bundle, lang)
view = ui.current_view(bundle)
ui.publish_view(view)

st.title(i18n.t("page_charts", lang))
st.caption(i18n.t("charts_intro", lang))
pace, regions, actors, durations = st.tabs(
    [i18n.t("tab_pace", lang), i18n.t("tab_regions", lang), i18n.t("tab_actors", lang), i18n.t("tab_durations", lang)])

with pace:
    all_events = st.toggle(i18n.t("show_all_events", lang), key="charts.all_events")
charts = ui.charts_of(view, all_events)
with pace:
    ui.chart_with_table(charts["pace"], lang)
with regions:
    ui.chart_with_table(charts["regions-share"], lang)
    ui.chart_with_table(charts["regions-events"], lang)
with actors:
    ui.chart_with_table(charts["actors"], lang)
with durations:
    ui.chart_with_table(charts["durations"], lang)
