"""The pockets: areas German garrisons held after the land around them was freed
(the Atlantic pockets and Dunkerque until May 1945, Colmar until February 1945).

Each pocket is a list of communes (INSEE codes, checked against data/communes.csv) with the day it
formed and the day it surrendered. The map draws it as an area, an outline padded around the
communes' points (we have a point per commune, not its outline), from its first to its last day.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.data import (
    DATA_DIR,
    EVENT_ID_PATTERN,
    FIRST_ALLOWED_DATE,
    LAST_ALLOWED_DATE,
    URL_PATTERN,
    Problem,
    parse_date,
)
from dashboard.csvcheck import read_file_text, read_rows
from dashboard.disputes import confidence_error, parse_other_dates
from dashboard.filters import View, filtered_events, prefecture_liberations

POCKETS_FILE = "pockets.csv"
POCKETS_CSV = DATA_DIR / POCKETS_FILE
COMMUNES_CSV = DATA_DIR / "communes.csv"
POCKET_COLUMNS = (
    "pocket_id",
    "name_fr",
    "name_en",
    "department_codes",
    "insee_codes",
    "formed",
    "surrendered",
    "other_dates",
    "source",
    "source_url",
    "confidence",
    "note_fr",
    "note_en",
)
LIST_SEPARATOR = ";"
# Padding around each commune's point, in km: about the radius of a rural commune, so that a
# pocket of one or two communes still shows as an area.
PAD_KM = 2.5
KM_PER_DEGREE = 111.2
# An outline's corners to about 10 m: finer digits would only lengthen the map's data.
OUTLINE_DECIMALS = 4


@dataclass
class PocketsResult:
    pockets: pd.DataFrame  # pocket_id, names, department_codes (tuple), insee_codes (tuple), formed, surrendered, …
    problems: list[Problem] = field(default_factory=list)


def read_communes(path: Path = COMMUNES_CSV) -> pd.DataFrame:
    """insee_code, name, department_code, lat, lon; codes stay text ("01001")."""
    return pd.read_csv(path, dtype={"insee_code": str, "department_code": str}, keep_default_na=False)


def read_communes_empty() -> pd.DataFrame:
    """No communes (a data folder without communes.csv): every pocket's commune is then unknown."""
    return pd.DataFrame(
        {column: pd.Series(dtype=str) for column in ("insee_code", "name", "department_code", "lat", "lon")}
    )


def _empty() -> pd.DataFrame:
    return pd.DataFrame(columns=list(POCKET_COLUMNS))


def parse_pockets(text: str, communes: pd.DataFrame, department_codes: set[str]) -> PocketsResult:
    """Validate a pockets table; every problem names pockets.csv, its line and column, in FR and EN."""
    rows, problems = read_rows(text, POCKET_COLUMNS, POCKETS_FILE)
    department_of_commune = communes.set_index("insee_code")["department_code"].to_dict()
    records, seen = [], set()
    for line, row in rows:
        found: list[Problem] = []

        # Bound now (defaults), so the helper cannot see a later row's line or list.
        def fail(column: str, fr: str, en: str, found: list[Problem] = found, line: int = line) -> None:
            found.append(Problem(line, column, fr, en, POCKETS_FILE))

        if not EVENT_ID_PATTERN.fullmatch(row["pocket_id"]) or row["pocket_id"] in seen:
            fail("pocket_id", "identifiant invalide ou déjà utilisé.", "invalid or repeated id.")
        seen.add(row["pocket_id"])
        days: dict[str, dt.date] = {}
        for column in ("formed", "surrendered"):
            day = parse_date(row[column])
            if day is None or not FIRST_ALLOWED_DATE <= day <= LAST_ALLOWED_DATE:
                fail(
                    column,
                    f"date « {row[column]} » invalide (AAAA-MM-JJ, {FIRST_ALLOWED_DATE.year}–{LAST_ALLOWED_DATE.year}).",
                    f"invalid date '{row[column]}' (YYYY-MM-DD, {FIRST_ALLOWED_DATE.year}–{LAST_ALLOWED_DATE.year}).",
                )
            else:
                days[column] = day
        if len(days) == 2 and days["surrendered"] < days["formed"]:
            fail(
                "surrendered",
                "la reddition précède la formation de la poche.",
                "the surrender is before the pocket formed.",
            )
        departments = tuple(c for c in row["department_codes"].split(LIST_SEPARATOR) if c)
        for code in departments:
            if code not in department_codes:
                fail("department_codes", f"département « {code} » inconnu.", f"unknown département '{code}'.")
        codes = tuple(c.strip() for c in row["insee_codes"].split(LIST_SEPARATOR) if c.strip())
        if not codes:
            fail("insee_codes", "aucune commune : la poche n'a pas d'étendue.", "no commune: the pocket has no extent.")
        for code in codes:
            where = department_of_commune.get(code)
            if where is None:
                fail(
                    "insee_codes",
                    f"commune « {code} » absente de data/communes.csv.",
                    f"commune '{code}' is not in data/communes.csv.",
                )
            elif where not in departments:
                fail(
                    "insee_codes",
                    f"la commune {code} est dans le département {where}, hors de la poche.",
                    f"commune {code} is in département {where}, outside the pocket's départements.",
                )
        for error in parse_other_dates(row["other_dates"], FIRST_ALLOWED_DATE, LAST_ALLOWED_DATE)[1]:
            fail("other_dates", error.message_fr, error.message_en)
        if message := confidence_error(row["confidence"]):
            fail("confidence", *message)
        if not row["source"] or not URL_PATTERN.fullmatch(row["source_url"]):
            fail(
                "source",
                "source et lien (http…) obligatoires : la date d'une poche doit être sourcée.",
                "source and link (http…) required: a pocket's dates must be sourced.",
            )
        for column in ("name_fr", "name_en"):
            if not row[column]:
                fail(column, "cellule vide : elle est obligatoire.", "empty cell: it is required.")
        problems.extend(found)
        if not found:
            records.append(
                {
                    **row,
                    "department_codes": departments,
                    "insee_codes": codes,
                    "formed": pd.Timestamp(days["formed"]),
                    "surrendered": pd.Timestamp(days["surrendered"]),
                }
            )
    return PocketsResult(pd.DataFrame.from_records(records, columns=list(POCKET_COLUMNS)), problems)


