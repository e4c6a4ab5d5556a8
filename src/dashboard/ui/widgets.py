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
from dashboard.ui.shared import ChartParts


def plain(text: object) -> str:
    """Data text for st.markdown, shown literally."""
    return escape_markdown(text)


def _nothing_matches(table: pd.DataFrame) -> bool:
    return table.empty or ("events" in table and table["events"].sum() == 0)


def chart_parts(
    table_of: Callable[[], pd.DataFrame],
    figure_of: Callable[[pd.DataFrame], go.Figure],
    lang: str,
    actor_labels: dict[str, str] | None = None,
) -> ChartParts:
    table = table_of()
    if _nothing_matches(table):
        return ChartParts(table, None, table, b"")
    downloaded = localized(table, lang, actor_labels, dates_as_words=False)
    return ChartParts(table, figure_of(table), localized(table, lang, actor_labels), csv_bytes(downloaded))


def chart_with_table(
    name: str,
    table_of: Callable[[], pd.DataFrame],
    figure_of: Callable[[pd.DataFrame], go.Figure],
    lang: str,
    actor_labels: dict[str, str] | None = None,
    shared_by: tuple = (),
) -> None:
    """A chart, then its accessible twin: the same numbers as a table and as a CSV download.
    An empty table (a filter matching nothing) is said in words instead of an empty chart.
    `shared_by`: all that the chart depends on besides the data folder (the view, an option), so
    that sessions asking for the same view share one build (ui.shared)."""
    parts = shared.chart(name, lambda: chart_parts(table_of, figure_of, lang, actor_labels), shared_by)
    if parts.figure is None:
        st.info(i18n.t("no_match", lang))
        return
    st.plotly_chart(parts.figure, key=f"chart.{name}", config={"displaylogo": False})
    with st.expander(i18n.t("chart_data", lang)):
        st.dataframe(parts.shown, hide_index=True, key=f"table.{name}")
        st.download_button(
            i18n.t("download_chart_csv", lang),
            parts.csv,
            file_name=f"liberation-{name}.csv",
            mime="text/csv",
            key=f"download.{name}",
        )
