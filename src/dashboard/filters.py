"""What is visible at a date under a filter: one place, so map, charts and explorer agree."""

from __future__ import annotations

import datetime as dt
import pandas as pd

from dashboard.data import EVENT_TYPES, FORCE_TYPES
from dashboard.view import View

__all__ = ["View"]  # the pure modules take the view from here as well

# A département liberated within this many days is drawn as "freshly liberated".
FRESH_DAYS = 7

STATE_OCCUPIED = "occupied"
STATE_LIBERATED = "liberated"
STATE_FRESH = "fresh"
DEPARTMENT_STATES = (STATE_OCCUPIED, STATE_FRESH, STATE_LIBERATED)


def matches_filters(events: pd.DataFrame, view: View) -> pd.Series:
    """Boolean mask of the events that pass the view's force-type, event-type and région filters."""
    mask = pd.Series(True, index=events.index)
    forces = [force for force in view.force_types if force in FORCE_TYPES]
    if forces:
        mask &= events[[f"involves_{force}" for force in forces]].any(axis=1)
    types = [kind for kind in view.event_types if kind in EVENT_TYPES]
    if types:
        mask &= events["event_type"].isin(types)
    if view.regions:
        mask &= events["region"].isin(view.regions)
    return mask


def filtered_events(events: pd.DataFrame, view: View) -> pd.DataFrame:
    """All events that pass the filters, whatever their date."""
    return events[matches_filters(events, view)]


def visible_events(events: pd.DataFrame, view: View) -> pd.DataFrame:
    """Events that have begun on or before the view's date and pass its filters."""
    started = events["date"] <= pd.Timestamp(view.date)
    return events[started & matches_filters(events, view)]


def events_on(events: pd.DataFrame, view: View, first_day: dt.date | None = None) -> pd.DataFrame:
    """Events under way between `first_day` (default: the view's date) and the view's date:
    those that start in that window, and multi-day events that cover any of it."""
    last = pd.Timestamp(view.date)
    first = pd.Timestamp(first_day or view.date)
    ends = events["end_date"].fillna(events["date"])
    active = (events["date"] <= last) & (ends >= first)
    return events[active & matches_filters(events, view)]


def prefecture_liberations(events: pd.DataFrame, departments: pd.DataFrame) -> pd.DataFrame:
    """The `liberation` row of each département's préfecture, with the day the département
    counts as liberated (`liberated_on`: end_date when the liberation took several days)."""
    prefecture_of = dict(zip(departments["department_code"], departments["prefecture"]))
    is_prefecture = events["place"] == events["department_code"].map(prefecture_of)
    rows = events[(events["event_type"] == "liberation") & is_prefecture].copy()
    rows["liberated_on"] = rows["end_date"].fillna(rows["date"])
    # A teacher's table may hold two rows for one préfecture: the earliest wins.
    rows = rows.sort_values("liberated_on").drop_duplicates("department_code", keep="first")
    return rows


def department_states(events: pd.DataFrame, departments: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Every département with its state at `day`: occupied, freshly liberated, or liberated.

    A département without a préfecture liberation row stays occupied: the table says nothing
    about it, and the map must not claim it was freed.
    """
    liberations = prefecture_liberations(events, departments)[["department_code", "liberated_on"]]
    states = departments[["department_code", "department_name", "region", "prefecture"]].merge(
        liberations, on="department_code", how="left")
    states["liberated_on"] = pd.to_datetime(states["liberated_on"])  # stays a date column when empty
    today = pd.Timestamp(day)
    liberated = states["liberated_on"] <= today
    fresh = liberated & (states["liberated_on"] > today - pd.Timedelta(days=FRESH_DAYS))
    states["state"] = STATE_OCCUPIED
    states.loc[liberated, "state"] = STATE_LIBERATED
    states.loc[fresh, "state"] = STATE_FRESH
    return states


def liberated_count(states: pd.DataFrame) -> int:
    """How many départements of a `department_states` table are free (freshly or not)."""
    return int((states["state"] != STATE_OCCUPIED).sum())


def date_range(events: pd.DataFrame) -> tuple[dt.date, dt.date]:
    """First and last day of the table (end dates included)."""
    last = max(events["date"].max(), events["end_date"].max() if events["end_date"].notna().any() else events["date"].max())
    return events["date"].min().date(), last.date()


def event_dates(events: pd.DataFrame) -> list[dt.date]:
    """The distinct days on which at least one event starts, in order."""
    return [stamp.date() for stamp in sorted(events["date"].unique())]
