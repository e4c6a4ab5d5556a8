"""DataFrame -> the tables behind the charts, and tables -> Plotly figures. Nothing here renders.

Every chart is built from a plain table (its accessible twin: shown and downloadable next to
it), so the numbers a test checks are exactly the numbers plotted.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard import i18n
from dashboard.data import FORCE_TYPES
from dashboard.filters import View, department_states, filtered_events, prefecture_liberations, visible_events
from dashboard.map_layers import FORCE_COLORS_HEX, main_force_type
from dashboard.pockets import entirely_free_series
from dashboard.occupation import FREE_STATES, STATE_PARTIAL
from dashboard.text import plotly_text
from dashboard.chart_parts import FONT, MARGIN, add_date_marker, colon, date_axis, dates_in_words, shown_forces

# --- 1. The pace of the Liberation -----------------------------------------------------------


def cumulative_by_force(
    events: pd.DataFrame,
    departments: pd.DataFrame,
    view: View,
    prefectures_only: bool = True,
    pockets: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Cumulative count, day by day, of préfectures liberated (or of all events) involving each
    force type, plus the total. Columns: date, series ("total" or a force type), cumulative.

    Counted over the whole period (the marker shows the selected date), under the view's filters.
    An event involving two force types counts once in each force's line and once in the total.
    With `pockets`, a line "entirely_free" leaves out the freed départements where a pocket holds
    out, so the chart never shows a silent 100 %.
    """
    chosen = filtered_events(events, view)
    if prefectures_only:
        rows = prefecture_liberations(chosen, departments).rename(columns={"liberated_on": "day"})
    else:
        rows = chosen.assign(day=chosen["date"])
    columns = ["date", "series", "cumulative"]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    days = pd.DatetimeIndex(sorted(rows["day"].unique()))
    series = {"total": rows}
    series.update({force: rows[rows[f"involves_{force}"]] for force in shown_forces(view)})
    parts = []
    for name, part in series.items():
        per_day = part.groupby("day").size().reindex(days, fill_value=0).cumsum()
        parts.append(pd.DataFrame({"date": days, "series": name, "cumulative": per_day.to_numpy()}))
    if prefectures_only and pockets is not None and not pockets.empty:
        parts.append(entirely_free_series(events, departments, view, pockets))
    return pd.concat(parts, ignore_index=True)[columns]


def cumulative_figure(table: pd.DataFrame, view: View, title_key: str) -> go.Figure:
    lang = view.lang
    figure = go.Figure()
    for name in table["series"].unique():
        part = table[table["series"] == name]
        is_total = name == "total"
        if name == "entirely_free":  # grey dashes under the total: the gap is the pockets
            label, line = i18n.t("entirely_free", lang), {"width": 3, "color": "#7f7f7f", "dash": "dash"}
        else:
            label = i18n.t("total", lang) if is_total else i18n.force_type_label(name, lang)
            line = {
                "width": 4 if is_total else 2.5,
                "color": "#222222" if is_total else FORCE_COLORS_HEX[name],
                "dash": "dot" if is_total else "solid",
            }
        figure.add_scatter(
            x=part["date"],
            y=part["cumulative"],
            mode="lines",
            line_shape="hv",
            name=label,
            line=line,
            customdata=dates_in_words(part["date"], lang),
            hovertemplate="%{customdata}" + colon(lang) + "%{y}<extra>%{fullData.name}</extra>",
        )
    add_date_marker(figure, view)
    figure.update_layout(
        title=i18n.t(title_key, lang),
        font=FONT,
        margin=MARGIN,
        legend={"orientation": "h", "y": -0.15},
        yaxis={"rangemode": "tozero", "title": i18n.t("count", lang)},
        xaxis=date_axis(table["date"], view),
    )
    return figure


# --- 2. By région ----------------------------------------------------------------------------


