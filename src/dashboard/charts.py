"""DataFrame -> Plotly figures. Builders return figures and the tables behind them; they never render."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.data import EVENT_TYPES, FORCE_TYPES
from dashboard.filters import View, filtered_events, prefecture_liberations, visible_events
from dashboard.map_layers import FORCE_COLORS_HEX

FONT = {"size": 16}


def cumulative_liberations(events: pd.DataFrame, departments: pd.DataFrame, view: View) -> pd.DataFrame:
    """Number of préfectures liberated by each day (one row per day a préfecture is freed)."""
    liberations = prefecture_liberations(filtered_events(events, view), departments)
    per_day = liberations.groupby("liberated_on").size().rename("count").reset_index()
    per_day["cumulative"] = per_day["count"].cumsum()
    return per_day.rename(columns={"liberated_on": "date"})


def cumulative_liberations_figure(table: pd.DataFrame, view: View) -> go.Figure:
    lang = view.lang
    figure = go.Figure(go.Scatter(
        x=table["date"], y=table["cumulative"], mode="lines", line={"shape": "hv", "width": 3, "color": "#0b4f8a"},
        name=i18n.t("chart_cumulative", lang),
    ))
    figure.add_vline(x=pd.Timestamp(view.date).timestamp() * 1000, line_width=2, line_dash="dash", line_color="#D55E00")
    figure.update_layout(title=i18n.t("chart_cumulative", lang), font=FONT, margin={"t": 60, "l": 40, "r": 20, "b": 40},
                         yaxis={"rangemode": "tozero", "title": i18n.t("count", lang)}, xaxis={"type": "date"})
    return figure


def events_by_type_and_force(events: pd.DataFrame, view: View) -> pd.DataFrame:
    """Events up to the view's date, counted by event type and force type involved.

    An event involving two force types counts once for each.
    """
    shown = visible_events(events, view)
    rows = []
    for kind in EVENT_TYPES:
        of_kind = shown[shown["event_type"] == kind]
        for force in FORCE_TYPES:
            rows.append({"event_type": kind, "force_type": force, "count": int(of_kind[f"involves_{force}"].sum())})
    return pd.DataFrame(rows)


def events_by_type_figure(table: pd.DataFrame, view: View) -> go.Figure:
    lang = view.lang
    figure = go.Figure()
    for force in FORCE_TYPES:
        part = table[table["force_type"] == force]
        figure.add_bar(
            x=[i18n.event_type_label(kind, lang) for kind in part["event_type"]], y=part["count"],
            name=i18n.force_type_label(force, lang), marker_color=FORCE_COLORS_HEX[force],
        )
    figure.update_layout(barmode="stack", title=i18n.t("chart_by_type", lang), font=FONT,
                         yaxis={"rangemode": "tozero", "title": i18n.t("count", lang)},
                         margin={"t": 60, "l": 40, "r": 20, "b": 40}, legend={"orientation": "h"})
    return figure
