"""Vos données / Your data: upload a class's own table, see what was read and every problem,
and show it throughout the app for this session only."""

import streamlit as st

from dashboard import i18n, ui, upload
from dashboard.data import DATA_DIR
from dashboard.problems import MAX_REPORTED_PROBLEMS
from dashboard.reading import MAX_FILE_BYTES, MAX_ROWS

TEMPLATES = DATA_DIR / "templates"

bundle, view = ui.page_setup()
lang = view.lang
ui.finish_page(view)

st.title(i18n.t("page_upload", lang))
st.write(i18n.t("upload_intro", lang))
st.caption(i18n.t("upload_columns", lang))

with st.expander(i18n.t("templates", lang), icon=":material/download:"):
    for key, name, mime in (
        ("download_template_csv", "modele-evenements.csv", "text/csv"),
        ("download_template_xlsx", "modele-evenements.xlsx",
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("download_example", "exemple-normandie-1944.csv", "text/csv"),
    ):
        st.download_button(i18n.t(key, lang), (TEMPLATES / name).read_bytes(), file_name=name, mime=mime,
                           key=f"template.{name}")

rows_limit = f"{MAX_ROWS:,}".replace(",", "\u202f" if lang == "fr" else ",")
uploaded = st.file_uploader(i18n.t("upload_label", lang, mb=MAX_FILE_BYTES // 1024 // 1024, rows=rows_limit),
                            type=list(upload.ACCEPTED_EXTENSIONS), key="upload.file")
state = ui.read_upload(uploaded.getvalue(), uploaded.name) if uploaded is not None else ui.own_table()

if state is not None:
    own = state.own
    result = own.result
    if own.facts is not None:
        st.write(ui.plain(i18n.t("read_as", lang, facts=upload.describe_facts(own.facts, lang))))
    st.write(i18n.t("rows_read", lang, valid=len(own.events), total=result.total_rows))
    if own.notices:
        st.info(i18n.t("upload_notices", lang) + "\n\n"
                + "\n".join(f"- {ui.plain(notice.text(lang))}" for notice in own.notices))
    if result.problems:
        st.warning(i18n.t("upload_problems", lang, n=result.problem_count))
        st.dataframe(upload.problem_rows(result.problems, lang), hide_index=True, key="upload.report")
        extra = upload.more_problems(result)
        if extra:
            st.caption(i18n.t("upload_more_problems", lang, n=extra, shown=MAX_REPORTED_PROBLEMS))
        st.download_button(i18n.t("download_report", lang), upload.report_csv(result, lang),
                           file_name="rapport-tableau.csv" if lang == "fr" else "table-report.csv",
                           mime="text/csv", key="upload.download_report")
    if not own.usable:
        st.error(i18n.t("upload_nothing_valid", lang))
    elif ui.shown_own_table() is not None:
        st.success(i18n.t("upload_shown", lang))
