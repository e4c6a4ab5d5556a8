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
# Only the open tab is drawn (a tab change reruns the page), and each chart goes through
# ui.chart_with_table with `shared_by`: a class asking for the same view shares one build
# (benchmarks/bench_load.py).
pace, regions, actors, durations, disputes = st.tabs(
    [i18n.t("tab_pace", lang), i18n.t("tab_regions", lang), i18n.t("tab_actors", lang), i18n.t("tab_durations", lang),
     i18n.t("tab_disputes", lang)], key="charts.tab", on_change="rerun")

if pace.open:
    with pace:
        all_events = st.toggle(i18n.t("show_all_events", lang), key="charts.all_events")
        title = "chart_cumulative_events" if all_events else "chart_cumulative"
        ui.chart_with_table("pace", lambda: charts.cumulative_by_force(
            bundle.events, departments, view, prefectures_only=not all_events, pockets=pockets),
            lambda t: charts.cumulative_figure(t, view, title), lang, shared_by=(view, all_events))

if regions.open:
    with regions:
        ui.chart_with_table("regions-share", lambda: charts.region_progress(
            bundle.events, departments, view, departments_holding_pockets(pockets, view.date)),
            lambda t: charts.region_progress_figure(t, view), lang, shared_by=(view,))
        ui.chart_with_table("regions-events", lambda: charts.region_events_by_force(bundle.events, view),
                            lambda t: charts.region_events_figure(t, view), lang, shared_by=(view,))

if actors.open:
    with actors:
        ui.chart_with_table("actors", lambda: charts.liberations_by_actor(bundle.events, view, bundle.force_of_actor),
                            lambda t: charts.actor_figure(t, view, actor_labels), lang, actor_labels, shared_by=(view,))

if durations.open:
    with durations:
        ui.chart_with_table("durations", lambda: charts.multi_day_events(bundle.events, view, bundle.force_of_actor),
                            lambda t: charts.multi_day_figure(t, view), lang, shared_by=(view,))

if disputes.open:
    with disputes:
        ui.chart_with_table("disputed", lambda: disputed_charts.disputed_pace(bundle.events, departments, view),
                            lambda t: disputed_charts.disputed_pace_figure(t, view), lang, shared_by=(view,))
        ui.chart_with_table("pockets", lambda: disputed_charts.pocket_spans(pockets, lang),
                            lambda t: disputed_charts.pocket_spans_figure(t, view), lang, shared_by=(view,))
