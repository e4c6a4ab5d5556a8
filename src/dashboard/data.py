"""Load and validate an event table (the bundled one or a teacher's own).

The loader never raises on bad content: it reads every line, keeps the rows that are valid,
and returns every problem at once, each naming the CSV line (or spreadsheet cell) and column in
French and English. Nothing is coerced silently: all cells are read as text and parsed here, so
a "1944-02-30" is reported, not guessed. The rules differ for the bundled table (every column,
strict) and a class's own (see schema.TableRules): what the latter may leave out is derived,
openly. The table's shape lives in schema.py, one row's checks in event_rows.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard import references, resources
from dashboard.csvcheck import decode, parse_date, parse_float, read_file_text
from dashboard.geocode import Communes
from dashboard.problems import Problem, ProblemList
from dashboard.reading import Deadline, TextTable, read_csv_text
from dashboard.references import EVENT_TYPES, FORCE_TYPES, OTHER_FORCE, ReferenceTables
from dashboard.event_rows import Context, RowChecker
from dashboard.schema import (
    ACTOR_SEPARATOR,
    BUNDLED_RULES,
    COLUMNS,
    DEADLINE_EVERY,
    EVENT_ID_PATTERN,
    FIRST_ALLOWED_DATE,
    LAST_ALLOWED_DATE,
    LAT_RANGE,
    LON_RANGE,
    MAX_CELL_LENGTH,
    OPTIONAL_COLUMNS,
    OWN_TABLE_COLUMNS,
    OWN_TABLE_RULES,
    UNSOURCED_PREFIX,
    URL_PATTERN,
    TableRules,
)
from dashboard.table_header import Header

# The names other modules have always taken from here.
__all__ = [
    "ACTOR_SEPARATOR",
    "COLUMNS",
    "EVENT_ID_PATTERN",
    "EVENT_TYPES",
    "FIRST_ALLOWED_DATE",
    "FORCE_TYPES",
    "LAST_ALLOWED_DATE",
    "LAT_RANGE",
    "LON_RANGE",
    "MAX_CELL_LENGTH",
    "OPTIONAL_COLUMNS",
    "OTHER_FORCE",
    "OWN_TABLE_RULES",
    "URL_PATTERN",
    "Problem",
    "ReferenceTables",
    "TableRules",
    "parse_date",
    "parse_float",
]

DATA_DIR = resources.data_dir()  # the bundled tables; ui.loading lets LIBERATION_DATA_DIR point elsewhere
EVENTS_CSV = DATA_DIR / "events.csv"


@dataclass
class LoadResult:
    """The valid rows as a typed DataFrame, and the problems found: the first
    MAX_REPORTED_PROBLEMS of them, and how many there are in all."""

    events: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    total_rows: int = 0
    problem_count: int = 0
    notices: list[Problem] = field(default_factory=list)  # worth saying, not a problem
    extra_actors: dict[str, str] = field(default_factory=dict)  # actor -> force type, not in actors.csv

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


def validate_table(
    table: TextTable,
    refs: ReferenceTables,
    rules: TableRules = BUNDLED_RULES,
    communes: Communes | None = None,
    deadline: Deadline | None = None,
) -> LoadResult:
    """Check every row of a table read as text; keep the valid ones, report every problem."""
    deadline = deadline or Deadline()
    header = Header(table, rules)
    problems = ProblemList()
    problems.extend(header.problems)
    if header.problems:
        return LoadResult(empty_events_frame(), problems.kept, 0, problems.count, header.notices)

    context = Context(rules, header, refs, communes)
    columns = OWN_TABLE_COLUMNS if rules.aliases else COLUMNS + OPTIONAL_COLUMNS
    records: list[dict] = []
    first_line_of_id: dict[str, int] = {}
    width = len(table.header)
    for count, source in enumerate(table.rows, start=1):
        line = source.line
        if count % DEADLINE_EVERY == 0 and deadline.passed():
            problems.add(deadline.problem(line, table.sheet))
            break
        cells = source.cells
        if len(cells) != width:
            problems.add(
                Problem(
                    line,
                    None,
                    f"{len(cells)} cellules au lieu de {width} (un séparateur en trop ou un guillemet manquant ?).",
                    f"{len(cells)} cells instead of {width} (an extra separator or a missing quote?).",
                )
            )
            continue
        row = {column: (cells[header.index_of[column]] if column in header.index_of else "") for column in columns}
        event_id = row["event_id"].strip()
        if not event_id and rules.derive:
            event_id = row["event_id"] = f"row-{line}"
        if event_id in first_line_of_id:
            name, cell = header.where(line, "event_id")
            problems.add(
                Problem(
                    line,
                    name,
                    f"identifiant « {event_id} » déjà utilisé ligne {first_line_of_id[event_id]}.",
                    f"id '{event_id}' already used on line {first_line_of_id[event_id]}.",
                    sheet=table.sheet,
                    cell=cell,
                )
            )
            continue
        first_line_of_id[event_id] = line
        checker = RowChecker(line, row, context)
        record = checker.check()
        problems.extend(checker.problems)
        if record is not None:
            records.append(record)
    if table.stopped is not None:
        problems.add(table.stopped)

    total = len(table.rows)
    if not records:
        return LoadResult(
            empty_events_frame(), problems.kept, total, problems.count, header.notices, context.extra_actors
        )
    events = pd.DataFrame.from_records(records)
    events = events.sort_values(["date", "event_id"], kind="stable").reset_index(drop=True)
    return LoadResult(events, problems.kept, total, problems.count, header.notices, context.extra_actors)


def parse_events(raw: bytes | str, refs: ReferenceTables) -> LoadResult:
    """Validate the bundled kind of table (UTF-8 CSV, every column) given as bytes or text.
    Never raises on bad content."""
    if isinstance(raw, bytes):
        text, problem = decode(raw)
        if problem:
            return LoadResult(empty_events_frame(), [problem], 0, 1)
    else:
        text = raw.removeprefix("\ufeff")
    assert text is not None
    read = read_csv_text(text, ",")
    if read.table is None:
        return LoadResult(empty_events_frame(), read.problems, 0, len(read.problems))
    return validate_table(read.table, refs, BUNDLED_RULES)


def load_events(path: Path = EVENTS_CSV, refs: ReferenceTables | None = None) -> LoadResult:
    """The event table at `path`, checked against `refs` (by default the reference tables beside
    it); the problems of the reference tables come first."""
    path = Path(path)
    refs = refs or load_reference_tables(path.parent)
    text, problem = read_file_text(path)
    if text is None:
        problems = [*refs.problems, problem] if problem else list(refs.problems)
        return LoadResult(empty_events_frame(), problems, 0, len(problems))
    result = parse_events(text, refs)
    result.problems[:0] = refs.problems
    result.problem_count += len(refs.problems)
    return result


def is_unsourced(source: str) -> bool:
    return source.strip().lower().startswith(UNSOURCED_PREFIX)
