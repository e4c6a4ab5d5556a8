"""A table read as text: rows of text cells, each knowing the line (or spreadsheet row) it came
from; how it was read; and the limits every reader keeps (size, rows, columns, time)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from dashboard.problems import Problem, column_letter

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 200_000
MAX_COLUMNS = 200
# Rows × columns of a sheet: a reader holds the whole grid, so this bounds its memory.
MAX_CELLS = 5_000_000
# No file may hold the server longer; 100,000 checked rows take about a minute on a busy
# two-core machine (benchmarks/bench_upload.py), so this leaves room without allowing a hang.
PARSE_SECONDS = 120.0
# A spreadsheet is a zip: what it unpacks to is bounded too (a "zip bomb" is a small file that
# unpacks to gigabytes). 100,000 rows of a real table unpack to a few tens of MB.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_PACKING_RATIO = 250
# How far down a spreadsheet the header row is looked for (a title above the table is common).
HEADER_SEARCH_ROWS = 10


@dataclass(frozen=True)
class SourceRow:
    """One row of cells and where it starts: a CSV line, or a spreadsheet row number."""

    line: int
    cells: tuple[str, ...]


@dataclass
class TextTable:
    """A table as read: the header as the file wrote it, every cell as text."""

    header: tuple[str, ...]
    rows: list[SourceRow]
    header_line: int = 1
    sheet: str | None = None  # None for a CSV file
    # A problem that stopped the reading (a broken quote...): the rows before it are kept.
    stopped: Problem | None = None

    def cell_reference(self, line: int, column_index: int) -> str | None:
        """'Feuille1!C12' in a spreadsheet; None in a CSV file (its line says where)."""
        if self.sheet is None:
            return None
        return f"{self.sheet}!{column_letter(column_index)}{line}"


@dataclass(frozen=True)
class ReadFacts:
    """What was read, to show the user: format, encoding, separator, sheet."""

    kind: str  # "csv", "xlsx", "ods"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    other_sheets: tuple[str, ...] = ()


@dataclass
class ReadResult:
    table: TextTable | None
    facts: ReadFacts | None = None
    problems: list[Problem] = field(default_factory=list)  # the file could not be read
    notices: list[Problem] = field(default_factory=list)  # read, but worth knowing


class Deadline:
    """A time limit shared by reading and validating one file."""

    def __init__(self, seconds: float = PARSE_SECONDS):
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() > self.end

    def problem(self, line: int | None, sheet: str | None = None) -> Problem:
        return Problem(
            line,
            None,
            f"lecture arrêtée après {self.seconds:g} secondes (limite) : le fichier est trop gros ou trop complexe ; "
            "les lignes suivantes n'ont pas été lues.",
            f"reading stopped after {self.seconds:g} seconds (the limit): the file is too large or too complex; "
            "the following lines were not read.",
            sheet=sheet,
        )


def failure(fr: str, en: str, line: int | None = None) -> ReadResult:
    return ReadResult(None, problems=[Problem(line, None, fr, en)])


def too_many_rows(count: int | None = None) -> ReadResult:
    """`count`: the rows a spreadsheet declares; None when a CSV is stopped at the limit."""
    fr_count = f"{count:,}" if count else f"plus de {MAX_ROWS:,}"  # its commas become spaces with the rest
    en_count = f"{count:,}" if count else f"more than {MAX_ROWS:,}"
    return failure(
        f"le fichier a {fr_count} lignes ; la limite est de {MAX_ROWS:,} lignes.".replace(",", "\u202f"),
        f"the file has {en_count} rows; the limit is {MAX_ROWS:,} rows.",
    )


def too_many_columns(count: int, line: int) -> ReadResult:
    return failure(
        f"l'en-tête a {count} colonnes ; la limite est de {MAX_COLUMNS} colonnes.",
        f"the header has {count} columns; the limit is {MAX_COLUMNS} columns.",
        line,
    )
