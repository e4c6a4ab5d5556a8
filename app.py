"""Router: page config, navigation over pages/, and the shared sidebar. Nothing else."""

import streamlit as st

from dashboard import i18n, ui

st.set_page_config(page_title="Libération 1944–1945", page_icon="static/favicon.png", layout="wide")

lang = ui.language_selector()
bundle = ui.load_bundle()

# Each page's URL is its file name (/map, /charts, …): with a pages/ folder, Streamlit resolves
# a first visit by file name, and any other url_path shows a "page not found" dialog.
page = st.navigation([
    st.Page("pages/map.py", title=i18n.t("page_map", lang), icon=":material/map:", default=True),
    st.Page("pages/charts.py", title=i18n.t("page_charts", lang), icon=":material/bar_chart:"),
    st.Page("pages/events.py", title=i18n.t("page_events", lang), icon=":material/table_view:"),
    st.Page("pages/sources.py", title=i18n.t("page_sources", lang), icon=":material/menu_book:"),
])
ui.filter_widgets(bundle, lang)
st.sidebar.caption(i18n.t("licence_geo", lang))
page.run()
