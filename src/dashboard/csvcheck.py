"""Reading a CSV table cell by cell and saying what is wrong with it: where (file, line, column)
and what, in French and English. Shared by the event table, its reference tables and the chapters."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from dashboard.problems import Problem

__all__ = ["Problem", "csv_error_text", "decode", "parse_date", "parse_float", "read_file_text", "read_rows"]

DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}")
# Python's csv module explains itself in English only: what a French reader is told instead.
CSV_ERRORS_FR = {
    "',' expected after '\"'": "un guillemet fermant doit être suivi d'une virgule",
    "unexpected end of data": "le fichier se termine à l'intérieur de guillemets (un guillemet non fermé ?)",
    "field larger than field limit": "cellule trop longue",
    "new-line character seen in unquoted field": "retour à la ligne dans une cellule sans guillemets",
}


def csv_error_text(error: csv.Error) -> tuple[str, str]:
    """What a CSV syntax error means, in French and in English (Python's own words)."""
    english = str(error)
    french = next((fr for en, fr in CSV_ERRORS_FR.items() if english.startswith(en)), "syntaxe CSV incorrecte")
    return french, english


def parse_date(text: str) -> dt.date | None:
    """A YYYY-MM-DD day that exists, or None (no other ISO 8601 form: 1944-W34-5 is refused)."""
    if not DATE_PATTERN.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def read_file_text(path: Path, file: str | None = None) -> tuple[str | None, Problem | None]:
    """A file's text (UTF-8, with or without BOM), or the problem that stops it being read."""
    name = file or path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, Problem(None, None, f"fichier introuvable : {name}.", f"file not found: {name}.", file)
    except OSError:
        return None, Problem(None, None, f"fichier illisible : {name}.", f"unreadable file: {name}.", file)
    return decode(raw, file)


def decode(raw: bytes, file: str | None = None) -> tuple[str | None, Problem | None]:
    """UTF-8 text (a BOM, as Excel writes it, is dropped), or where the first bad byte is."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, Problem(
            line,
            None,
            "le fichier n'est pas en UTF-8 (enregistrez-le en « CSV UTF-8 »).",
            "the file is not UTF-8 (save it as 'CSV UTF-8').",
            file,
        )


def read_rows(
    text: str, columns: tuple[str, ...], file: str | None = None
) -> tuple[list[tuple[int, dict[str, str]]], list[Problem]]:
    """The rows of a CSV text with their line numbers, cells stripped; problems of the header
    and of rows with a wrong number of cells (those rows are left out)."""
    problems: list[Problem] = []
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        return [], [Problem(1, None, "le fichier est vide.", "the file is empty.", file)]
    except csv.Error:
        return [], [Problem(1, None, "en-tête illisible.", "unreadable header.", file)]
    for column in columns:
        if column not in header:
            problems.append(Problem(1, column, "colonne obligatoire absente.", "required column missing.", file))
    for column in sorted({c for c in header if header.count(c) > 1}):
        problems.append(Problem(1, column, "colonne présente deux fois.", "column appears twice.", file))
    if problems:
        return [], problems
    rows = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error:
            problems.append(
                Problem(
                    line,
                    None,
                    "ligne CSV mal formée ; lecture arrêtée ici.",
                    "malformed CSV line; reading stopped here.",
                    file,
                )
            )
            break
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are harmless
        if len(cells) != len(header):
            problems.append(
                Problem(
                    line,
                    None,
                    f"{len(cells)} cellules au lieu de {len(header)}.",
                    f"{len(cells)} cells instead of {len(header)}.",
                    file,
                )
            )
            continue
        rows.append((line, {name: cell.strip() for name, cell in zip(header, cells, strict=True)}))
    return rows, problems
