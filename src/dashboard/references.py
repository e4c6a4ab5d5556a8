"""The reference tables an event table is checked against (data/actors.csv,
data/departements.csv), themselves checked like it: every problem with its file, line and
column, in French and English; the valid rows are kept."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.csvcheck import Problem, read_file_text, read_rows

# `retaken`: the German army took back a place that had been freed (Tulle, June 1944); the map
# then shows it as retaken, not as if nothing had happened.
EVENT_TYPES = ("liberation", "landing", "insurrection", "battle", "massacre", "retaken", "surrender", "other")
# The fifth force type, "other", gathers what the four do not name: an actor outside them (a
# class's own table may bring "the neighbours") and a fact with no armed actor at all (an
# ordinance, a vote). One colour, one label ("Other forces, or none") everywhere.
FORCE_TYPES = ("resistance", "french_army", "allied_army", "axis", "other")
OTHER_FORCE = "other"
ACTOR_COLUMNS = ("actor", "force_type", "label_fr", "label_en")
DEPARTMENT_COLUMNS = ("department_code", "department_name", "region", "prefecture")
DEPARTMENT_CODE_PATTERN = re.compile(r"\d{2,3}|2A|2B")
ACTORS_FILE, DEPARTMENTS_FILE = "actors.csv", "departements.csv"


@dataclass(frozen=True)
class ReferenceTables:
    """The vocabularies an event table is checked against, and the problems found in them."""

    actors: pd.DataFrame  # actor, force_type, label_fr, label_en
    departments: pd.DataFrame  # department_code, department_name, region, prefecture
    problems: tuple[Problem, ...] = field(default=())

    @property
    def force_type_of_actor(self) -> dict[str, str]:
        return dict(zip(self.actors["actor"], self.actors["force_type"], strict=True))

    @property
    def region_of_department(self) -> dict[str, str]:
        return dict(zip(self.departments["department_code"], self.departments["region"], strict=True))

    @property
    def regions(self) -> tuple[str, ...]:
        return tuple(sorted(self.departments["region"].unique()))

    def with_actors(self, extra: dict[str, str]) -> ReferenceTables:
        """These tables plus a class's own actors (labelled by their own name)."""
        if not extra:
            return self
        added = pd.DataFrame(
            {"actor": list(extra), "force_type": list(extra.values()), "label_fr": list(extra), "label_en": list(extra)}
        )
        return ReferenceTables(pd.concat([self.actors, added], ignore_index=True), self.departments, self.problems)


def _required(line: int, row: dict[str, str], columns: tuple[str, ...], file: str) -> list[Problem]:
    return [
        Problem(line, column, "cellule vide : elle est obligatoire.", "empty cell: it is required.", file)
        for column in columns
        if not row[column]
    ]


def _unique(line: int, value: str, column: str, seen: dict[str, int], file: str) -> list[Problem]:
    if value in seen:
        return [
            Problem(
                line,
                column,
                f"« {value} » déjà présent ligne {seen[value]}.",
                f"'{value}' already on line {seen[value]}.",
                file,
            )
        ]
    seen[value] = line
    return []


def _in_line_order(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: problem.line or 0)


def check_actors(text: str, file: str = ACTORS_FILE) -> tuple[pd.DataFrame, list[Problem]]:
    rows, problems = read_rows(text, ACTOR_COLUMNS, file)
    kept: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        found = _required(line, row, ACTOR_COLUMNS, file)
        if row["force_type"] and row["force_type"] not in FORCE_TYPES:
            found.append(
                Problem(
                    line,
                    "force_type",
                    f"type de force « {row['force_type']} » inconnu ; attendu : {', '.join(FORCE_TYPES)}.",
                    f"unknown force type '{row['force_type']}'; expected one of: {', '.join(FORCE_TYPES)}.",
                    file,
                )
            )
        found += _unique(line, row["actor"], "actor", seen, file)
        problems += found
        if not found:
            kept.append({column: row[column] for column in ACTOR_COLUMNS})
    return pd.DataFrame(kept, columns=list(ACTOR_COLUMNS)), _in_line_order(problems)


def check_departments(text: str, file: str = DEPARTMENTS_FILE) -> tuple[pd.DataFrame, list[Problem]]:
    rows, problems = read_rows(text, DEPARTMENT_COLUMNS, file)
    kept: list[dict[str, str]] = []
    seen: dict[str, int] = {}
    for line, row in rows:
        found = _required(line, row, DEPARTMENT_COLUMNS, file)
        code = row["department_code"]
        if code and not DEPARTMENT_CODE_PATTERN.fullmatch(code):
            found.append(
                Problem(
                    line,
                    "department_code",
                    f"code « {code} » invalide (ex. 01, 75, 2A).",
                    f"invalid code '{code}' (e.g. 01, 75, 2A).",
                    file,
                )
            )
        found += _unique(line, code, "department_code", seen, file)
        problems += found
        if not found:
            kept.append({column: row[column] for column in DEPARTMENT_COLUMNS})
    return pd.DataFrame(kept, columns=list(DEPARTMENT_COLUMNS)), _in_line_order(problems)


def load_reference_tables(data_dir: Path) -> ReferenceTables:
    """Never raises on a missing or bad file: its problems are returned with the valid rows."""
    tables, problems = [], []
    for name, check, columns in (
        (ACTORS_FILE, check_actors, ACTOR_COLUMNS),
        (DEPARTMENTS_FILE, check_departments, DEPARTMENT_COLUMNS),
    ):
        text, problem = read_file_text(Path(data_dir) / name, name)
        if text is None:
            tables.append(pd.DataFrame(columns=list(columns)))
            problems.append(problem)
            continue
        table, found = check(text, name)
        tables.append(table)
        problems += found
    return ReferenceTables(tables[0], tables[1], tuple(p for p in problems if p is not None))
