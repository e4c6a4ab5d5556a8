"""The event table's shape: its columns, the values it may hold, and the rules a table is held to.

The bundled table is complete and strict; a class's own table (issue 11) may name its columns
in French, leave out what can be derived, and write dates as a French spreadsheet does.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

COLUMNS = (
    "event_id",
    "date",
    "end_date",
    "event_type",
    "place",
    "department_code",
    "region",
    "lat",
    "lon",
    "actors",
    "title_fr",
    "title_en",
    "description_fr",
    "description_en",
    "source",
    "source_url",
)
# Columns a table may leave out (a teacher's table rarely has them); see disputes.py.
OPTIONAL_COLUMNS = ("other_dates", "confidence")
ACTOR_SEPARATOR = ";"
UNSOURCED_PREFIX = "unsourced"

# The period the atlas covers, with a margin: Glières (early 1944) and Corsica (1943) belong,
# a typo like 1494 or 2044 does not.
FIRST_ALLOWED_DATE = dt.date(1943, 1, 1)
LAST_ALLOWED_DATE = dt.date(1945, 12, 31)
# Metropolitan France with Corsica, in WGS84 degrees.
LAT_RANGE = (41.3, 51.2)
LON_RANGE = (-5.3, 9.7)

EVENT_ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
URL_PATTERN = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
# A cell longer than this is almost certainly a paste accident or an attack on the page.
MAX_CELL_LENGTH = 2000


@dataclass(frozen=True)
class TableRules:
    """What a table must hold. The bundled table is complete and strict; a class's own table
    may name its columns in French and leave out what can be derived (id, région, coordinates,
    the other language's title), and may bring actors of its own."""

    required: tuple[str, ...]
    aliases: bool  # column names and vocabularies through dashboard.columns
    unknown_columns_are_problems: bool
    derive: bool  # fill event_id, région, lat/lon, the other title; accept 25/08/1944-style leniency
    source_required: bool
    actors_required: bool
    unknown_actors: bool  # accepted, with the row's force_type or as "other"


BUNDLED_RULES = TableRules(
    required=COLUMNS,
    aliases=False,
    unknown_columns_are_problems=True,
    derive=False,
    source_required=True,
    actors_required=True,
    unknown_actors=False,
)
OWN_TABLE_RULES = TableRules(
    required=("date", "place", "event_type"),
    aliases=True,
    unknown_columns_are_problems=False,
    derive=True,
    source_required=False,
    actors_required=False,
    unknown_actors=True,
)
# Columns only a class's own table may have: the force type of its own actors.
OWN_TABLE_COLUMNS = COLUMNS + OPTIONAL_COLUMNS + ("force_type",)
TITLE_COLUMNS = ("title_fr", "title_en")
# Checked every this many rows: the deadline costs a clock read, not one per row.
DEADLINE_EVERY = 2000

_DAY_FIRST = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_DAY_FIRST_SHORT_YEAR = re.compile(r"\d{1,2}[/.]\d{1,2}[/.](\d{2})")
_ISO_WITH_MIDNIGHT = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?")


def read_day(text: str) -> tuple[dt.date | None, str, str]:
    """A day from '1944-08-25' or '25/08/1944', or None and why not (FR, EN). '25/08/44' is
    refused: 44 could be 1944 or 2044, and a spreadsheet would guess."""
    iso = _ISO_WITH_MIDNIGHT.fullmatch(text)
    day_first = _DAY_FIRST.fullmatch(text)
    try:
        if iso:
            return dt.date.fromisoformat(iso.group(1)), "", ""
        if day_first:
            day, month, year = (int(part) for part in day_first.groups())
            return dt.date(year, month, day), "", ""
    except ValueError:
        pass
    short_year = _DAY_FIRST_SHORT_YEAR.fullmatch(text)
    if short_year:
        return (
            None,
            f"date « {text} » refusée : l'année n'a que deux chiffres ({short_year.group(1)} : 19{short_year.group(1)} "
            f"ou 20{short_year.group(1)} ?) ; écrivez-la en entier, ex. 25/08/1944 ou 1944-08-25.",
            f"date '{text}' refused: the year has only two digits ({short_year.group(1)}: 19{short_year.group(1)} "
            f"or 20{short_year.group(1)}?); write it in full, e.g. 25/08/1944 or 1944-08-25.",
        )
    return (
        None,
        f"date « {text} » invalide : format AAAA-MM-JJ ou JJ/MM/AAAA d'un jour qui existe.",
        f"invalid date '{text}': YYYY-MM-DD or DD/MM/YYYY format, a day that exists.",
    )
