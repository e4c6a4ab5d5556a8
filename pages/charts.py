"""Graphiques / Charts: how fast, by whom and where first, at the selected date and filters."""

import streamlit as st

from dashboard import charts, disputed_charts, i18n, ui
from dashboard.pockets import departments_holding_pockets

bundle, view = ui.page_setup()
lang = view.lang
ui.date_slider(bundle, view)
ui.finish_page(view)
departments = bundle.refs.departments
actor_labels = bundle.actor_labels(lang)
pockets = ui.pockets().pockets

st.title(i18n.t("page_charts", lang))
st.caption(i18n.t("charts_intro", lang))
pace, regions, actors, durations, disputes = st.tabs(
    [i18n.t("tab_pace", lang), i18n.t("tab_regions", lang), i18n.t("tab_actors", lang), i18n.t("tab_durations", lang),
     i18n.t("tab_disputes", lang)])

with pace:
    all_events = st.toggle(i18n.t("show_all_events", lang), key="charts.all_events")
    table = charts.cumulative_by_force(bundle.events, departments, view, prefectures_only=not all_events, pockets=pockets)
    title = "chart_cumulative_events" if all_events else "chart_cumulative"
    ui.chart_with_table(table, lambda t: charts.cumulative_figure(t, view, title), "pace", lang)

with regions:
    share = charts.region_progress(bundle.events, departments, view, departments_holding_pockets(pockets, view.date))
    ui.chart_with_table(share, lambda t: charts.region_progress_figure(t, view), "regions-share", lang)
    by_force = charts.region_events_by_force(bundle.events, view)
    ui.chart_with_table(by_force, lambda t: charts.region_events_figure(t, view), "regions-events", lang)

with actors:
    table = charts.liberations_by_actor(bundle.events, view, bundle.force_of_actor)
    ui.chart_with_table(table, lambda t: charts.actor_figure(t, view, actor_labels), "actors", lang, actor_labels)

with durations:
    table = charts.multi_day_events(bundle.events, view, bundle.force_of_actor)
    ui.chart_with_table(table, lambda t: charts.multi_day_figure(t, view), "durations", lang)

with disputes:
    table = disputed_charts.disputed_pace(bundle.events, departments, view)
    ui.chart_with_table(table, lambda t: disputed_charts.disputed_pace_figure(t, view), "disputed", lang)
    spans = disputed_charts.pocket_spans(pockets, lang)
    ui.chart_with_table(spans, lambda t: disputed_charts.pocket_spans_figure(t, view), "pockets", lang)
