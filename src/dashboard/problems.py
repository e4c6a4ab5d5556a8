"""A problem in a table, where it is (file, line or spreadsheet cell, column) and what it is, in
French and English. One class for the bundled tables, the chapters and a class's own upload."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

# A report longer than this is read by nobody: the first ones are kept, the rest only counted
# (which also bounds the memory a table with a bad value on every row can take).
MAX_REPORTED_PROBLEMS = 200


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA': the spreadsheet's own name for a column."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """One problem: its line (a CSV line, or a spreadsheet row with its sheet), its column and
    what it is, in French and English. `cell` is the spreadsheet's own reference (Feuille1!C12);
    `file` names a reference table (actors.csv), left out for the event table a teacher edits."""

    line: int | None
    column: str | None
    message_fr: str
    message_en: str
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None

    def where(self, lang: str) -> str:
        """'Ligne 5' / 'actors.csv, ligne 5' / 'Feuille1!C12' / 'Feuille1, ligne 12', or '' for
        the file as a whole."""
        english = lang == "en"
        if self.cell:
            return self.cell
        parts = [part for part in (self.file, self.sheet) if part]
        if self.line is not None:
            parts.append(f"{'line' if english else 'ligne'} {self.line}")
        where = ", ".join(parts)
        return where[:1].upper() + where[1:] if not (self.file or self.sheet) else where

    def text(self, lang: str) -> str:
        """'Ligne 5, colonne « date » : …' / 'Line 5, column 'date': …'."""
        english = lang == "en"
        where = [self.where(lang)] if self.where(lang) else []
        if self.column is not None:
            where.append(f"column '{self.column}'" if english else f"colonne « {self.column} »")
        message = self.message_en if english else self.message_fr
        if not where:
            return message
        return f"{', '.join(where)}{':' if english else ' :'} {message}"


@dataclass
class ProblemList:
    """Collects problems; keeps the first MAX_REPORTED_PROBLEMS and counts them all."""

    kept: list[Problem] = field(default_factory=list)
    count: int = 0

    def add(self, problem: Problem) -> None:
        self.count += 1
        if len(self.kept) < MAX_REPORTED_PROBLEMS:
            self.kept.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)