def region_progress(
    events: pd.DataFrame, departments: pd.DataFrame, view: View, departments_with_pockets: frozenset[str] = frozenset()
) -> pd.DataFrame:
    """For each région (the région filter applies): its départements, how many are liberated at
    the view's date, how many of those still hold a pocket, and the share liberated.
    Columns: region, departments, liberated, with_pocket, share (0–100)."""
    states = department_states(events, departments, view.date, departments_with_pockets)
    if view.regions:
        states = states[states["region"].isin(view.regions)]
    states = states.assign(is_liberated=states["state"].isin(FREE_STATES), has_pocket=states["state"] == STATE_PARTIAL)
    table = (
        states.groupby("region")
        .agg(
            departments=("department_code", "size"),
            liberated=("is_liberated", "sum"),
            with_pocket=("has_pocket", "sum"),
        )
        .reset_index()
    )
    table["share"] = (100 * table["liberated"] / table["departments"]).round(1)
    return table.sort_values(["share", "region"], ascending=[False, True]).reset_index(drop=True)


def region_progress_figure(table: pd.DataFrame, view: View) -> go.Figure:
    lang = view.lang
    labels = [plotly_text(i18n.region_label(region, lang)) for region in table["region"]]
    figure = go.Figure(
        go.Bar(
            x=table["share"],
            y=labels,
            orientation="h",
            marker_color="#0b4f8a",
            text=[
                f"{row.liberated}/{row.departments}"
                + (" " + i18n.t("with_pocket", lang, n=row.with_pocket) if row.with_pocket else "")
                for row in table.itertuples()
            ],
            textposition="outside",
            # French puts a space before the colon and the per cent sign; English does not.
            hovertemplate="%{y}" + colon(lang) + "%{x}" + (" %" if lang == "fr" else "%") + "<extra></extra>",
        )
    )
    figure.update_layout(
        title=i18n.t("chart_region_share", lang, date=i18n.format_date(view.date, lang)),
        font=FONT,
        margin=MARGIN,
        xaxis={"range": [0, 105], "title": "%"},
        yaxis={"autorange": "reversed"},
        height=120 + 34 * max(len(table), 1),
    )
    return figure


def region_events_by_force(events: pd.DataFrame, view: View) -> pd.DataFrame:
    """Events up to the view's date per région and force type involved (nationwide facts left
    out: they have no région). Columns: region, force_type, events."""
    shown = visible_events(events, view)
    shown = shown[shown["region"] != ""]
    rows = [
        {"region": region, "force_type": force, "events": int(part[f"involves_{force}"].sum())}
        for region, part in shown.groupby("region")
        for force in shown_forces(view)
    ]
    return pd.DataFrame(rows, columns=["region", "force_type", "events"])


def region_events_figure(table: pd.DataFrame, view: View) -> go.Figure:
    lang = view.lang
    order = table.groupby("region")["events"].sum().sort_values(ascending=False).index
    figure = go.Figure()
    for force in table["force_type"].unique():
        part = table[table["force_type"] == force].set_index("region").reindex(order).reset_index()
        figure.add_bar(
            y=[plotly_text(i18n.region_label(r, lang)) for r in part["region"]],
            x=part["events"],
            orientation="h",
            name=i18n.force_type_label(force, lang),
            marker_color=FORCE_COLORS_HEX[force],
        )
    figure.update_layout(
        barmode="stack",
        title=i18n.t("chart_region_events", lang, date=i18n.format_date(view.date, lang)),
        font=FONT,
        margin=MARGIN,
        legend={"orientation": "h", "y": -0.15},
        xaxis={"rangemode": "tozero", "title": i18n.t("count", lang)},
        yaxis={"autorange": "reversed"},
        height=160 + 34 * max(len(order), 1),
    )
    return figure


# --- 3. By actor -----------------------------------------------------------------------------


def liberations_by_actor(events: pd.DataFrame, view: View, force_of_actor: dict[str, str]) -> pd.DataFrame:
    """How many `liberation` events each actor took part in, up to the view's date.
    Columns: actor, force_type, liberations (largest first)."""
    shown = visible_events(events, view)
    shown = shown[shown["event_type"] == "liberation"]
    actors = shown["actor_list"].explode()
    actors = actors[actors.map(lambda a: force_of_actor.get(a) in shown_forces(view))]
    counts = actors.value_counts().rename_axis("actor").reset_index(name="liberations")
    counts["force_type"] = counts["actor"].map(force_of_actor)
    return counts.sort_values(["liberations", "actor"], ascending=[False, True]).reset_index(drop=True)[
        ["actor", "force_type", "liberations"]
    ]


