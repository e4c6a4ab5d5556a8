"""Charts of what is uncertain or unfinished: the range a disputed count spans, and the pockets' span.

Kept apart from charts.py (the pace, the régions, the actors): these read the `other_dates`
column and the pockets table, which only the bundled table is sure to have.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.data import FIRST_ALLOWED_DATE, LAST_ALLOWED_DATE
from dashboard.disputes import parse_other_dates
from dashboard.chart_parts import FONT, MARGIN, add_date_marker, colon, date_axis, dates_in_words
from dashboard.filters import View, filtered_events, prefecture_liberations
from dashboard.text import plotly_text

BAND_COLOR = "rgba(0, 114, 178, 0.25)"  # Okabe–Ito blue, light: the range, not a line to read
POCKET_COLOR = "#7f7f7f"


def liberation_day_range(events: pd.DataFrame, departments: pd.DataFrame, view: View) -> pd.DataFrame:
    """Per département (under the view's filters): the day the table counts it liberated and the
    earliest and latest day any cited source gives. Columns: department_code, day, earliest, latest."""
    rows = prefecture_liberations(filtered_events(events, view), departments)
    given = [
        [day, *(pd.Timestamp(d.day) for d in parse_other_dates(text, FIRST_ALLOWED_DATE, LAST_ALLOWED_DATE)[0])]
        for day, text in zip(rows["liberated_on"], rows["other_dates"], strict=True)
    ]
    return pd.DataFrame(
        {
            "department_code": rows["department_code"].to_numpy(),
            "day": rows["liberated_on"].to_numpy(),
            "earliest": [min(days) for days in given],
            "latest": [max(days) for days in given],
        }
    )


def disputed_pace(events: pd.DataFrame, departments: pd.DataFrame, view: View) -> pd.DataFrame:
    """Day by day, départements liberated by the table's dates, and the lowest and highest count
    the other dates allow. Columns: date, count, lowest, highest."""
    ranges = liberation_day_range(events, departments, view)
    if ranges.empty:
        return pd.DataFrame(columns=["date", "count", "lowest", "highest"])
    days = pd.DatetimeIndex(sorted(set(ranges["day"]) | set(ranges["earliest"]) | set(ranges["latest"])))

    def cumulative(column: str) -> list[int]:
        return ranges.groupby(column).size().reindex(days, fill_value=0).cumsum().tolist()

    # Counting every département on its latest date gives the lowest count on each day.
    return pd.DataFrame(
        {"date": days, "count": cumulative("day"), "lowest": cumulative("latest"), "highest": cumulative("earliest")}
    )


def disputed_pace_figure(table: pd.DataFrame, view: View) -> go.Figure:
    lang = view.lang
    figure = go.Figure()
    figure.add_scatter(
        x=table["date"],
        y=table["lowest"],
        mode="lines",
        line={"width": 0, "shape": "hv"},
        showlegend=False,
        hoverinfo="skip",
    )
    figure.add_scatter(
        x=table["date"],
        y=table["highest"],
        mode="lines",
        line={"width": 0, "shape": "hv"},
        fill="tonexty",
        fillcolor=BAND_COLOR,
        name=i18n.t("chart_dispute_band", lang),
        customdata=dates_in_words(table["date"], lang),
        hovertemplate="%{customdata}" + colon(lang) + "%{y}<extra>%{fullData.name}</extra>",
    )
    figure.add_scatter(
        x=table["date"],
        y=table["count"],
        mode="lines",
        line={"width": 3, "color": "#222222", "shape": "hv"},
        name=i18n.t("chart_dispute_table", lang),
        customdata=dates_in_words(table["date"], lang),
        hovertemplate="%{customdata}" + colon(lang) + "%{y}<extra>%{fullData.name}</extra>",
    )
    figure.update_layout(
        title=i18n.t("chart_disputed_pace", lang),
        font=FONT,
        margin=MARGIN,
        legend={"orientation": "h", "y": -0.15},
        yaxis={"rangemode": "tozero", "title": i18n.t("count", lang)},
        xaxis=date_axis(table["date"], view),
    )
    return figure


def pocket_spans(pockets: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Each pocket with the day it formed, the day it surrendered and how many days it was held."""
    name = "name_en" if lang == "en" else "name_fr"
    table = pd.DataFrame(
        {
            "pocket": pockets[name].astype(str),
            "formed": pd.to_datetime(pockets["formed"]),
            "surrendered": pd.to_datetime(pockets["surrendered"]),
        }
    )
    table["days"] = (table["surrendered"] - table["formed"]).dt.days
    return table.sort_values(["formed", "pocket"]).reset_index(drop=True)


def pocket_spans_figure(table: pd.DataFrame, view: View) -> go.Figure:
    lang = view.lang
    # A horizontal bar from formation to surrender: base = formed, length in milliseconds.
    figure = go.Figure(
        go.Bar(
            y=table["pocket"].map(plotly_text),  # a name from pockets.csv: text, never a link
            x=(table["surrendered"] - table["formed"]).dt.total_seconds() * 1000,
            base=table["formed"],
            orientation="h",
            marker_color=POCKET_COLOR,
            customdata=list(
                zip(
                    dates_in_words(table["formed"], lang),
                    dates_in_words(table["surrendered"], lang),
                    table["days"],
                    strict=True,
                )
            ),
            hovertemplate="%{y}"
            + colon(lang)
            + "%{customdata[0]} → %{customdata[1]} (%{customdata[2]} "
            + i18n.t("days_unit", lang)
            + ")<extra></extra>",
        )
    )
    add_date_marker(figure, view, labelled=False)
    figure.update_layout(
        title=i18n.t("chart_pockets", lang),
        font=FONT,
        margin=MARGIN,
        xaxis=date_axis(pd.concat([table["formed"], table["surrendered"]]), view),
        yaxis={"autorange": "reversed"},
        height=140 + 40 * max(len(table), 1),
    )
    return figure
