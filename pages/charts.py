"""Graphiques / Charts: the pace of the Liberation up to the selected date."""

import streamlit as st

from dashboard import charts, i18n, ui

bundle, lang = ui.page_setup()

ui.date_slider(bundle, lang)
view = ui.current_view(bundle)
ui.publish_view(view)
st.title(i18n.t("page_charts", lang))
st.write(i18n.t("charts_intro", lang))

cumulative = charts.cumulative_liberations(bundle.events, bundle.refs.departments, view)
st.plotly_chart(charts.cumulative_liberations_figure(cumulative, view))
by_type = charts.events_by_type_and_force(bundle.events, view)
if by_type["count"].sum() == 0:
    st.info(i18n.t("no_match", lang))
else:
    st.plotly_chart(charts.events_by_type_figure(by_type, view))
