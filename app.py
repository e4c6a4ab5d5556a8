"""Router: page config and navigation over pages/. Nothing else.

The shared sidebar (language, filters) is drawn by each page through `ui.page_setup()`, which also
makes sure the run came through here (see `dashboard/ui/legacy.py`). Each page's URL is
its file name (/map, /charts, …): with a pages/ folder, any other url_path makes Streamlit 1.67
show a "page not found" dialog on a process's first request.
"""

import streamlit as st

from dashboard import i18n, resources, ui

ui.read_url_once()  # a shared link may set the language and the projection mode
# The icon by its full path: the process may run from any folder (an installed package).
st.set_page_config(page_title="Libération 1944–1945", page_icon=str(resources.static_dir() / "favicon.png"),
                   layout="wide",
                   initial_sidebar_state="collapsed" if ui.present_mode() else "auto")
lang = ui.current_language()
page = st.navigation([
    st.Page("pages/map.py", title=i18n.t("page_map", lang), icon=":material/map:", default=True),
    st.Page("pages/charts.py", title=i18n.t("page_charts", lang), icon=":material/bar_chart:"),
    st.Page("pages/events.py", title=i18n.t("page_events", lang), icon=":material/table_view:"),
    st.Page("pages/sources.py", title=i18n.t("page_sources", lang), icon=":material/menu_book:"),
    st.Page("pages/upload.py", title=i18n.t("page_upload", lang), icon=":material/upload_file:"),
])
page.run()
