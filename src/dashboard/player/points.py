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


def event_points(
    events: pd.DataFrame,
    view: View,
    first: dt.date,
    force_of_actor: dict[str, str],
    actor_labels: dict[str, str],
    freed_on: dict[str, dt.date] | None = None,
) -> dict[str, Any]:
    """The filtered events with a place, whatever their date, as packed columns: position,
    `start` and `duration` (day numbers; end = start + duration), `force` (in POINT_FORCES),
    `massacre` (0/1) and the row of each text in `texts`. `freed_on` (freed_before_retaken, looked
    up in the whole table: a filter on who fought must not lose the date a retaken place had been
    freed) gives the retaken places' two dates."""
    # Nationwide facts have no place on the map; a row with no coordinates cannot be drawn. Only
    # the columns the points need are copied (a class's table may have 100,000 rows).
    placed = (events["department_code"] != "") & events["lon"].notna() & events["lat"].notna()
    shown = events.loc[matches_filters(events, view) & placed, list(POINT_COLUMNS)]
    start = (shown["date"] - pd.Timestamp(first)).dt.days.to_numpy()
    end = (shown["end_date"].fillna(shown["date"]) - pd.Timestamp(first)).dt.days.to_numpy()
    actors, actor_texts = text_table(
        shown["actor_list"], lambda listed: ", ".join(actor_labels.get(a, a) for a in listed)
    )
    # A force the palette does not know (a teacher's own actors table) is drawn as "other".
    force_codes, force_names = text_table(shown["actor_list"], lambda listed: main_force_type(listed, force_of_actor))
    force_index = [POINT_FORCES.index(f if f in POINT_FORCES else OTHER_FORCE) for f in force_names]
    columns = {
        "title": text_table(shown["title_en" if view.lang == "en" else "title_fr"], _text_or_empty),
        "place": text_table(shown["place"], _text_or_empty),
        "actors": (actors, actor_texts),
        "source": text_table(shown["source"], lambda source: short_source(_text_or_empty(source))),
        "retaken": text_table(retaken_line(shown, freed_on or {}, view.lang)),
    }
    return {
        "count": len(shown),
        "lon": pack(np.round(shown["lon"].to_numpy(dtype=float) * COORDINATE_SCALE), COORDINATE_SCALE),
        "lat": pack(np.round(shown["lat"].to_numpy(dtype=float) * COORDINATE_SCALE), COORDINATE_SCALE),
        "start": pack(start),
        "duration": pack(end - start),
        "force": pack(np.asarray(force_index, dtype=np.int64)[force_codes]),
        "massacre": pack((shown["event_type"] == "massacre").to_numpy(dtype=np.int64)),
        **{field: pack(codes) for field, (codes, _) in columns.items()},
        "texts": {field: texts for field, (_, texts) in columns.items()},
    }


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