def load_pockets(communes: pd.DataFrame, department_codes: set[str], path: Path = POCKETS_CSV) -> PocketsResult:
    text, problem = read_file_text(Path(path), POCKETS_FILE)
    if text is None:
        return PocketsResult(_empty(), [problem] if problem else [])
    return parse_pockets(text, communes, department_codes)


def held_on(pockets: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """The pockets still held on `day`: formed on or before it, surrendered after it (a pocket
    counts as freed on the day it surrendered, as a town does on the day it is liberated)."""
    today = pd.Timestamp(day)
    return pockets[(pockets["formed"] <= today) & (pockets["surrendered"] > today)]


def departments_holding_pockets(pockets: pd.DataFrame, day: dt.date) -> frozenset[str]:
    held = held_on(pockets, day)
    return frozenset(code for codes in held["department_codes"] for code in codes)


def _convex_hull(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Andrew's monotone chain; counter-clockwise, first point not repeated."""
    points = sorted(set(points))
    if len(points) <= 2:
        return points

    def cross(o: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[tuple[float, float]] = []
    upper: list[tuple[float, float]] = []
    for p in points:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(points):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def outline(lon_lat: list[tuple[float, float]], pad_km: float = PAD_KM, sides: int = 12) -> list[list[float]]:
    """A polygon [[lon, lat], …] around the points: the hull of a small circle around each one."""
    ring: list[tuple[float, float]] = []
    for lon, lat in lon_lat:
        dlat = pad_km / KM_PER_DEGREE
        dlon = dlat / max(math.cos(math.radians(lat)), 0.1)
        ring.extend(
            (lon + dlon * math.cos(2 * math.pi * k / sides), lat + dlat * math.sin(2 * math.pi * k / sides))
            for k in range(sides)
        )
    return [[round(x, OUTLINE_DECIMALS), round(y, OUTLINE_DECIMALS)] for x, y in _convex_hull(ring)]


def pocket_outlines(pockets: pd.DataFrame, communes: pd.DataFrame) -> dict[str, list[list[float]]]:
    """pocket_id -> its outline, from the points of the communes it held."""
    where = communes.set_index("insee_code")[["lon", "lat"]]
    return {
        pocket_id: outline([tuple(where.loc[code]) for code in codes])
        for pocket_id, codes in zip(pockets["pocket_id"], pockets["insee_codes"], strict=True)
    }


def entirely_free_series(
    events: pd.DataFrame, departments: pd.DataFrame, view: View, pockets: pd.DataFrame
) -> pd.DataFrame:
    """Day by day, départements liberated with no pocket held inside them: the cumulative count
    minus the freed départements where a pocket still holds out. Columns: date, series, cumulative."""
    liberated_on = prefecture_liberations(filtered_events(events, view), departments).set_index("department_code")[
        "liberated_on"
    ]
    # Every day the count can change: a liberation, a pocket forming, a pocket surrendering.
    days = sorted({*liberated_on, *pd.to_datetime(pockets["formed"]), *pd.to_datetime(pockets["surrendered"])})
    # Plain Python over the few pockets and départements: a pandas filter per day was most of
    # the pace chart's time. Held on a day: as held_on (formed on or before it, surrendered after).
    freed = list(liberated_on.items())
    spans = list(zip(pockets["formed"], pockets["surrendered"], pockets["department_codes"], strict=True))
    counts = []
    for day in days:
        today = pd.Timestamp(day.date())
        holding = {code for formed, gone, codes in spans if formed <= today < gone for code in codes}
        counts.append(len({code for code, on in freed if on <= day} - holding))
    return pd.DataFrame({"date": pd.DatetimeIndex(days), "series": "entirely_free", "cumulative": counts})
