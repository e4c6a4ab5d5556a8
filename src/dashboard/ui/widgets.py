"""Widgets shared by the pages: a chart with its table, data text shown literally."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import i18n
from dashboard.chart_parts import localized
from dashboard.text import csv_bytes, escape_markdown
from dashboard.ui import shared


def plain(text: object) -> str:
    """Data text for st.markdown, shown literally."""
    return escape_markdown(text)


def chart_with_table(
    table: pd.DataFrame,
    figure_of: Callable[[pd.DataFrame], go.Figure],
    name: str,
    lang: str,
    actor_labels: dict[str, str] | None = None,
    shared_by: tuple = (),
) -> None:
    """A chart, then its accessible twin: the same numbers as a table and as a CSV download.
    An empty table (a filter matching nothing) is said in words instead of an empty chart.
    `shared_by`: what the figure depends on besides the table, so sessions share it (ui.shared)."""
    if table.empty or ("events" in table and table["events"].sum() == 0):
        st.info(i18n.t("no_match", lang))
        return
    st.plotly_chart(
        shared.figure(name, table, figure_of, shared_by), key=f"chart.{name}", config={"displaylogo": False}
    )
    with st.expander(i18n.t("chart_data", lang)):
        st.dataframe(localized(table, lang, actor_labels), hide_index=True, key=f"table.{name}")
        downloaded = localized(table, lang, actor_labels, dates_as_words=False)
        st.download_button(
            i18n.t("download_chart_csv", lang),
            csv_bytes(downloaded),
            file_name=f"liberation-{name}.csv",
            mime="text/csv",
            key=f"download.{name}",
        )
