"""The view <-> the URL's query parameters, so a link reproduces what a teacher sees.

Parsing never fails: each bad value falls back to its default and yields a notice naming the
parameter. Values from the URL are only ever compared against known vocabularies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dashboard.csvcheck import parse_date
from dashboard.data import EVENT_TYPES, FORCE_TYPES
from dashboard.i18n import LANGUAGES

DATE_PARAM, LANG_PARAM, FORCE_PARAM, TYPE_PARAM, REGION_PARAM = "date", "lang", "force", "type", "region"
CHAPTER_PARAM, MODE_PARAM = "chapter", "mode"
MODES = ("explore", "present")  # present: the projection view for a classroom
MAX_PARAM_LENGTH = 500  # longer is a paste accident or an attack; nothing legitimate is that long


@dataclass(frozen=True)
class Notice:
    """A URL value that was ignored: which parameter, and the value as given (shown as text)."""

    param: str
    value: str


@dataclass
class ParsedQuery:
    values: dict[str, object] = field(default_factory=dict)  # only the parameters present and valid
    notices: list[Notice] = field(default_factory=list)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_query(
    params: Mapping[str, str], first: dt.date, last: dt.date, regions: Sequence[str], chapter_ids: Sequence[str] = ()
) -> ParsedQuery:
    parsed = ParsedQuery()
    for name, raw in params.items():
        value = str(raw)
        if len(value) > MAX_PARAM_LENGTH:
            parsed.notices.append(Notice(name, value[:40] + "…"))
            continue
        if name == DATE_PARAM:
            day = parse_date(value)  # YYYY-MM-DD only: fromisoformat also takes 1944-W34-5
            if day is None or not first <= day <= last:
                parsed.notices.append(Notice(name, value))
            else:
                parsed.values[name] = day
        elif name in (LANG_PARAM, CHAPTER_PARAM, MODE_PARAM):
            allowed = {LANG_PARAM: LANGUAGES, CHAPTER_PARAM: tuple(chapter_ids), MODE_PARAM: MODES}[name]
            if value in allowed:
                parsed.values[name] = value
            else:
                parsed.notices.append(Notice(name, value))
        elif name in (FORCE_PARAM, TYPE_PARAM, REGION_PARAM):
            vocabulary = {FORCE_PARAM: FORCE_TYPES, TYPE_PARAM: EVENT_TYPES, REGION_PARAM: tuple(regions)}[name]
            items = _split(value)
            unknown = [item for item in items if item not in vocabulary]
            if unknown:
                parsed.notices.append(Notice(name, ",".join(unknown)))
            known = [item for item in vocabulary if item in items]  # vocabulary order, no duplicates
            if known:
                parsed.values[name] = known
        # Other parameters (utm_…, a page's own) are not the view's: ignored.
    return parsed
