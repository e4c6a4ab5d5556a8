"""The player's points, packed for the browser. Pure: no Streamlit.

A class's table may have 100,000 rows, and the browser gets them all at once (it filters by date
on the GPU). So the points travel as columns, not as a list of objects: each whole-number column
in the smallest unsigned array that holds it (after subtracting its minimum), little-endian and
base64-encoded inside the JSON; coordinates as whole thousandths of a degree (about 100 m, finer
than a point on a national map). Texts that repeat (places, actors, sources) are sent once, in a
table per field, and each point gives its row in them; the tooltip is filled from these tables as
plain text in the browser. player.js `unpack` reads the columns back.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from dashboard.data import FORCE_TYPES, OTHER_FORCE
from dashboard.filters import View, matches_filters
from dashboard.map_layers import main_force_type, short_source
from dashboard.player.story import retaken_line

# Coordinates in thousandths of a degree (3 decimals).
COORDINATE_SCALE = 1000
# The colours a point can have: one per force type, the fifth ("other") for an actor outside the
# four and for a civil fact with no armed actor.
POINT_FORCES = FORCE_TYPES
# Unsigned little-endian types, smallest first, and the largest value each holds.
PACK_TYPES = (("uint8", "<u1", 0xFF), ("uint16", "<u2", 0xFFFF), ("uint32", "<u4", 0xFFFFFFFF))
TEXT_FIELDS = ("title", "place", "actors", "source", "retaken")
POINT_COLUMNS = (
    "event_id",
    "date",
    "end_date",
    "event_type",
    "lon",
    "lat",
    "place",
    "actor_list",
    "source",
    "title_fr",
    "title_en",
)


def pack(values: Sequence[int] | np.ndarray, scale: int = 1) -> dict[str, Any]:
    """Whole numbers as {type, base, scale, data}: `data` holds value - base (base: the smallest
    value) in the smallest unsigned type that fits; the values are (base + raw) / scale."""
    array = np.asarray(values, dtype=np.int64)
    base = int(array.min()) if array.size else 0
    offsets = array - base
    top = int(offsets.max()) if array.size else 0
    fitting = [(name, dtype) for name, dtype, limit in PACK_TYPES if top <= limit]
    if not fitting:
        raise ValueError(f"values span {top}, more than a 32-bit column holds")
    name, dtype = fitting[0]
    data = base64.b64encode(offsets.astype(dtype).tobytes()).decode("ascii")
    return {"type": name, "base": base, "scale": scale, "data": data}


def unpack(packed: dict[str, Any]) -> np.ndarray:
    """The values of a packed column (whole numbers, or floats when `scale` is not 1)."""
    dtype = next(dtype for name, dtype, _ in PACK_TYPES if name == packed["type"])
    raw = np.frombuffer(base64.b64decode(packed["data"]), dtype=dtype).astype(np.int64) + packed["base"]
    return raw if packed["scale"] == 1 else raw / packed["scale"]


def text_table(values: Sequence[Any] | pd.Series, to_text: Callable[[Any], str] = str) -> tuple[np.ndarray, list[str]]:
    """Each value's row in the table of its distinct texts, and that table. `to_text` runs once
    per distinct value (not per row), and two values with the same text share one row."""
    # A column is factorized as it is (pandas' Arrow strings are fast); a list becomes objects.
    series = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    texts = [to_text(value) for value in uniques]
    text_codes, distinct = pd.factorize(pd.Series(texts, dtype=object))
    return np.asarray(text_codes)[codes], [str(text) for text in distinct]


def _text_or_empty(value: Any) -> str:
    return "" if pd.isna(value) else str(value)


@dataclass(frozen=True)
class TablePoints:
    """A table's drawable events as columns, worked out once per table, whatever the filters and
    the language: a new filter or a new language then costs a selection of rows, not another pass
    over 100,000 rows' texts (select_points)."""

    rows: np.ndarray  # each point's position in the events table
    numbers: dict[str, np.ndarray]  # lon, lat (thousandths of a degree), start, duration, force, massacre
    codes: dict[str, np.ndarray]  # each point's row in `texts`: title_fr, title_en, place, source, actors
    texts: dict[str, list]  # distinct texts; for `actors`, the distinct actor lists (worded per language)
    retaken: dict[int, tuple[dt.date, dt.date]]  # point -> (freed, retaken), for the retaken places


