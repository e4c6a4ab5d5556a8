"""The map player's data: the pydeck layers and everything the browser needs to play the
Liberation on its own. Pure: no Streamlit here (see component.py for the mounting).

The browser receives this once per table, filter and language, and then animates by changing
layer props only (a filter range per frame, on the GPU): no data is rebuilt, and nothing goes back
to the server while it plays or while the range is dragged. Dates travel as day numbers counted
from the table's first day, which keeps the payload small and the filter values exact in float32.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import pandas as pd

from dashboard import i18n
from dashboard.filters import FRESH_DAYS, View, date_range, matches_filters
from dashboard.occupation import CHANGE_RETAKEN, periods, prefecture_changes, prefecture_rows
from dashboard.player.points import TablePoints, select_points, table_points
from dashboard.player.story import disputed_markers, disputed_rows
from dashboard.player.layers import NO_BOUND, deck_spec
from dashboard.player.legend import DEFAULT_SPEED, SPEEDS, labels, legend
from dashboard.pockets import pocket_outlines
from dashboard.story_layers import freed_before_retaken, pocket_areas
from dashboard.map_layers import (
    static_department_codes,
)

# At "one event date per step", how long each event date stays on screen.
EVENT_STEP_SECONDS = 1.0
# Segment kinds: who held a département from a day to another (see department_segments).
SEGMENT_FREED, SEGMENT_RETAKEN, SEGMENT_PARTIAL = "freed", "retaken", "partial"


@dataclass(frozen=True)
class Jump:
    """A date Python asks the player to move to. `seq` changes each time Python moves the
    date, and only then: the player jumps when it sees a new `seq`, never because its own
    date came back from the server (no echo loop)."""

    date: dt.date
    seq: int


def day_number(day: dt.date | pd.Timestamp, first: dt.date) -> int:
    return (pd.Timestamp(day) - pd.Timestamp(first)).days


def department_segments(
    events: pd.DataFrame, departments: pd.DataFrame, first: dt.date, pockets: pd.DataFrame | None = None
) -> dict[str, list]:
    """Who held each département when, as segments of the served GeoJSON's features: `feature`
    (its position), `kind` (freed, retaken, or partial: freed but a pocket held inside), `start`
    and `end` (day numbers: from `start` to the day before `end`) and `freed_on` (the liberation the
    segment follows, for "freed in the last days"). As occupation.states_at: a département never
    freed has no segment and stays occupied; one freed, retaken and freed again has three."""
    held: dict[str, list[tuple[int, int]]] = {}
    if pockets is not None:
        for codes, formed, surrendered in zip(
            pockets["department_codes"], pockets["formed"], pockets["surrendered"], strict=True
        ):
            for code in codes:
                held.setdefault(code, []).append((day_number(formed, first), day_number(surrendered, first)))
    position = {code: i for i, code in enumerate(static_department_codes())}
    segments: dict[str, list] = {"feature": [], "kind": [], "start": [], "end": [], "freed_on": []}

    def add(code: str, kind: str, start: int, end: int, freed_on: int) -> None:
        for column, value in zip(segments, (position[code], kind, start, end, freed_on), strict=True):
            segments[column].append(value)

    spans: list[dict[str, Any]] = periods(prefecture_changes(events, departments)).to_dict("records")  # type: ignore[assignment]
    for span in spans:
        if span["department_code"] not in position:
            continue
        code, start = str(span["department_code"]), day_number(span["start"], first)
        end = NO_BOUND if pd.isna(span["end"]) else day_number(span["end"], first)
        if span["state"] == CHANGE_RETAKEN:
            add(code, SEGMENT_RETAKEN, start, end, start)
            continue
        # A pocket formed or surrendered while free cuts the span: held on a day means formed on
        # or before it and surrendered after it (pockets.held_on).
        cuts = sorted(
            {start, end} | {day for formed, gone in held.get(code, ()) for day in (formed, gone) if start < day < end}
        )
        for begin, finish in pairwise(cuts):
            pocket = any(formed <= begin < gone for formed, gone in held.get(code, ()))
            add(code, SEGMENT_PARTIAL if pocket else SEGMENT_FREED, begin, finish, start)
    return segments


@dataclass(frozen=True)
class TableFacts:
    """What the player draws of a table whatever the filters and the language, worked out once
    per table (see table_facts): a new filter or language then costs a selection and some words."""

    first: dt.date
    last: dt.date
    points: TablePoints
    segments: dict[str, list]
    disputed: pd.DataFrame  # the préfecture liberations whose dates the sources dispute
    pockets: pd.DataFrame | None
    outlines: dict[str, list[list[float]]]
    department_total: int


def table_facts(
    events: pd.DataFrame,
    departments: pd.DataFrame,
    force_of_actor: dict[str, str],
    departments_table: pd.DataFrame | None = None,
    pockets: pd.DataFrame | None = None,
    communes: pd.DataFrame | None = None,
) -> TableFacts:
    """The TableFacts of `events` (the points); who held the départements comes from
    `departments_table` (default: `events`) unfiltered, as on the map before: a filter on who
    fought does not un-liberate a département. `pockets` (pockets.py) marks the freed départements
    where a pocket is still held, and with `communes` (the points their outlines are drawn around)
    draws each pocket as an occupied area."""
    first, last = date_range(events)
    held = prefecture_rows(departments_table if departments_table is not None else events, departments)
    areas = (pockets, pocket_outlines(pockets, communes)) if pockets is not None and communes is not None else None
    return TableFacts(
        first=first,
        last=last,
        # The earlier liberation is looked up in the whole table: a filter on who fought must not
        # lose the date a retaken place had been freed.
        points=table_points(events, first, force_of_actor, freed_before_retaken(events)),
        segments=department_segments(held, departments, first, pockets),
        disputed=disputed_rows(held, departments),
        pockets=areas[0] if areas else None,
        outlines=areas[1] if areas else {},
        department_total=len(departments),
    )


def table_payload(facts: TableFacts, lang: str) -> dict:
    """The part of the payload that follows the table and the language only, whatever the filters
    (see build_payload): who held the départements, the pockets, the disputed départements."""
    lang = i18n.normalize_language(lang)
    pockets = facts.pockets
    return {
        "segments": facts.segments,
        "pockets": [] if pockets is None else pocket_areas(pockets, facts.outlines, facts.first, lang),
        "disputed": disputed_markers(facts.disputed, facts.first, lang),
        "department_total": facts.department_total,
    }


def build_payload(
    events: pd.DataFrame,
    departments: pd.DataFrame,
    view: View,
    force_of_actor: dict[str, str],
    actor_labels: dict[str, str],
    departments_table: pd.DataFrame | None = None,
    pockets: pd.DataFrame | None = None,
    communes: pd.DataFrame | None = None,
    facts: TableFacts | None = None,
    table_part: dict | None = None,
) -> dict:
    """Everything the player needs to play, as JSON-ready data: the points of `events` under the
    view's filters, and who held the départements, the pockets and the disputed dates (table_facts,
    with `departments_table`, `pockets` and `communes`) in the view's language. Not the date nor
    the place to show: those travel apart (control), so that moving them sends none of this again.

    `facts` (table_facts of `events`) and `table_part` (table_payload of them in this language),
    when kept, spare working them out again: a server keeps them per table and per language.
    """
    if facts is None:
        facts = table_facts(events, departments, force_of_actor, departments_table, pockets, communes)
    shown = matches_filters(events, view)
    shown_dates = sorted(events.loc[shown, "date"].unique())
    lang = i18n.normalize_language(view.lang)
    first = facts.first
    return {
        "lang": lang,
        "first": first.isoformat(),
        "last": facts.last.isoformat(),
        "event_days": [day_number(day, first) for day in shown_dates],
        "points": select_points(facts.points, shown.to_numpy(), lang, actor_labels),
        **(table_part if table_part is not None else table_payload(facts, lang)),
        "fresh_days": FRESH_DAYS,
        "deck": deck_spec(),
        "speeds": list(SPEEDS),
        "default_speed": DEFAULT_SPEED,
        "event_step_seconds": EVENT_STEP_SECONDS,
        "labels": labels(lang),
        "legend": legend(),
    }


def control(jump: Jump, focus: tuple[float, float, float] | None = None, present: bool = False) -> dict:
    """What Python asks of the player apart from its data (control.js): the date to move to (a
    new `seq` each time Python moves it), the place a chapter flies the map to (latitude,
    longitude, zoom; None for all France), and projection mode."""
    return {
        "jump": {"date": jump.date.isoformat(), "seq": jump.seq},
        "focus": None if focus is None else dict(zip(("latitude", "longitude", "zoom"), focus, strict=True)),
        "present": present,
    }


def parse_reported_date(value: object, first: dt.date, last: dt.date) -> dt.date | None:
    """The date in a value the browser sent ({"date": "YYYY-MM-DD", ...}), inside the table's
    range; None for anything else (a tampered or stale message changes nothing)."""
    if not isinstance(value, dict) or not isinstance(value.get("date"), str):
        return None
    try:
        day = dt.date.fromisoformat(value["date"])
    except ValueError:
        return None
    return day if first <= day <= last else None
