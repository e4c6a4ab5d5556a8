"""What every chart shares: fonts and margins, a date axis whose months are in the page's language,
the view's date as a marker, and a chart's table made ready to show or download."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.data import FORCE_TYPES
from dashboard.filters import View

FONT = {"size": 16}
MARGIN = {"t": 60, "l": 10, "r": 20, "b": 40}
DATE_MARKER_COLOR = "#555555"


def shown_forces(view: View) -> list[str]:
    """The force types the charts show: the filter's, or all of them."""
    return [force for force in FORCE_TYPES if not view.force_types or force in view.force_types]


def date_axis(days: pd.Series | list, view: View) -> dict:
    """A date axis spanning `days` and the view's date, its months named by the app: Plotly's own
    tick labels are English whatever the page's language."""
    spanned = [*pd.to_datetime(pd.Series(days)).dropna(), pd.Timestamp(view.date)]
    ticks, labels = i18n.month_ticks(min(spanned).date(), max(spanned).date(), view.lang)
    return {"type": "date", "tickmode": "array", "tickvals": [day.isoformat() for day in ticks], "ticktext": labels}


def dates_in_words(days: pd.Series, lang: str) -> list[str]:
    """Hover texts: Plotly's date formats (%B, %b) know only English month names."""
    return [i18n.format_optional_date(day, lang) for day in pd.to_datetime(days)]


def colon(lang: str) -> str:
    return " : " if lang == "fr" else ": "  # French typography puts a space before the colon


def add_date_marker(figure: go.Figure, view: View, labelled: bool = True) -> None:
    """The view's date as a dashed line (Plotly's default width), the same on every chart; its
    label sits left of the line, so that it stays inside the chart when the date ends the axis."""
    label = {"annotation_text": i18n.format_date(view.date, view.lang), "annotation_position": "top left"}
    # add_vline wants epoch milliseconds on a date axis; a date string breaks its annotation maths.
    figure.add_vline(
        x=pd.Timestamp(view.date).timestamp() * 1000,
        line_dash="dash",
        line_color=DATE_MARKER_COLOR,
        **(label if labelled else {}),
    )


def localized(
    table: pd.DataFrame, lang: str, actor_labels: dict[str, str] | None = None, dates_as_words: bool = True
) -> pd.DataFrame:
    """A chart's table with translated labels and column names, ready to show (dates in words)
    or to download (`dates_as_words=False`: YYYY-MM-DD, which a spreadsheet sorts)."""
    shown = table.copy()
    if "series" in shown:
        special = {"total": i18n.t("total", lang), "entirely_free": i18n.t("entirely_free", lang)}
        shown["series"] = [special.get(s) or i18n.force_type_label(s, lang) for s in shown["series"]]
    if "force_type" in shown:
        shown["force_type"] = [i18n.force_type_label(f, lang) for f in shown["force_type"]]
    if "region" in shown:
        shown["region"] = [i18n.region_label(r, lang) for r in shown["region"]]
    if "actor" in shown and actor_labels:
        shown["actor"] = [actor_labels.get(a, a) for a in shown["actor"]]
    for column in ("date", "start", "end", "formed", "surrendered"):
        if column in shown:
            days = pd.to_datetime(shown[column])
            shown[column] = dates_in_words(days, lang) if dates_as_words else days.dt.date
    shown = shown.drop(columns=["event_id"], errors="ignore")
    return shown.rename(columns=lambda column: i18n.column_label(column, lang))
