"""Story chapters: a data file (data/chapters.csv) that a teacher can rewrite, checked like the
event table (every problem with its line and column, valid chapters kept)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dashboard.csvcheck import read_file_text
from dashboard.data import (
    DATA_DIR,
    EVENT_ID_PATTERN,
    EVENT_TYPES,
    FORCE_TYPES,
    LAT_RANGE,
    LON_RANGE,
    Problem,
    parse_date,
    parse_float,
)

CHAPTERS_FILE = "chapters.csv"
CHAPTERS_CSV = DATA_DIR / CHAPTERS_FILE
CHAPTER_COLUMNS = (
    "chapter_id",
    "title_fr",
    "title_en",
    "date",
    "lat",
    "lon",
    "zoom",
    "force_types",
    "event_types",
    "regions",
    "event_ids",
    "narrative_fr",
    "narrative_en",
)
ZOOM_RANGE = (3.0, 14.0)


@dataclass(frozen=True)
class Chapter:
    chapter_id: str
    title_fr: str
    title_en: str
    date: dt.date
    lat: float
    lon: float
    zoom: float
    force_types: tuple[str, ...]
    event_types: tuple[str, ...]
    regions: tuple[str, ...]
    event_ids: tuple[str, ...]
    narrative_fr: str
    narrative_en: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_fr

    def narrative(self, lang: str) -> str:
        return self.narrative_en if lang == "en" else self.narrative_fr


def _items(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(";") if item.strip())


def parse_chapters(text: str, event_ids: set[str], regions: set[str]) -> tuple[list[Chapter], list[Problem]]:
    """Chapters in file order, and every problem found (FR and EN, with line and column)."""
    problems: list[Problem] = []
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    header = reader.fieldnames or []
    missing = [column for column in CHAPTER_COLUMNS if column not in header]
    for column in missing:
        problems.append(Problem(1, column, "colonne obligatoire absente.", "required column missing.", CHAPTERS_FILE))
    if missing:
        return [], problems
    chapters, seen = [], set()
    for row in reader:
        line = reader.line_num
        found: list[Problem] = []

        # Bound now (defaults), so the helper cannot see a later row's line or list.
        def fail(column: str, fr: str, en: str, found: list[Problem] = found, line: int = line) -> None:
            found.append(Problem(line, column, fr, en, CHAPTERS_FILE))

        if None in row or any(value is None for value in row.values()):
            problems.append(
                Problem(line, None, "nombre de cellules incorrect.", "wrong number of cells.", CHAPTERS_FILE)
            )
            continue
        chapter_id = row["chapter_id"].strip()
        if not EVENT_ID_PATTERN.fullmatch(chapter_id):
            fail("chapter_id", f"identifiant « {chapter_id} » invalide.", f"invalid id '{chapter_id}'.")
        elif chapter_id in seen:
            fail("chapter_id", f"identifiant « {chapter_id} » en double.", f"duplicate id '{chapter_id}'.")
        seen.add(chapter_id)
        day = parse_date(row["date"].strip())
        if day is None:
            fail(
                "date", f"date « {row['date']} » invalide (AAAA-MM-JJ).", f"invalid date '{row['date']}' (YYYY-MM-DD)."
            )
        numbers: dict[str, float] = {}
        for column, allowed in (("lat", LAT_RANGE), ("lon", LON_RANGE), ("zoom", ZOOM_RANGE)):
            value = parse_float(row[column].strip())
            if value is None or not allowed[0] <= value <= allowed[1]:
                fail(
                    column,
                    f"« {row[column]} » : nombre attendu entre {allowed[0]} et {allowed[1]}.",
                    f"'{row[column]}': expected a number between {allowed[0]} and {allowed[1]}.",
                )
            else:
                numbers[column] = value
        for column, vocabulary in (
            ("force_types", FORCE_TYPES),
            ("event_types", EVENT_TYPES),
            ("regions", regions),
            ("event_ids", event_ids),
        ):
            for item in _items(row[column]):
                if item not in vocabulary:
                    fail(column, f"« {item} » inconnu.", f"unknown '{item}'.")
        for column in ("title_fr", "title_en", "narrative_fr", "narrative_en"):
            if not row[column].strip():
                fail(column, "cellule vide : elle est obligatoire.", "empty cell: it is required.")
        problems.extend(found)
        if not found and day is not None:  # no problem means a date: the second test is for the type checker
            chapters.append(
                Chapter(
                    chapter_id,
                    row["title_fr"].strip(),
                    row["title_en"].strip(),
                    day,
                    numbers["lat"],
                    numbers["lon"],
                    numbers["zoom"],
                    _items(row["force_types"]),
                    _items(row["event_types"]),
                    _items(row["regions"]),
                    _items(row["event_ids"]),
                    row["narrative_fr"].strip(),
                    row["narrative_en"].strip(),
                )
            )
    return chapters, problems


def load_chapters(
    event_ids: set[str], regions: set[str], path: Path = CHAPTERS_CSV
) -> tuple[list[Chapter], list[Problem]]:
    text, problem = read_file_text(Path(path), CHAPTERS_FILE)
    if text is None:
        return [], [problem] if problem else []
    return parse_chapters(text, event_ids, regions)


def neighbour(chapters: list[Chapter], chapter_id: str | None, step: int) -> Chapter | None:
    """The next (step=1) or previous (step=-1) chapter; the first one when none is selected."""
    if not chapters:
        return None
    ids = [chapter.chapter_id for chapter in chapters]
    if chapter_id not in ids:
        return chapters[0] if step > 0 else chapters[-1]
    index = ids.index(chapter_id) + step
    return chapters[index] if 0 <= index < len(chapters) else None


def chapter_sources(chapter: Chapter, events: pd.DataFrame) -> list[str]:
    """The distinct sources of the events a chapter is built on (a row may cite several)."""
    cited = events[events["event_id"].isin(chapter.event_ids)]["source"]
    return sorted({part.strip() for source in cited for part in source.split(" ; ") if part.strip()})
