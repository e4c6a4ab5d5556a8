"""What the sessions of a class share: the chart tables and figures of one view.

A class opens the same link, moves to the dates the teacher names and opens the same chapters, so
many sessions ask for the same view. Building a map deck or a Plotly figure was most of a run's
server time (benchmarks/bench_load.py); the map is now drawn in the browser (dashboard.player),
and each chart is built once per view and data folder, shared by every session (never a class's
uploaded table: its charts are built for its session only). cache_resource,
not cache_data: shared read-only, never copied (nothing mutates a figure or a table once built).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.ui import loading


# A view's figures weigh a few hundred KB: the bound keeps the cache to tens of MB.
@st.cache_resource(show_spinner=False, max_entries=256)
def _figure(
    name: str, table: pd.DataFrame, shared_by: tuple, _figure_of: Callable[[pd.DataFrame], go.Figure]
) -> go.Figure:
    return _figure_of(table)


def figure(
    name: str, table: pd.DataFrame, figure_of: Callable[[pd.DataFrame], go.Figure], shared_by: tuple
) -> go.Figure:
    """The chart `name` of this table, built once for all sessions when `shared_by` names all that
    the figure depends on besides the table (the view, a title); built afresh when it is empty."""
    if not shared_by or loading.shown_own_table() is not None:  # a class's upload is its session's only
        return figure_of(table)
    return _figure(name, table, shared_by, figure_of)


@st.cache_resource(show_spinner=False, max_entries=512)
def _table(name: str, folder: str, stamps: tuple, shared_by: tuple, _build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    return _build()


def table(name: str, build: Callable[[], pd.DataFrame], shared_by: tuple) -> pd.DataFrame:
    """The table `name` (a chart's numbers), built once for all sessions: `shared_by` names all that
    it depends on besides the data folder (the view, an option)."""
    if loading.shown_own_table() is not None:
        return build()  # a class's own table: never in a cache another session reads
    folder = loading.data_dir()
    # The pockets feed several charts: an edited pockets.csv or communes.csv is a new key too.
    stamps = (*loading._stamps(folder), loading._stamp(folder, "pockets.csv"), loading._stamp(folder, "communes.csv"))
    return _table(name, str(folder), stamps, shared_by, build)
