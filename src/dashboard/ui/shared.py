"""What the sessions of a class share: each chart of a view, built once.

A class opens the same link, moves to the dates the teacher names and opens the same chapters, so
many sessions ask for the same view. Building a chart's table, its Plotly figure, the table shown
as its twin and the CSV download was most of a run's server time (benchmarks/bench_load.py): all
four are built once per chart, view and data folder, and shared by every session (never a class's
uploaded table: its charts are built for its session only). The cache is keyed by small values
(the chart's name, the view, an option), never by hashing a table on every rerun.
cache_resource, not cache_data: shared read-only, never copied (nothing mutates them once built).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.ui import loading


@dataclass(frozen=True)
class ChartParts:
    """A chart and its accessible twin, ready to draw."""

    table: pd.DataFrame  # the chart's numbers
    figure: go.Figure | None  # None when nothing matches the view
    shown: pd.DataFrame  # the table as the page shows it (labels translated, dates in words)
    csv: bytes  # the table as downloaded


def _stamps(folder: Path) -> tuple[float | None, ...]:
    # The pockets feed several charts: an edited pockets.csv or communes.csv is a new key too.
    return (*loading._stamps(folder), loading._stamp(folder, "pockets.csv"), loading._stamp(folder, "communes.csv"))


# A view's chart weighs a few hundred KB at most: the bound keeps the cache to tens of MB.
@st.cache_resource(show_spinner=False, max_entries=256)
def _chart(name: str, folder: str, stamps: tuple, shared_by: tuple, _build: Callable[[], ChartParts]) -> ChartParts:
    return _build()


def chart(name: str, build: Callable[[], ChartParts], shared_by: tuple) -> ChartParts:
    """The chart `name`, built once for all sessions: `shared_by` names all that it depends on
    besides the data folder (the view, an option)."""
    if loading.shown_own_table() is not None:
        return build()  # a class's own table: never in a cache another session reads
    folder = loading.data_dir()
    return _chart(name, str(folder), _stamps(folder), shared_by, build)