def table_points(
    events: pd.DataFrame, first: dt.date, force_of_actor: dict[str, str], freed_on: dict[str, dt.date] | None = None
) -> TablePoints:
    """The events with a place, whatever their date, as TablePoints. `freed_on`
    (freed_before_retaken, from the whole table) gives the retaken places' earlier liberation."""
    # Nationwide facts have no place on the map; a row with no coordinates cannot be drawn.
    placed = ((events["department_code"] != "") & events["lon"].notna() & events["lat"].notna()).to_numpy()
    rows = np.flatnonzero(placed)
    shown = events.iloc[rows]
    start = (shown["date"] - pd.Timestamp(first)).dt.days.to_numpy()
    end = (shown["end_date"].fillna(shown["date"]) - pd.Timestamp(first)).dt.days.to_numpy()
    actors, actor_lists = pd.factorize(pd.Series(list(shown["actor_list"]), dtype=object), use_na_sentinel=False)
    # A force the palette does not know (a teacher's own actors table) is drawn as "other".
    forces = [main_force_type(listed, force_of_actor) for listed in actor_lists]
    force_index = np.asarray(
        [POINT_FORCES.index(f if f in POINT_FORCES else OTHER_FORCE) for f in forces], dtype=np.int64
    )
    texts = {
        "title_fr": text_table(shown["title_fr"], _text_or_empty),
        "title_en": text_table(shown["title_en"], _text_or_empty),
        "place": text_table(shown["place"], _text_or_empty),
        "source": text_table(shown["source"], lambda source: short_source(_text_or_empty(source))),
        "actors": (np.asarray(actors), list(actor_lists)),
    }
    known = freed_on or {}
    dates = shown["date"].to_numpy()
    retaken = {
        int(i): (known[str(event_id)], pd.Timestamp(dates[i]).date())
        for i, event_id in zip(*_found(shown["event_id"], known), strict=True)
    }
    return TablePoints(
        rows=rows,
        numbers={
            "lon": np.round(shown["lon"].to_numpy(dtype=float) * COORDINATE_SCALE).astype(np.int64),
            "lat": np.round(shown["lat"].to_numpy(dtype=float) * COORDINATE_SCALE).astype(np.int64),
            "start": start.astype(np.int64),
            "duration": (end - start).astype(np.int64),
            "force": force_index[actors] if len(actors) else np.zeros(0, dtype=np.int64),
            "massacre": (shown["event_type"] == "massacre").to_numpy(dtype=np.int64),
        },
        codes={field: codes for field, (codes, _) in texts.items()},
        texts={field: words for field, (_, words) in texts.items()},
        retaken=retaken,
    )


def _found(event_ids: pd.Series, wanted: dict[str, dt.date]) -> tuple[np.ndarray, np.ndarray]:
    """The positions of the ids in `wanted`, and those ids (only a few rows are retaken)."""
    positions = np.flatnonzero(event_ids.isin(list(wanted)).to_numpy()) if wanted else np.zeros(0, dtype=np.int64)
    return positions, event_ids.to_numpy()[positions]


def _compact(codes: np.ndarray, words: Sequence[str]) -> tuple[np.ndarray, list[str]]:
    """The selected points' rows in a table of only the texts they use, each text once."""
    used, inverse = np.unique(codes, return_inverse=True)
    distinct_codes, distinct = pd.factorize(pd.Series([words[i] for i in used], dtype=object))
    return np.asarray(distinct_codes, dtype=np.int64)[inverse.reshape(-1)], [str(text) for text in distinct]


def select_points(table: TablePoints, mask: np.ndarray, lang: str, actor_labels: dict[str, str]) -> dict[str, Any]:
    """The packed points of the rows where `mask` (over the events table) is true: position,
    `start` and `duration` (day numbers; end = start + duration), `force` (in POINT_FORCES),
    `massacre` (0/1) and the row of each text in `texts`, in `lang`."""
    keep = np.flatnonzero(np.asarray(mask, dtype=bool)[table.rows])
    title = "title_en" if lang == "en" else "title_fr"
    actor_words = [", ".join(actor_labels.get(a, a) for a in listed) for listed in table.texts["actors"]]
    retaken_codes = np.zeros(len(keep), dtype=np.int64)
    retaken_words = [""]
    for position, (freed, retaken) in table.retaken.items():
        at = int(np.searchsorted(keep, position))
        if at < len(keep) and keep[at] == position:
            retaken_codes[at] = len(retaken_words)
            retaken_words.append(retaken_line(freed, retaken, lang))
    columns = {
        "title": _compact(table.codes[title][keep], table.texts[title]),
        "place": _compact(table.codes["place"][keep], table.texts["place"]),
        "actors": _compact(table.codes["actors"][keep], actor_words),
        "source": _compact(table.codes["source"][keep], table.texts["source"]),
        "retaken": _compact(retaken_codes, retaken_words),
    }
    numbers = {name: values[keep] for name, values in table.numbers.items()}
    return {
        "count": len(keep),
        "lon": pack(numbers["lon"], COORDINATE_SCALE),
        "lat": pack(numbers["lat"], COORDINATE_SCALE),
        **{name: pack(numbers[name]) for name in ("start", "duration", "force", "massacre")},
        **{field: pack(codes) for field, (codes, _) in columns.items()},
        "texts": {field: texts for field, (_, texts) in columns.items()},
    }


def event_points(
    events: pd.DataFrame,
    view: View,
    first: dt.date,
    force_of_actor: dict[str, str],
    actor_labels: dict[str, str],
    freed_on: dict[str, dt.date] | None = None,
) -> dict[str, Any]:
    """The view's points (select_points) of the events with a place, whatever their date.
    `freed_on` (freed_before_retaken, looked up in the whole table: a filter on who fought must
    not lose the date a retaken place had been freed) gives the retaken places' two dates."""
    table = table_points(events, first, force_of_actor, freed_on)
    return select_points(table, matches_filters(events, view).to_numpy(), view.lang, actor_labels)


def decode_points(points: dict[str, Any]) -> list[dict[str, Any]]:
    """The points of a payload, one dict per point, as the player reads them (for tests and
    tools): lon, lat, start, end, force (its name), massacre, and the texts."""
    number = {name: unpack(points[name]) for name in ("lon", "lat", "start", "duration", "force", "massacre")}
    index = {field: unpack(points[field]) for field in TEXT_FIELDS}
    return [
        {
            "lon": float(number["lon"][i]),
            "lat": float(number["lat"][i]),
            "start": int(number["start"][i]),
            "end": int(number["start"][i] + number["duration"][i]),
            "force": POINT_FORCES[int(number["force"][i])],
            "massacre": bool(number["massacre"][i]),
            **{field: points["texts"][field][int(index[field][i])] for field in TEXT_FIELDS},
        }
        for i in range(points["count"])
    ]
