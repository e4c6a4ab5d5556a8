"""Which column of a file holds which column of the event table, and the name the file gives it
(a class's own table may say « lieu » for `place`); the header's problems, said once."""

from __future__ import annotations

from dashboard.columns import COLUMN_ALIASES, canonical_column
from dashboard.problems import Problem
from dashboard.reading import TextTable
from dashboard.schema import COLUMNS, OPTIONAL_COLUMNS, OWN_TABLE_COLUMNS, TITLE_COLUMNS, TableRules


class Header:
    """Which file column holds which of our columns, and the name the file gives it."""

    def __init__(self, table: TextTable, rules: TableRules):
        self.table = table
        self.index_of: dict[str, int] = {}
        self.name_of: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.notices: list[Problem] = []
        line = table.header_line
        known = OWN_TABLE_COLUMNS if rules.aliases else COLUMNS + OPTIONAL_COLUMNS
        names = [name.strip() for name in table.header]
        duplicated: dict[str, list[str]] = {}
        unknown = []
        for index, name in enumerate(names):
            canonical = canonical_column(name) if rules.aliases else (name if name in known else None)
            if canonical is None:
                if name:
                    unknown.append(name)
                continue
            if canonical in self.index_of:
                duplicated.setdefault(canonical, [self.name_of[canonical]]).append(name)
                continue
            self.index_of[canonical] = index
            self.name_of[canonical] = name
        missing = [c for c in rules.required if c not in self.index_of]
        if rules.derive and not any(c in self.index_of for c in TITLE_COLUMNS):
            missing.append("title_fr")
        for column in missing:
            hint_fr = hint_en = ""
            if rules.aliases:
                accepted = ", ".join((column, *COLUMN_ALIASES.get(column, ())[:3]))
                if column == "title_fr":
                    accepted = "titre, title_fr, title, title_en"
                hint_fr, hint_en = f" (noms acceptés : {accepted})", f" (accepted names: {accepted})"
            self.problems.append(
                self._at(
                    line,
                    column,
                    f"colonne obligatoire absente de l'en-tête{hint_fr}.",
                    f"required column missing from the header{hint_en}.",
                )
            )
        if unknown and rules.unknown_columns_are_problems:
            for name in unknown:
                expected = ", ".join(COLUMNS + OPTIONAL_COLUMNS)
                self.problems.append(
                    self._at(
                        line,
                        name,
                        f"colonne inconnue ; colonnes attendues : {expected}.",
                        f"unknown column; expected columns: {expected}.",
                    )
                )
        elif unknown:
            shown = ", ".join(unknown[:20]) + (" …" if len(unknown) > 20 else "")
            self.notices.append(
                self._at(
                    line,
                    None,
                    f"colonnes ignorées (noms non reconnus) : {shown}.",
                    f"columns left aside (names not recognised): {shown}.",
                )
            )
        for canonical, found in duplicated.items():
            if rules.aliases and len(set(found)) > 1:
                fr = f"colonnes « {' », « '.join(found)} » : elles désignent la même colonne ({canonical}) ; gardez-en une."
                en = f"columns '{', '.join(found)}' all name the same column ({canonical}); keep one."
            else:
                fr, en = "colonne présente deux fois.", "column appears twice."
            self.problems.append(self._at(line, found[0], fr, en))

    def _at(self, line: int, column: str | None, fr: str, en: str) -> Problem:
        return Problem(line, column, fr, en, sheet=self.table.sheet)

    def where(self, line: int, column: str) -> tuple[str, str | None]:
        """The column's name in the file, and the spreadsheet cell reference."""
        index = self.index_of.get(column)
        cell = self.table.cell_reference(line, index) if index is not None else None
        return self.name_of.get(column, column), cell
