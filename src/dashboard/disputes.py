"""Where sources disagree: the `other_dates` and `confidence` columns of the event table.

`other_dates` holds each date another source gives, with who gives it:
`1944-08-31: Archives départementales de la Drôme | 1944-08-30: Ville de Valence`.
Kept as structured text in the CSV (one cell, easy to edit in a spreadsheet), parsed here so the
map, the tooltip, the explorer and the charts read the same list.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

OTHER_DATES_SEPARATOR = " | "
CONFIDENCE_LEVELS = ("high", "medium", "low")
_ENTRY = re.compile(r"(\d{4}-\d{2}-\d{2}):\s*(\S.*)")


@dataclass(frozen=True)
class OtherDate:
    day: dt.date
    given_by: str


@dataclass(frozen=True)
class EntryError:
    """An `other_dates` entry that could not be read, with the reason in FR and EN."""

    entry: str
    message_fr: str
    message_en: str


def parse_other_dates(text: str, first: dt.date, last: dt.date) -> tuple[list[OtherDate], list[EntryError]]:
    """The other dates of one cell, and the entries that are not `YYYY-MM-DD: who` with a real day in range."""
    dates: list[OtherDate] = []
    errors: list[EntryError] = []
    for entry in (part.strip() for part in text.split(OTHER_DATES_SEPARATOR.strip())):
        if not entry:
            continue
        match = _ENTRY.fullmatch(entry)
        if match is None:
            errors.append(
                EntryError(
                    entry,
                    f"« {entry} » : attendu « AAAA-MM-JJ: qui donne cette date ».",
                    f"'{entry}': expected 'YYYY-MM-DD: who gives this date'.",
                )
            )
            continue
        try:
            day = dt.date.fromisoformat(match.group(1))
        except ValueError:
            errors.append(
                EntryError(
                    entry,
                    f"« {match.group(1)} » n'est pas un jour qui existe.",
                    f"'{match.group(1)}' is not a day that exists.",
                )
            )
            continue
        if not first <= day <= last:
            errors.append(
                EntryError(
                    entry,
                    f"date {day} hors de la période couverte ({first.year}–{last.year}).",
                    f"date {day} outside the period covered ({first.year}–{last.year}).",
                )
            )
            continue
        dates.append(OtherDate(day, match.group(2).strip()))
    return dates, errors


def format_other_dates(dates: list[OtherDate]) -> str:
    return OTHER_DATES_SEPARATOR.join(f"{d.day.isoformat()}: {d.given_by}" for d in dates)


def confidence_error(value: str) -> tuple[str, str] | None:
    """FR/EN message for a `confidence` cell outside the vocabulary; an empty cell means "not assessed"."""
    if value == "" or value in CONFIDENCE_LEVELS:
        return None
    return (
        f"niveau « {value} » inconnu ; attendu : {', '.join(CONFIDENCE_LEVELS)} (ou vide).",
        f"unknown level '{value}'; expected one of: {', '.join(CONFIDENCE_LEVELS)} (or empty).",
    )
