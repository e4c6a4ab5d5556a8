"""Sources & méthode: the references, the sources each row cites, and the licences."""

import streamlit as st

from dashboard import i18n, tables, ui

bundle, view = ui.page_setup()
lang = view.lang
ui.finish_page(view)

st.title(i18n.t("page_sources", lang))
st.write(i18n.t("sources_intro", lang))

st.header(i18n.t("sources_references", lang))
for reference in tables.SEED_REFERENCES:
    st.markdown(f"- {ui.plain(reference)}")

st.header(i18n.t("method", lang))
st.write(i18n.t("method_text", lang))

st.header(i18n.t("sources_confidence", lang))
st.write(i18n.t("sources_confidence_text", lang))
st.dataframe(tables.confidence_counts(bundle.events, lang), hide_index=True)
st.caption(i18n.t("disputed_rows", lang, n=int((bundle.events["other_dates"] != "").sum())))

st.header(i18n.t("sources_cited", lang))
st.dataframe(tables.source_counts(bundle.events, lang), hide_index=True)

unsourced = tables.unsourced_rows(bundle.events)
if not unsourced.empty:
    st.header(i18n.t("sources_unverified", lang))
    st.dataframe(tables.explorer_table(unsourced, lang, bundle.actor_labels(lang)), hide_index=True)

st.header(i18n.t("licences", lang))
st.markdown(f"- {ui.plain(i18n.t('licence_geo', lang))}\n- {ui.plain(i18n.t('licence_events', lang))}")
