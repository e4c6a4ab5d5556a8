"""Événements / Events: the whole table, searchable and downloadable."""

import streamlit as st

from dashboard import filters, i18n, tables, text, ui

bundle, view = ui.page_setup()
lang = view.lang
ui.finish_page(view)

st.title(i18n.t("page_events", lang))
search_column, confidence_column = st.columns([2, 1])
query = search_column.text_input(i18n.t("search", lang), key="event_search")
levels = confidence_column.multiselect(i18n.t("filter_confidence", lang), ["high", "medium", "low"],
                                       format_func=lambda level: i18n.confidence_label(level, lang),
                                       placeholder=i18n.t("filter_all", lang), key="event_confidence")
matching = tables.search_events(tables.with_confidence(filters.filtered_events(bundle.events, view), levels), query)
table = tables.explorer_table(matching, lang, bundle.actor_labels(lang))
st.caption(f"{len(table)} / {len(bundle.events)} {i18n.t('rows', lang)}")
if table.empty:
    st.info(i18n.t("no_match", lang))
link_column = i18n.t("col_source_url", lang)
st.dataframe(table, hide_index=True, height=560,
             column_config={link_column: st.column_config.LinkColumn(link_column)})
downloaded = tables.explorer_table(matching, lang, bundle.actor_labels(lang), dates_as_words=False)
# csv_bytes: a class's own table may hold cells a spreadsheet would run as formulas.
st.download_button(i18n.t("download_csv", lang), text.csv_bytes(downloaded),
                   file_name="liberation-events.csv", mime="text/csv")
