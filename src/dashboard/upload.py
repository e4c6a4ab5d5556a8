"""A class's own table: a file's bytes -> the checked events, what was read, and the report.

Pure: the page hands the uploaded bytes here and shows what comes back. The table is never
written anywhere; the caller keeps it for one browser session.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.data import OWN_TABLE_RULES, LoadResult, ReferenceTables, empty_events_frame, validate_table
from dashboard.geocode import Communes
from dashboard.problems import MAX_REPORTED_PROBLEMS, Problem
from dashboard.reading import DELIMITER_NAMES, Deadline, ReadFacts, read_table
from dashboard.text import csv_bytes

ACCEPTED_EXTENSIONS = ("csv", "txt", "xlsx", "ods")


@dataclass(frozen=True)
class OwnTable:
    """What a class's file gave: the valid events, the problems, what was read, and the
    reference tables extended with the file's own actors (so the map and charts know them)."""

    name: str
    result: LoadResult
    refs: ReferenceTables
    facts: ReadFacts | None
    notices: tuple[Problem, ...]

    @property
    def events(self) -> pd.DataFrame:
        return self.result.events

    @property
    def usable(self) -> bool:
        return not self.result.events.empty


def read_own_table(
    raw: bytes, name: str, refs: ReferenceTables, communes: Communes | None, deadline: Deadline | None = None
) -> OwnTable:
    """Read and check a class's file. Never raises on bad content; takes at most the deadline
    (reading and checking share it)."""
    deadline = deadline or Deadline()
    read = read_table(raw, deadline)
    if read.table is None:
        result = LoadResult(empty_events_frame(), read.problems, 0, len(read.problems))
        return OwnTable(name, result, refs, read.facts, tuple(read.notices))
    result = validate_table(read.table, refs, OWN_TABLE_RULES, communes, deadline)
    if not read.table.rows and not result.problems:
        result.problems.append(
            Problem(
                read.table.header_line,
                None,
                "le tableau n'a qu'un en-tête : ajoutez une ligne par événement en dessous.",
                "the table has a header only: add one row per event below it.",
            )
        )
        result.problem_count += 1
    return OwnTable(
        name, result, refs.with_actors(result.extra_actors), read.facts, tuple(read.notices) + tuple(result.notices)
    )


def describe_facts(facts: ReadFacts | None, lang: str) -> str:
    """'CSV, UTF-8, séparateur point-virgule' / 'XLSX, sheet « Feuille1 »'."""
    if facts is None:
        return ""
    english = lang == "en"
    parts = [facts.kind.upper()]
    if facts.encoding:
        parts.append(facts.encoding)
    if facts.delimiter:
        french_name, english_name = DELIMITER_NAMES[facts.delimiter].split(" / ")
        parts.append(f"separator: {english_name}" if english else f"séparateur : {french_name}")
    if facts.sheet:
        parts.append(f"sheet '{facts.sheet}'" if english else f"feuille « {facts.sheet} »")
    return ", ".join(parts)


def problem_rows(problems: list[Problem], lang: str) -> pd.DataFrame:
    """The report as a table: where, column, problem (in the UI language)."""
    english = lang == "en"
    headers = ("where", "column", "problem") if english else ("emplacement", "colonne", "problème")
    return pd.DataFrame(
        {
            headers[0]: [problem.where(lang) for problem in problems],
            headers[1]: [problem.column or "" for problem in problems],
            headers[2]: [problem.message_en if english else problem.message_fr for problem in problems],
        }
    )


def more_problems(result: LoadResult) -> int:
    """How many problems exist beyond the first MAX_REPORTED_PROBLEMS kept."""
    return max(result.problem_count - len(result.problems), 0)


def report_csv(result: LoadResult, lang: str) -> bytes:
    """The report as CSV for a spreadsheet: UTF-8 with a BOM (so Excel shows the accents), and
    every cell neutralised, because a message quotes the file's own cells back."""
    table = problem_rows(result.problems, lang)
    extra = more_problems(result)
    if extra:
        note = (
            f"… and {extra} more problems (only the first {MAX_REPORTED_PROBLEMS} are listed)"
            if lang == "en"
            else f"… et {extra} autres problèmes (seuls les {MAX_REPORTED_PROBLEMS} premiers sont listés)"
        )
        table.loc[len(table)] = ["", "", note]
    return csv_bytes(table)