def actor_figure(table: pd.DataFrame, view: View, actor_labels: dict[str, str]) -> go.Figure:
    lang = view.lang
    figure = go.Figure()
    for force in [f for f in FORCE_TYPES if f in set(table["force_type"])]:
        part = table[table["force_type"] == force]
        figure.add_bar(
            y=[plotly_text(actor_labels.get(a, a)) for a in part["actor"]],
            x=part["liberations"],
            orientation="h",
            name=i18n.force_type_label(force, lang),
            marker_color=FORCE_COLORS_HEX[force],
        )
    order = [plotly_text(actor_labels.get(a, a)) for a in table["actor"]]
    figure.update_layout(
        title=i18n.t("chart_actors", lang, date=i18n.format_date(view.date, lang)),
        font=FONT,
        margin=MARGIN,
        legend={"orientation": "h", "y": -0.15},
        xaxis={
            "rangemode": "tozero",
            "title": i18n.t("count", lang),
            "dtick": 1 if len(table) and table["liberations"].max() < 10 else None,
        },
        yaxis={"categoryorder": "array", "categoryarray": order, "autorange": "reversed"},
        height=160 + 30 * max(len(table), 1),
    )
    return figure


# --- 4. Multi-day events ---------------------------------------------------------------------


def multi_day_events(events: pd.DataFrame, view: View, force_of_actor: dict[str, str]) -> pd.DataFrame:
    """Events lasting more than a day (insurrections, sieges, battles, pockets) under the filters.
    Columns: event_id, title, start, end, days, force_type."""
    chosen = filtered_events(events, view)
    chosen = chosen[chosen["end_date"].notna() & (chosen["end_date"] > chosen["date"])]
    title = chosen["title_en" if view.lang == "en" else "title_fr"]
    table = pd.DataFrame(
        {
            "event_id": chosen["event_id"],
            "title": title,
            "start": chosen["date"],
            "end": chosen["end_date"],
            "days": (chosen["end_date"] - chosen["date"]).dt.days + 1,
            "force_type": [main_force_type(actors, force_of_actor) for actors in chosen["actor_list"]],
        }
    )
    return table.sort_values(["start", "event_id"]).reset_index(drop=True)


def multi_day_figure(table: pd.DataFrame, view: View) -> go.Figure:
    lang = view.lang
    figure = go.Figure()
    # A bar from start to the end of the last day: base is the start, length in milliseconds.
    lengths = (table["end"] + pd.Timedelta(days=1) - table["start"]).dt.total_seconds() * 1000
    for force in [f for f in FORCE_TYPES if f in set(table["force_type"])]:
        mask = table["force_type"] == force
        figure.add_bar(
            y=table.loc[mask, "title"].map(plotly_text),
            x=lengths[mask],
            base=table.loc[mask, "start"],
            orientation="h",
            name=i18n.force_type_label(force, lang),
            marker_color=FORCE_COLORS_HEX[force],
            customdata=list(zip(table.loc[mask, "days"], dates_in_words(table.loc[mask, "start"], lang), strict=True)),
            hovertemplate="%{y}<br>%{customdata[1]} · %{customdata[0]} "
            + i18n.t("days_unit", lang)
            + "<extra></extra>",
        )
    add_date_marker(figure, view)
    figure.update_layout(
        title=i18n.t("chart_durations", lang),
        font=FONT,
        margin=MARGIN,
        barmode="overlay",
        legend={"orientation": "h", "y": -0.1},
        xaxis=date_axis(pd.concat([table["start"], table["end"]]), view),
        yaxis={
            "categoryorder": "array",
            "categoryarray": [plotly_text(title) for title in table["title"]],
            "autorange": "reversed",
        },
        height=200 + 26 * max(len(table), 1),
    )
    return figure
