"""Dates in words, in French or English, written here rather than by a locale.

The server's locale, the browser's and Plotly's are all English by default; the atlas writes
its own month names so that a French page never shows "Aug" or "September".
"""

from __future__ import annotations

import datetime as dt
import math

from dashboard.languages import normalize_language

MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
# The abbreviations of each language's typography (French keeps short names whole).
SHORT_MONTHS = {
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
MOST_TICKS = 8  # month ticks on a date axis: more would overlap on a laptop screen


def _next_month(day: dt.date) -> dt.date:
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def format_date(day: dt.date, lang: str) -> str:
    """'25 août 1944' / '25 August 1944'; French writes the first of the month '1er'."""
    lang = normalize_language(lang)
    return f"{_day_number(day, lang)} {MONTHS[lang][day.month - 1]} {day.year}"


def _day_number(day: dt.date, lang: str) -> str:
    return "1er" if day.day == 1 and lang == "fr" else str(day.day)


def format_date_range(start: dt.date, end: dt.date | None, lang: str) -> str:
    """A single date, or 'du 19 au 25 août 1944' / '19 August 1944 – 25 August 1944'."""
    if end is None or end == start:
        return format_date(start, lang)
    if normalize_language(lang) == "fr":
        return f"du {format_date(start, lang)} au {format_date(end, lang)}"
    return f"{format_date(start, lang)} – {format_date(end, lang)}"


def format_optional_date(day: object, lang: str) -> str:
    """A table cell: the date in words, or blank for a missing one (None, NaT)."""
    if not isinstance(day, dt.date) or day != day:  # NaT is a date that is not equal to itself
        return ""
    return format_date(day, lang)


def month_ticks(first: dt.date, last: dt.date, lang: str) -> tuple[list[dt.date], list[str]]:
    """Ticks for a date axis from `first` to `last`: the first day of every month (or of every
    second, third… month, so that there are at most MOST_TICKS), labelled 'août' / 'Aug'; under
    three months, the 1st and the 15th, labelled '15 août' / '15 Aug'. The first tick and the
    first of each new year also give the year, on a second line."""
    lang = normalize_language(lang)
    month = first.replace(day=1)
    candidates = []
    while month <= last:
        candidates.extend([month, month.replace(day=15)])
        month = _next_month(month)
    starts = [day for day in candidates if first <= day <= last and day.day == 1]
    if len(starts) >= 3:
        ticks = starts[:: math.ceil(len(starts) / MOST_TICKS)]
    else:
        ticks = [day for day in candidates if first <= day <= last]
    names = SHORT_MONTHS[lang]

    def label(index: int, day: dt.date) -> str:
        text = names[day.month - 1] if len(starts) >= 3 else f"{_day_number(day, lang)} {names[day.month - 1]}"
        return text + (f"<br>{day.year}" if index == 0 or day.year != ticks[index - 1].year else "")

    return ticks, [label(index, day) for index, day in enumerate(ticks)]
