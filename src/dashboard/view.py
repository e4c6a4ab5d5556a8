"""The view: what every page shows (date, language, filters, chapter, mode), and the only ways
to change it. Each change is a pure function from a view to a new view; the UI stores the
result and nothing else writes it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dashboard import i18n
from dashboard.data import EVENT_TYPES, FORCE_TYPES
from dashboard.urlstate import (
    CHAPTER_PARAM,
    DATE_PARAM,
    FORCE_PARAM,
    LANG_PARAM,
    MODE_PARAM,
    REGION_PARAM,
    TYPE_PARAM,
    Notice,
    parse_query,
)

if TYPE_CHECKING:  # chapters.py imports the loader; the view only needs the type
    from dashboard.chapters import Chapter

# The day the atlas opens on: D-Day, the start of the period most classes study. Corsica (1943)
# stays one step back on the slider.
OPENING_DATE = dt.date(1944, 6, 6)
EXPLORE, PRESENT = "explore", "present"  # present: the projection view for a classroom


@dataclass(frozen=True)
class View:
    """Everything a page shows depends on this: the date, the filters, the language.

    An empty filter tuple means "no filter" (everything), which is what a teacher expects
    when nothing is ticked.
    """

    date: dt.date
    lang: str = i18n.DEFAULT_LANGUAGE
    force_types: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    chapter: str | None = None
    mode: str = EXPLORE


def opening_date(first: dt.date, last: dt.date) -> dt.date:
    return OPENING_DATE if first <= OPENING_DATE <= last else first


def default_view(first: dt.date, last: dt.date, lang: str = i18n.DEFAULT_LANGUAGE) -> View:
    """The view of a session that arrived without a link."""
    return View(date=opening_date(first, last), lang=i18n.normalize_language(lang))


def with_date(view: View, day: dt.date) -> View:
    return replace(view, date=day)


def within(view: View, first: dt.date, last: dt.date) -> View:
    """The view with its date inside [first, last] (a date left by another, longer table)."""
    return replace(view, date=min(max(view.date, first), last))


def _known(values: Iterable[str], vocabulary: Sequence[str]) -> tuple[str, ...]:
    """The values that belong to the vocabulary, in its order, without duplicates."""
    chosen = set(values)
    return tuple(item for item in vocabulary if item in chosen)


def with_filters(
    view: View,
    *,
    force_types: Iterable[str] | None = None,
    event_types: Iterable[str] | None = None,
    regions: Iterable[str] | None = None,
) -> View:
    """The view with the given filters replaced (None leaves a filter as it is)."""
    return replace(
        view,
        force_types=view.force_types if force_types is None else _known(force_types, FORCE_TYPES),
        event_types=view.event_types if event_types is None else _known(event_types, EVENT_TYPES),
        regions=view.regions if regions is None else tuple(dict.fromkeys(regions)),
    )


def with_language(view: View, lang: str) -> View:
    return replace(view, lang=i18n.normalize_language(lang))


def apply_chapter(view: View, chapter: Chapter) -> View:
    """A chapter sets the date and the filters, and is remembered as the current one."""
    return replace(
        view,
        chapter=chapter.chapter_id,
        date=chapter.date,
        force_types=tuple(chapter.force_types),
        event_types=tuple(chapter.event_types),
        regions=tuple(chapter.regions),
    )


def without_chapter(view: View) -> View:
    """Free exploration: the date and filters stay where the chapter left them."""
    return replace(view, chapter=None)


def view_from_query(
    params: Mapping[str, str],
    first: dt.date,
    last: dt.date,
    regions: Sequence[str],
    chapters: Sequence[Chapter],
    default_lang: str,
) -> tuple[View, list[Notice]]:
    """The view a shared link asks for; bad values keep their default and yield a notice."""
    parsed = parse_query(params, first, last, regions, [chapter.chapter_id for chapter in chapters])
    values = parsed.values
    view = default_view(first, last, str(values.get(LANG_PARAM, default_lang)))
    if CHAPTER_PARAM in values:
        # A chapter sets date and filters; the link's own date and filters, if any, then win.
        view = apply_chapter(view, next(c for c in chapters if c.chapter_id == values[CHAPTER_PARAM]))
    if DATE_PARAM in values:
        view = with_date(view, values[DATE_PARAM])  # type: ignore[arg-type]
    view = with_filters(
        view,
        force_types=values.get(FORCE_PARAM),  # type: ignore[arg-type]
        event_types=values.get(TYPE_PARAM),  # type: ignore[arg-type]
        regions=values.get(REGION_PARAM),  # type: ignore[arg-type]
    )
    if MODE_PARAM in values:
        view = replace(view, mode=str(values[MODE_PARAM]))
    return view, parsed.notices


def to_query(view: View) -> dict[str, str]:
    """The query parameters of a view; empty filters and defaults are left out, so links stay short."""
    query = {DATE_PARAM: view.date.isoformat(), LANG_PARAM: view.lang}
    if view.chapter:
        query[CHAPTER_PARAM] = view.chapter
    if view.mode != EXPLORE:
        query[MODE_PARAM] = view.mode
    for name, values in ((FORCE_PARAM, view.force_types), (TYPE_PARAM, view.event_types), (REGION_PARAM, view.regions)):
        if values:
            query[name] = ",".join(values)
    return query


VIEW_PARAMS = (DATE_PARAM, LANG_PARAM, FORCE_PARAM, TYPE_PARAM, REGION_PARAM, CHAPTER_PARAM, MODE_PARAM)
