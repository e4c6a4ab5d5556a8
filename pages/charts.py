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

# Tables and figures go through ui.shared_table / shared_by: a class asking for the same view
# shares one computation (benchmarks/bench_load.py).
st.title(i18n.t("page_charts", lang))
st.caption(i18n.t("charts_intro", lang))
pace, regions, actors, durations, disputes = st.tabs(
    [i18n.t("tab_pace", lang), i18n.t("tab_regions", lang), i18n.t("tab_actors", lang), i18n.t("tab_durations", lang),
     i18n.t("tab_disputes", lang)])

with pace:
    all_events = st.toggle(i18n.t("show_all_events", lang), key="charts.all_events")
    table = ui.shared_table("pace", lambda: charts.cumulative_by_force(
        bundle.events, departments, view, prefectures_only=not all_events, pockets=pockets), (view, all_events))
    title = "chart_cumulative_events" if all_events else "chart_cumulative"
    ui.chart_with_table(table, lambda t: charts.cumulative_figure(t, view, title), "pace", lang,
                        shared_by=(view, title))

with regions:
    share = ui.shared_table("regions-share", lambda: charts.region_progress(
        bundle.events, departments, view, departments_holding_pockets(pockets, view.date)), (view,))
    ui.chart_with_table(share, lambda t: charts.region_progress_figure(t, view), "regions-share", lang, shared_by=(view,))
    by_force = ui.shared_table("regions-events", lambda: charts.region_events_by_force(bundle.events, view), (view,))
    ui.chart_with_table(by_force, lambda t: charts.region_events_figure(t, view), "regions-events", lang, shared_by=(view,))

with actors:
    table = ui.shared_table("actors", lambda: charts.liberations_by_actor(bundle.events, view, bundle.force_of_actor),
                            (view,))
    ui.chart_with_table(table, lambda t: charts.actor_figure(t, view, actor_labels), "actors", lang, actor_labels,
                        shared_by=(view,))

with durations:
    table = ui.shared_table("durations", lambda: charts.multi_day_events(bundle.events, view, bundle.force_of_actor),
                            (view,))
    ui.chart_with_table(table, lambda t: charts.multi_day_figure(t, view), "durations", lang, shared_by=(view,))

with disputes:
    table = ui.shared_table("disputed", lambda: disputed_charts.disputed_pace(bundle.events, departments, view), (view,))
    ui.chart_with_table(table, lambda t: disputed_charts.disputed_pace_figure(t, view), "disputed", lang, shared_by=(view,))
    spans = ui.shared_table("pockets", lambda: disputed_charts.pocket_spans(pockets, lang), (lang,))
    ui.chart_with_table(spans, lambda t: disputed_charts.pocket_spans_figure(t, view), "pockets", lang, shared_by=(view,))
