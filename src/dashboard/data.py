"""Load and validate an event table (the bundled one or a teacher's own).

The loader never raises on bad content: it reads every line, keeps the rows that are valid,
and returns every problem at once, each naming the CSV line and column in French and
English. Nothing is coerced silently: all cells are read as text and parsed here, so a
"1944-02-30" or an Excel-mangled "1" département code is reported, not guessed.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard import references, resources
from dashboard.csvcheck import Problem, csv_error_text, decode, parse_date, parse_float, read_file_text
from dashboard.event_rows import (
    ACTOR_SEPARATOR,
    COLUMNS,
    EVENT_ID_PATTERN,
    FIRST_ALLOWED_DATE,
    LAST_ALLOWED_DATE,
    LAT_RANGE,
    LON_RANGE,
    MAX_CELL_LENGTH,
    OPTIONAL_COLUMNS,
    UNSOURCED_PREFIX,
    URL_PATTERN,
    RowChecker,
)
from dashboard.references import EVENT_TYPES, FORCE_TYPES, ReferenceTables

# What a row is lives in event_rows.py; these names stay importable from here.
__all__ = [
    "ACTOR_SEPARATOR", "COLUMNS", "EVENT_ID_PATTERN", "EVENT_TYPES", "FIRST_ALLOWED_DATE", "FORCE_TYPES",
    "LAST_ALLOWED_DATE", "LAT_RANGE", "LON_RANGE", "MAX_CELL_LENGTH", "OPTIONAL_COLUMNS", "URL_PATTERN", "Problem",
    "ReferenceTables", "parse_date", "parse_float",
]

DATA_DIR = resources.data_dir()  # the bundled tables; ui.loading lets LIBERATION_DATA_DIR point elsewhere
EVENTS_CSV = DATA_DIR / "events.csv"

@dataclass
class LoadResult:
    """The valid rows as a typed DataFrame, and every problem found."""

    events: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    total_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def load_reference_tables(data_dir: Path = DATA_DIR) -> ReferenceTables:
    return references.load_reference_tables(data_dir)


def empty_events_frame() -> pd.DataFrame:
    frame = pd.DataFrame({column: pd.Series(dtype=str) for column in COLUMNS + OPTIONAL_COLUMNS})
    frame["date"] = pd.Series(dtype="datetime64[ns]")
    frame["end_date"] = pd.Series(dtype="datetime64[ns]")
    frame["lat"] = pd.Series(dtype=float)
    frame["lon"] = pd.Series(dtype=float)
    frame["actor_list"] = pd.Series(dtype=object)
    for force in FORCE_TYPES:
        frame[f"involves_{force}"] = pd.Series(dtype=bool)
    frame["line"] = pd.Series(dtype=int)
    return frame


def parse_events(raw: bytes | str, refs: ReferenceTables) -> LoadResult:
    """Validate an event table given as bytes or text. Never raises on bad content."""
    if isinstance(raw, bytes):
        text, problem = decode(raw)
        if problem:
            return LoadResult(empty_events_frame(), [problem])
    else:
        text = raw.removeprefix("\ufeff")
    assert text is not None

    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        return LoadResult(empty_events_frame(), [Problem(1, None, "le fichier est vide.", "the file is empty.")])
    except csv.Error as error:
        fr, en = csv_error_text(error)
        return LoadResult(empty_events_frame(), [Problem(1, None, f"en-tête illisible ({fr}).", f"unreadable header ({en}).")])

    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS + OPTIONAL_COLUMNS]
    for column in missing:
        problems.append(Problem(1, column, "colonne obligatoire absente de l'en-tête.",
                                 "required column missing from the header."))
    for column in unknown:
        problems.append(Problem(1, column, f"colonne inconnue ; colonnes attendues : {', '.join(COLUMNS + OPTIONAL_COLUMNS)}.",
                                 f"unknown column; expected columns: {', '.join(COLUMNS + OPTIONAL_COLUMNS)}."))
    duplicated = sorted({c for c in header if header.count(c) > 1})
    for column in duplicated:
        problems.append(Problem(1, column, "colonne présente deux fois.", "column appears twice."))
    if missing or duplicated:
        return LoadResult(empty_events_frame(), problems)

    # Built once per load, not once per row.
    force_of_actor = refs.force_type_of_actor
    region_of_department = refs.region_of_department
    records: list[dict] = []
    first_line_of_id: dict[str, int] = {}
    total = 0
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            fr, en = csv_error_text(error)
            problems.append(Problem(line, None, f"ligne CSV mal formée ({fr}) ; lecture arrêtée ici.",
                                     f"malformed CSV line ({en}); reading stopped here."))
            break
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are harmless
        total += 1
        if len(cells) != len(header):
            problems.append(Problem(line, None,
                                     f"{len(cells)} cellules au lieu de {len(header)} (une virgule en trop ou un guillemet manquant ?).",
                                     f"{len(cells)} cells instead of {len(header)} (an extra comma or a missing quote?)."))
            continue
        row = dict.fromkeys(OPTIONAL_COLUMNS, "")
        row.update((name, cell) for name, cell in zip(header, cells, strict=True) if name in COLUMNS + OPTIONAL_COLUMNS)
        event_id = row["event_id"].strip()
        if event_id in first_line_of_id:
            problems.append(Problem(line, "event_id",
                                     f"identifiant « {event_id} » déjà utilisé ligne {first_line_of_id[event_id]}.",
                                     f"id '{event_id}' already used on line {first_line_of_id[event_id]}."))
            continue
        first_line_of_id[event_id] = line
        checker = RowChecker(line, row, refs, force_of_actor, region_of_department)
        record = checker.check()
        problems.extend(checker.problems)
        if record is not None:
            records.append(record)

    if not records:
        return LoadResult(empty_events_frame(), problems, total)
    events = pd.DataFrame.from_records(records)
    events = events.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)
    return LoadResult(events, problems, total)


def load_events(path: Path = EVENTS_CSV, refs: ReferenceTables | None = None) -> LoadResult:
    """The event table at `path`, checked against `refs` (by default the reference tables beside
    it); the problems of the reference tables come first."""
    path = Path(path)
    refs = refs or load_reference_tables(path.parent)
    text, problem = read_file_text(path)
    if text is None:
        return LoadResult(empty_events_frame(), [*refs.problems, problem] if problem else list(refs.problems))
    result = parse_events(text, refs)
    result.problems[:0] = refs.problems
    return result


def is_unsourced(source: str) -> bool:
    return source.strip().lower().startswith(UNSOURCED_PREFIX)
