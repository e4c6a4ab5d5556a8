"""What the sessions of a class share: the map frame and the chart figures of one view.

A class opens the same link, moves to the dates the teacher names and opens the same chapters, so
many sessions ask for the same view. Building a map deck or a Plotly figure was most of a run's
server time (benchmarks/bench_load.py); here each is built once per view and data folder, and
shared by every session. cache_resource, not cache_data: shared read-only, never copied (nothing
mutates a deck, a figure or a frame once built).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

from dashboard.filters import department_states, events_on, visible_events
from dashboard.map_layers import build_deck, focus_view
from dashboard.ui import loading
from dashboard.view import View


@dataclass(frozen=True)
class MapFrame:
    """What the map page shows for one view: the départements' states, the events, the deck."""

    states: pd.DataFrame
    events_shown: int  # events up to the date under the filters
    deck: pdk.Deck
    events_of_day: pd.DataFrame  # listed under the map


# A deck is ~50 KB: the bound keeps the cache to tens of MB.
@st.cache_resource(show_spinner=False, max_entries=512)
def _map_frame(folder: str, stamps: tuple, view: View, since: dt.date, online_basemap: bool) -> MapFrame:
    bundle = loading.load_bundle()
    chapter = loading.chapter_by_id(view.chapter)
    view_state = focus_view(chapter.lat, chapter.lon, chapter.zoom) if chapter else None
    states = department_states(bundle.events, bundle.refs.departments, view.date)
    deck = build_deck(bundle.events, bundle.refs.departments, view, bundle.force_of_actor,
                      bundle.actor_labels(view.lang), since, online_basemap, loading.tooltip_column(view.lang),
                      view_state, states)
    return MapFrame(states, len(visible_events(bundle.events, view)), deck, events_on(bundle.events, view, since))


def map_frame(view: View, since: dt.date, online_basemap: bool) -> MapFrame:
    folder = loading.data_dir()
    return _map_frame(str(folder), loading._stamps(folder), view, since, online_basemap)


# A view's figures weigh a few hundred KB: the bound keeps the cache to tens of MB.
@st.cache_resource(show_spinner=False, max_entries=256)
def _figure(name: str, table: pd.DataFrame, shared_by: tuple, _figure_of: Callable[[pd.DataFrame], go.Figure]) -> go.Figure:
    return _figure_of(table)


def figure(name: str, table: pd.DataFrame, figure_of: Callable[[pd.DataFrame], go.Figure], shared_by: tuple) -> go.Figure:
    """The chart `name` of this table, built once for all sessions when `shared_by` names all that
    the figure depends on besides the table (the view, a title); built afresh when it is empty."""
    if not shared_by:
        return figure_of(table)
    return _figure(name, table, shared_by, figure_of)


@st.cache_resource(show_spinner=False, max_entries=512)
def _table(name: str, folder: str, stamps: tuple, shared_by: tuple, _build: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    return _build()


def table(name: str, build: Callable[[], pd.DataFrame], shared_by: tuple) -> pd.DataFrame:
    """The table `name` (a chart's numbers), built once for all sessions: `shared_by` names all that
    it depends on besides the data folder (the view, an option)."""
    folder = loading.data_dir()
    # The pockets feed several charts: an edited pockets.csv or communes.csv is a new key too.
    stamps = (*loading._stamps(folder), loading._stamp(folder, "pockets.csv"), loading._stamp(folder, "communes.csv"))
    return _table(name, str(folder), stamps, shared_by, build)
