"""What is visible at a date under a filter: one place, so map, charts and explorer agree."""

from __future__ import annotations

import datetime as dt
import pandas as pd

from dashboard.data import EVENT_TYPES, FORCE_TYPES

# The states live in occupation.py; re-exported because every view of the map speaks of them.
from dashboard.occupation import (
    DEPARTMENT_STATES,
    FRESH_DAYS,
    STATE_FRESH,
    STATE_LIBERATED,
    STATE_OCCUPIED,
    STATE_PARTIAL,
    STATE_RETAKEN,
    final_liberations,
    free_count,
    prefecture_changes,
    states_at,
)
from dashboard.view import View

# The pure modules take the view from here as well.
__all__ = [
    "DEPARTMENT_STATES",
    "FRESH_DAYS",
    "STATE_FRESH",
    "STATE_LIBERATED",
    "STATE_OCCUPIED",
    "STATE_PARTIAL",
    "STATE_RETAKEN",
    "View",
]


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
    """The `liberation` row after which each département stayed free, with the day it counts as
    liberated (`liberated_on`: end_date when the liberation took several days). A département
    freed, retaken and freed again counts from its last liberation."""
    final = final_liberations(prefecture_changes(events, departments))
    rows = events.set_index("event_id").loc[final["event_id"]].reset_index()
    rows["liberated_on"] = final["liberated_on"].to_numpy()
    return rows


def department_states(
    events: pd.DataFrame,
    departments: pd.DataFrame,
    day: dt.date,
    departments_with_pockets: frozenset[str] = frozenset(),
) -> pd.DataFrame:
    """Every département with its state at `day`: occupied, retaken, partly occupied (a pocket),
    freshly liberated, or liberated; `changed_on` is the day of its last change of hands."""
    return states_at(departments, prefecture_changes(events, departments), day, departments_with_pockets)


def liberated_count(states: pd.DataFrame) -> int:
    """How many départements of a `department_states` table have their préfecture free."""
    return free_count(states)


def date_range(events: pd.DataFrame) -> tuple[dt.date, dt.date]:
    """First and last day of the table (end dates included)."""
    last = max(
        events["date"].max(), events["end_date"].max() if events["end_date"].notna().any() else events["date"].max()
    )
    return events["date"].min().date(), last.date()


def event_dates(events: pd.DataFrame) -> list[dt.date]:
    """The distinct days on which at least one event starts, in order."""
    return [stamp.date() for stamp in sorted(events["date"].unique())]
