"""Bytes of a file -> a table of text cells, each row knowing where it came from.

The files teachers have: CSV with `,`, `;` or tab, in UTF-8 (with or without BOM), UTF-16
(Excel's "Unicode text"), Windows-1252 or Latin-1 (French Excel's "CSV"); `.xlsx` and `.ods`
through python-calamine, which reads the values a spreadsheet stored and never evaluates a
formula or follows an external link. The content decides the format, not the file's name.

Nothing here raises on bad content: a file that cannot be read gives problems saying why,
with the limit it broke when it broke one. Every loop checks a deadline, so no file hangs the
server; a spreadsheet's work is bounded before calamine sees it (compressed and unpacked size).
"""

from __future__ import annotations

import csv
import io
import re

from dashboard.csvcheck import csv_error_text
from dashboard.problems import Problem
from dashboard.spreadsheet import read_spreadsheet
from dashboard.table_text import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    Deadline,
    ReadFacts,
    ReadResult,
    SourceRow,
    TextTable,
    failure,
    too_many_columns,
    too_many_rows,
)

# The names the rest of the app has always taken from here.
__all__ = [
    "DELIMITERS",
    "DELIMITER_NAMES",
    "MAX_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "Deadline",
    "ReadFacts",
    "ReadResult",
    "SourceRow",
    "TextTable",
    "read_csv_bytes",
    "read_csv_text",
    "read_table",
    "sniff_delimiter",
]

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "virgule / comma", ";": "point-virgule / semicolon", "\t": "tabulation / tab"}

# The whole process shares this limit; the size limit above is the one that matters, and a
# long cell is then reported by the validator with its line and column rather than stopping here.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES + 1))

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003) and other OLE files
# C0 control characters other than tab, line feed and carriage return never occur in a table.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# UTF-8 text decoded once too often as Windows-1252 ("LibÃ©ration").
_MOJIBAKE = re.compile(
    "Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def read_table(raw: bytes, deadline: Deadline | None = None) -> ReadResult:
    """Read any accepted file into a TextTable, or say why it cannot be read."""
    deadline = deadline or Deadline()
    if len(raw) > MAX_FILE_BYTES:
        megabytes = len(raw) / 1024 / 1024
        return failure(
            f"le fichier fait {megabytes:.1f} Mo ; la limite est de {MAX_FILE_BYTES // 1024 // 1024} Mo.",
            f"the file is {megabytes:.1f} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB.",
        )
    if not raw.strip():
        return failure("le fichier est vide.", "the file is empty.", 1)
    if raw.startswith(_ZIP_MAGIC):
        return read_spreadsheet(raw, deadline)
    if raw.startswith(_OLE_MAGIC):
        return failure(
            "ancien format Excel (.xls) ou document Office non pris en charge : enregistrez-le en .xlsx, .ods ou CSV.",
            "old Excel format (.xls) or unsupported Office document: save it as .xlsx, .ods or CSV.",
        )
    return read_csv_bytes(raw, deadline)


# --- CSV -----------------------------------------------------------------------------------


def decode_text(raw: bytes) -> tuple[str | None, str, list[Problem]]:
    """The text of a CSV file and the encoding it was read in; UTF-8 first, because a valid
    UTF-8 file is almost never anything else, then Windows-1252 (French Excel), then Latin-1."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16", []
        except UnicodeDecodeError as error:
            return (
                None,
                "UTF-16",
                [
                    Problem(
                        None,
                        None,
                        f"texte UTF-16 illisible ({error.reason}).",
                        f"unreadable UTF-16 text ({error.reason}).",
                    )
                ],
            )
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        return (
            None,
            "",
            [
                Problem(
                    line,
                    None,
                    "caractère nul (octet 0) : ce n'est pas un fichier texte CSV. Enregistrez le tableau en CSV, .xlsx ou .ods.",
                    "NUL character (byte 0): this is not a CSV text file. Save the table as CSV, .xlsx or .ods.",
                )
            ],
        )
    try:
        return raw.decode("utf-8-sig"), "UTF-8" + (" (BOM)" if raw.startswith(b"\xef\xbb\xbf") else ""), []
    except UnicodeDecodeError:
        pass
    # A UTF-8 BOM in front of Windows-1252 text is a mislabelled file: the BOM is dropped.
    body = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("cp1252"), "Windows-1252", []
    except UnicodeDecodeError:
        return body.decode("latin-1"), "Latin-1 (ISO-8859-1)", []


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: the candidate it holds most often (outside quotes)."""
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    counts = {delimiter: unquoted.count(delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def read_csv_bytes(raw: bytes, deadline: Deadline | None = None) -> ReadResult:
    text, encoding, problems = decode_text(raw)
    if text is None:
        return ReadResult(None, problems=problems)
    controls = len(_CONTROL.findall(text[:65536]))
    if controls > max(3, len(text[:65536]) // 200):
        return failure(
            "le fichier contient des données binaires : ce n'est pas un tableau CSV, .xlsx ou .ods.",
            "the file holds binary data: it is not a CSV, .xlsx or .ods table.",
        )
    notices = []
    if _MOJIBAKE.search(text[:200_000]):
        notices.append(
            Problem(
                None,
                None,
                "des caractères comme « Ã© » laissent penser que le texte a été mal converti (UTF-8 lu comme Windows-1252) ; "
                "vérifiez les accents.",
                "characters such as 'Ã©' suggest the text was converted wrongly (UTF-8 read as Windows-1252); "
                "check the accents.",
            )
        )
    delimiter = sniff_delimiter(text)
    result = read_csv_text(text, delimiter, deadline)
    result.facts = ReadFacts("csv", encoding=encoding, delimiter=delimiter)
    result.notices = notices + result.notices
    return result


def read_csv_text(text: str, delimiter: str = ",", deadline: Deadline | None = None) -> ReadResult:
    """Rows of a CSV text with their first physical line; blank lines are skipped."""
    deadline = deadline or Deadline()
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=delimiter, strict=True)
    header = None
    header_line = 1
    rows: list[SourceRow] = []
    stopped = None
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            what = "header" if header is None else "line"
            french, english = csv_error_text(error)  # Python explains itself in English only
            stopped = Problem(
                line,
                None,
                f"{'en-tête illisible' if header is None else 'ligne CSV mal formée'} ({french}) ; lecture arrêtée ici.",
                f"{'unreadable header' if header is None else 'malformed CSV ' + what} ({english}); reading stopped here.",
            )
            break
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are harmless
        if header is None:
            if len(cells) > MAX_COLUMNS:
                return too_many_columns(len(cells), line)
            header, header_line = tuple(cells), line
            continue
        rows.append(SourceRow(line, tuple(cells)))
        if len(rows) > MAX_ROWS:
            return too_many_rows()
        if len(rows) % 2000 == 0 and deadline.passed():
            stopped = deadline.problem(line)
            break
    if header is None:
        if stopped is not None:
            return ReadResult(None, problems=[stopped])
        return failure("le fichier est vide.", "the file is empty.", 1)
    return ReadResult(TextTable(header, rows, header_line, None, stopped))
