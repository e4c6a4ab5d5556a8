"""What the map player needs to tell the whole story, as plain data (no Streamlit, no deck.gl):
each département's spans of freedom and recapture, the pockets as areas with their days, the
départements whose liberation date the sources dispute, and the two dates of a retaken place.

Days are numbers counted from the table's first day, as everywhere in the player.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from dashboard import i18n
from dashboard.data import FIRST_ALLOWED_DATE, LAST_ALLOWED_DATE
from dashboard.disputes import parse_other_dates
from dashboard.filters import prefecture_liberations
from dashboard.occupation import periods, prefecture_changes

# "Until the end": a day number beyond any table, exact in float32 like the player's bounds.
OPEN_END = 1_000_000
STATE_CODES = {"freed": 1, "retaken": 2}


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    # Rows as plain dicts: typed cells for mypy, where itertuples' attributes are untyped.
    return frame.to_dict("records")  # type: ignore[return-value]


def day_number(day: dt.date | pd.Timestamp, first: dt.date) -> int:
    return int((pd.Timestamp(day) - pd.Timestamp(first)).days)


def department_spans(
    events: pd.DataFrame, departments: pd.DataFrame, first: dt.date, codes: tuple[str, ...]
) -> list[list[list[int]]]:
    """For each département in `codes` order: its spans [state, first day, day it ended (OPEN_END
    while it lasts)], state 1 = freed, 2 = retaken. Empty: occupied throughout, as far as the
    table says."""
    spans = periods(prefecture_changes(events, departments))
    by_code: dict[str, list[list[int]]] = {code: [] for code in codes}
    for row in _records(spans):
        if row["department_code"] in by_code:
            end = OPEN_END if pd.isna(row["end"]) else day_number(row["end"], first)
            by_code[row["department_code"]].append([STATE_CODES[row["state"]], day_number(row["start"], first), end])
    return [by_code[code] for code in codes]


def pocket_areas(
    pockets: pd.DataFrame, outlines: dict[str, list[list[float]]], first: dt.date, lang: str
) -> list[dict]:
    """Each pocket as an area (its outline from pocket_outlines) with its name and the days it
    was held: from `formed` to the day before `surrendered` (the day it surrendered, it is free)."""
    name = "name_en" if lang == "en" else "name_fr"
    return [
        {
            "id": row["pocket_id"],
            "name": row[name],
            "polygon": outlines[row["pocket_id"]],
            "from": day_number(row["formed"], first),
            "to": day_number(row["surrendered"], first),
            "dates": i18n.format_date_range(row["formed"].date(), row["surrendered"].date(), lang),
        }
        for row in _records(pockets)
    ]


def disputed_rows(events: pd.DataFrame, departments: pd.DataFrame) -> pd.DataFrame:
    """The préfecture liberation rows (prefecture_liberations) that give other dates."""
    rows = prefecture_liberations(events, departments)
    return rows[rows["other_dates"] != ""]


def word_disputed(rows: pd.DataFrame, lang: str) -> list[dict]:
    """For each of `rows` (disputed_rows): where to put the marker, the table's date and each
    other date with who gives it, in words, in the page's language."""
    marked = []
    for row in _records(rows):
        others, _ = parse_other_dates(row["other_dates"], FIRST_ALLOWED_DATE, LAST_ALLOWED_DATE)
        marked.append(
            {
                "code": row["department_code"],
                "place": row["place"],
                "position": [round(float(row["lon"]), 3), round(float(row["lat"]), 3)],
                "date": i18n.format_date(row["liberated_on"].date(), lang),
                "others": [
                    f"{i18n.format_date(other.day, lang)} : {other.given_by}"
                    if lang == "fr"
                    else f"{i18n.format_date(other.day, lang)}: {other.given_by}"
                    for other in others
                ],
            }
        )
    return marked


def disputed_departments(events: pd.DataFrame, departments: pd.DataFrame, lang: str) -> list[dict]:
    """The départements whose liberation row gives other dates, worded (word_disputed)."""
    return word_disputed(disputed_rows(events, departments), lang)


def freed_before_retaken(events: pd.DataFrame) -> dict[str, dt.date]:
    """For each `retaken` row, the day its place had been freed: the last `liberation` or
    `insurrection` row at the same place and département that ends on or before the recapture."""
    key = ["place", "department_code"]
    freeing = events.loc[events["event_type"].isin(["liberation", "insurrection"]), key]
    freeing = freeing.assign(freed=events["end_date"].fillna(events["date"])).dropna(subset=["freed"])
    retaken = events.loc[events["event_type"] == "retaken", ["event_id", "date", *key]]
    if retaken.empty or freeing.empty:
        return {}
    # One join for the whole table (a class's table may have 100,000 rows): for each recapture,
    # the latest freeing of the same place that ended on or before it.
    found = pd.merge_asof(
        retaken.sort_values("date"),
        freeing.sort_values("freed"),
        left_on="date",
        right_on="freed",
        by=key,
        direction="backward",
    ).dropna(subset=["freed"])
    return {str(event_id): day.date() for event_id, day in zip(found["event_id"], found["freed"], strict=True)}
