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
import pydeck as pdk

from dashboard import i18n
from dashboard.data import OTHER_FORCE
from dashboard.filters import FRESH_DAYS, View, date_range, filtered_events
from dashboard.occupation import CHANGE_RETAKEN, periods, prefecture_changes
from dashboard.player.story import disputed_markers, retaken_line
from dashboard.player.layers import NO_BOUND, deck_spec
from dashboard.player.legend import DEFAULT_SPEED, POINT_FORCES, SPEEDS, labels, legend
from dashboard.story_layers import freed_before_retaken, pocket_areas
from dashboard.map_layers import (
    main_force_type,
    short_source,
    static_department_codes,
)

# At "one event date per step", how long each event date stays on screen.
EVENT_STEP_SECONDS = 1.0
# Coordinates are sent with 3 decimals (about 100 m): finer than a point on a national map,
# and a third fewer bytes at 100k rows than pandas' full floats.
COORDINATE_DECIMALS = 3

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


def event_records(
    shown: pd.DataFrame,
    lang: str,
    force_of_actor: dict[str, str],
    actor_labels: dict[str, str],
    freed_on: dict[str, dt.date] | None = None,
) -> tuple[list[list], list[int]]:
    """The distinct (force, massacre, title, place, actors, source, retaken) rows, and each
    event's row number among them. A table that repeats a text (the same place, the same source)
    sends it once; the tooltip is filled from these texts as plain text in the browser. `retaken`
    tells a retaken place's two dates (`freed_on`: freed_before_retaken)."""
    # A force the palette does not know (a teacher's own actors table) is drawn as "other".
    forces = [
        POINT_FORCES.index(force) if force in POINT_FORCES else POINT_FORCES.index(OTHER_FORCE)
        for force in (main_force_type(actors, force_of_actor) for actors in shown["actor_list"])
    ]
    table = pd.DataFrame(
        {
            "force": forces,
            "massacre": (shown["event_type"] == "massacre").astype(int).to_numpy(),
            "title": shown["title_en" if lang == "en" else "title_fr"].to_numpy(),
            "place": shown["place"].to_numpy(),
            "actors": [", ".join(actor_labels.get(a, a) for a in actors) for actors in shown["actor_list"]],
            "source": shown["source"].map(short_source).to_numpy(),
            "retaken": retaken_line(shown, freed_on or {}, lang),
        }
    )
    codes, uniques = pd.MultiIndex.from_frame(table).factorize()
    return [list(row) for row in uniques], codes.tolist()


def event_points(
    events: pd.DataFrame, view: View, first: dt.date, force_of_actor: dict[str, str], actor_labels: dict[str, str]
) -> dict:
    """The filtered events with a place, whatever their date, as columns of day numbers."""
    shown = filtered_events(events, view)
    shown = shown[shown["department_code"] != ""]  # nationwide facts have no place on the map
    start = (shown["date"] - pd.Timestamp(first)).dt.days
    end = (shown["end_date"].fillna(shown["date"]) - pd.Timestamp(first)).dt.days
    # The earlier liberation is looked up in the whole table: a filter on who fought must not
    # lose the date a retaken place had been freed.
    records, codes = event_records(shown, view.lang, force_of_actor, actor_labels, freed_before_retaken(events))
    return {
        "lon": shown["lon"].round(COORDINATE_DECIMALS).tolist(),
        "lat": shown["lat"].round(COORDINATE_DECIMALS).tolist(),
        "start": start.tolist(),
        "end": end.tolist(),
        "record": codes,
        "records": records,
    }


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


def table_payload(
    events: pd.DataFrame,
    departments: pd.DataFrame,
    lang: str,
    departments_table: pd.DataFrame | None = None,
    pockets: pd.DataFrame | None = None,
    communes: pd.DataFrame | None = None,
) -> dict:
    """The part of the payload that follows the table and the language only, whatever the filters
    (see build_payload): who held the départements, the pockets, the disputed départements."""
    first, _ = date_range(events)
    held = departments_table if departments_table is not None else events
    lang = i18n.normalize_language(lang)
    return {
        "segments": department_segments(held, departments, first, pockets),
        "pockets": pocket_areas(pockets, communes, first, lang) if pockets is not None and communes is not None else [],
        "disputed": disputed_markers(held, departments, first, lang),
        "department_total": len(departments),
    }


def build_payload(
    events: pd.DataFrame,
    departments: pd.DataFrame,
    view: View,
    force_of_actor: dict[str, str],
    actor_labels: dict[str, str],
    jump: Jump,
    focus: pdk.ViewState | None = None,
    departments_table: pd.DataFrame | None = None,
    present: bool = False,
    pockets: pd.DataFrame | None = None,
    communes: pd.DataFrame | None = None,
    table_part: dict | None = None,
) -> dict:
    """Everything the player needs, as JSON-ready data.

    `events` draws the points (under the view's filters); who held the départements comes from
    `departments_table` (default: `events`) unfiltered, as on the map before: a filter on who
    fought does not un-liberate a département. `pockets` (pockets.py) marks the freed départements
    where a pocket is still held, and with `communes` (the points their outlines are drawn around)
    draws each pocket as an occupied area. `table_part`: table_payload's result, when kept.
    """
    first, last = date_range(events)
    shown_dates = sorted(filtered_events(events, view)["date"].unique())
    lang = i18n.normalize_language(view.lang)
    if table_part is None:
        table_part = table_payload(events, departments, lang, departments_table, pockets, communes)
    return {
        "lang": lang,
        "present": present,
        "first": first.isoformat(),
        "last": last.isoformat(),
        "event_days": [day_number(day, first) for day in shown_dates],
        "points": event_points(events, view, first, force_of_actor, actor_labels),
        **table_part,
        "fresh_days": FRESH_DAYS,
        "deck": deck_spec(focus),
        "focus": None
        if focus is None
        else {"latitude": focus.latitude, "longitude": focus.longitude, "zoom": focus.zoom},
        "jump": {"date": jump.date.isoformat(), "seq": jump.seq},
        "speeds": list(SPEEDS),
        "default_speed": DEFAULT_SPEED,
        "event_step_seconds": EVENT_STEP_SECONDS,
        "labels": labels(lang),
        "legend": legend(),
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
