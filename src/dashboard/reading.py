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
import datetime as dt
import io
import re
import time
import zipfile
from dataclasses import dataclass, field

from dashboard.columns import canonical_column
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
DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "virgule / comma", ";": "point-virgule / semicolon", "\t": "tabulation / tab"}

# The whole process shares this limit; the size limit above is the one that matters, and a
# long cell is then reported by the validator with its line and column rather than stopping here.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES + 1))

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003) and other OLE files
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
# C0 control characters other than tab, line feed and carriage return never occur in a table.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# UTF-8 text decoded once too often as Windows-1252 ("LibÃ©ration").
_MOJIBAKE = re.compile("Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]")


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
        return Problem(line, None,
                       f"lecture arrêtée après {self.seconds:g} secondes (limite) : le fichier est trop gros ou trop complexe ; "
                       "les lignes suivantes n'ont pas été lues.",
                       f"reading stopped after {self.seconds:g} seconds (the limit): the file is too large or too complex; "
                       "the following lines were not read.", sheet=sheet)


def _fail(fr: str, en: str, line: int | None = None) -> ReadResult:
    return ReadResult(None, problems=[Problem(line, None, fr, en)])


def _too_many_rows(count: int | None = None) -> ReadResult:
    """`count`: the rows a spreadsheet declares; None when a CSV is stopped at the limit."""
    fr_count = f"{count:,}".replace(",", "\u202f") if count else f"plus de {MAX_ROWS:,}".replace(",", "\u202f")
    en_count = f"{count:,}" if count else f"more than {MAX_ROWS:,}"
    return _fail(f"le fichier a {fr_count} lignes ; la limite est de {MAX_ROWS:,} lignes.".replace(",", "\u202f"),
                 f"the file has {en_count} rows; the limit is {MAX_ROWS:,} rows.")


def _too_many_columns(count: int, line: int) -> ReadResult:
    return _fail(f"l'en-tête a {count} colonnes ; la limite est de {MAX_COLUMNS} colonnes.",
                 f"the header has {count} columns; the limit is {MAX_COLUMNS} columns.", line)


def read_table(raw: bytes, deadline: Deadline | None = None) -> ReadResult:
    """Read any accepted file into a TextTable, or say why it cannot be read."""
    deadline = deadline or Deadline()
    if len(raw) > MAX_FILE_BYTES:
        megabytes = len(raw) / 1024 / 1024
        return _fail(f"le fichier fait {megabytes:.1f} Mo ; la limite est de {MAX_FILE_BYTES // 1024 // 1024} Mo.",
                     f"the file is {megabytes:.1f} MB; the limit is {MAX_FILE_BYTES // 1024 // 1024} MB.")
    if not raw.strip():
        return _fail("le fichier est vide.", "the file is empty.", 1)
    if raw.startswith(_ZIP_MAGIC):
        return _read_spreadsheet(raw, deadline)
    if raw.startswith(_OLE_MAGIC):
        return _fail("ancien format Excel (.xls) ou document Office non pris en charge : enregistrez-le en .xlsx, .ods ou CSV.",
                     "old Excel format (.xls) or unsupported Office document: save it as .xlsx, .ods or CSV.")
    return read_csv_bytes(raw, deadline)


# --- CSV -----------------------------------------------------------------------------------

def decode_text(raw: bytes) -> tuple[str | None, str, list[Problem]]:
    """The text of a CSV file and the encoding it was read in; UTF-8 first, because a valid
    UTF-8 file is almost never anything else, then Windows-1252 (French Excel), then Latin-1."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16", []
        except UnicodeDecodeError as error:
            return None, "UTF-16", [Problem(None, None, f"texte UTF-16 illisible ({error.reason}).",
                                            f"unreadable UTF-16 text ({error.reason}).")]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        return None, "", [Problem(line, None,
                                  "caractère nul (octet 0) : ce n'est pas un fichier texte CSV. Enregistrez le tableau en CSV, .xlsx ou .ods.",
                                  "NUL character (byte 0): this is not a CSV text file. Save the table as CSV, .xlsx or .ods.")]
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
        return _fail("le fichier contient des données binaires : ce n'est pas un tableau CSV, .xlsx ou .ods.",
                     "the file holds binary data: it is not a CSV, .xlsx or .ods table.")
    notices = []
    if _MOJIBAKE.search(text[:200_000]):
        notices.append(Problem(None, None,
                               "des caractères comme « Ã© » laissent penser que le texte a été mal converti (UTF-8 lu comme Windows-1252) ; "
                               "vérifiez les accents.",
                               "characters such as 'Ã©' suggest the text was converted wrongly (UTF-8 read as Windows-1252); "
                               "check the accents."))
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
            stopped = Problem(line, None,
                              f"{'en-tête illisible' if header is None else 'ligne CSV mal formée'} ({error}) ; lecture arrêtée ici.",
                              f"{'unreadable header' if header is None else 'malformed CSV ' + what} ({error}); reading stopped here.")
            break
        if not any(cell.strip() for cell in cells):
            continue  # blank lines are harmless
        if header is None:
            if len(cells) > MAX_COLUMNS:
                return _too_many_columns(len(cells), line)
            header, header_line = tuple(cells), line
            continue
        rows.append(SourceRow(line, tuple(cells)))
        if len(rows) > MAX_ROWS:
            return _too_many_rows()
        if len(rows) % 2000 == 0 and deadline.passed():
            stopped = deadline.problem(line)
            break
    if header is None:
        if stopped is not None:
            return ReadResult(None, problems=[stopped])
        return _fail("le fichier est vide.", "the file is empty.", 1)
    return ReadResult(TextTable(header, rows, header_line, None, stopped))


# --- Spreadsheets ----------------------------------------------------------------------------

def _spreadsheet_kind(archive: zipfile.ZipFile) -> str | None:
    names = set(archive.namelist())
    if "mimetype" in names:
        with archive.open("mimetype") as handle:
            if handle.read(len(_ODS_MIMETYPE) + 8).startswith(_ODS_MIMETYPE):
                return "ods"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _unpacking_problem(archive: zipfile.ZipFile) -> ReadResult | None:
    unpacked = 0
    for member in archive.infolist():
        unpacked += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if unpacked > MAX_UNPACKED_BYTES or (member.file_size > 10 * 1024 * 1024 and ratio > MAX_PACKING_RATIO):
            return _fail("le classeur se décompresse en un volume démesuré (plus de "
                         f"{MAX_UNPACKED_BYTES // 1024 // 1024} Mo, ou plus de {MAX_PACKING_RATIO} fois sa taille) : il n'est pas lu.",
                         "the workbook unpacks to an excessive size (over "
                         f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB, or over {MAX_PACKING_RATIO} times its size): it is not read.")
    return None


# Linear scans (bytes.count and an anchored attribute pattern): a 100k-row sheet is ~100 MB of XML.
_XLSX_CELL_REF = re.compile(rb' r="([A-Z]{1,3})([0-9]{1,7})"')
_ODS_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODS_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _xlsx_extent(xml: bytes) -> tuple[int, int]:
    """Rows and columns a worksheet spans, from its cell references (a cell alone at XFD1048576
    would make the reader allocate the whole grid)."""
    rows = xml.count(b"<row") + xml.count(b":row ")
    columns = 0
    references = 0
    for match in _XLSX_CELL_REF.finditer(xml):
        references += 1
        columns = max(columns, _column_number(match.group(1)))
        rows = max(rows, int(match.group(2)))
    cells = xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b":c ") + xml.count(b":c>")
    if cells > references:  # positions implied by order: the longest row gives the width
        columns = max(columns, max(row.count(b"<c ") + row.count(b"<c>") + row.count(b":c ") + row.count(b":c>")
                                   for row in xml.split(b"row>")))
    return rows, columns


def _ods_extent(stream) -> tuple[int, int]:
    """Rows and columns the largest table spans once repeated rows and cells are expanded
    (a row "repeated a million times" is a few bytes in the file); empty repeats don't count."""
    import xml.etree.ElementTree as ET

    most_rows = most_columns = 0
    row = column = 0
    row_repeat = 1
    row_has_value = False
    row_end_column = 0
    for event, element in ET.iterparse(stream, events=("start", "end")):
        tag = element.tag
        if event == "start":
            if tag == _ODS_TABLE + "table":
                row = 0
            elif tag == _ODS_TABLE + "table-row":
                row_repeat = int(element.get(_ODS_TABLE + "number-rows-repeated", "1") or 1)
                column, row_has_value, row_end_column = 0, False, 0
            continue
        if tag in (_ODS_TABLE + "table-cell", _ODS_TABLE + "covered-table-cell"):
            repeat = int(element.get(_ODS_TABLE + "number-columns-repeated", "1") or 1)
            column += repeat
            if element.get(_ODS_OFFICE + "value-type") or len(element):
                row_has_value, row_end_column = True, column
            element.clear()
        elif tag == _ODS_TABLE + "table-row":
            row += row_repeat
            if row_has_value:
                most_rows, most_columns = max(most_rows, row), max(most_columns, row_end_column)
            element.clear()
    return most_rows, most_columns


def _extent_problem(archive: zipfile.ZipFile, kind: str) -> ReadResult | None:
    """Refuse, before the reader allocates it, a sheet spanning more rows, columns or cells than
    the limits, however few bytes it takes in the file."""
    try:
        if kind == "xlsx":
            extents = [_xlsx_extent(archive.read(name)) for name in archive.namelist()
                       if name.startswith("xl/worksheets/") and name.endswith(".xml")]
        else:
            with archive.open("content.xml") as stream:
                extents = [_ods_extent(stream)]
    except Exception as error:  # broken XML or zip member: the reader would fail too
        return _fail(f"classeur endommagé, illisible ({type(error).__name__}).",
                     f"damaged workbook, unreadable ({type(error).__name__}).")
    for rows, columns in extents:
        if rows > MAX_ROWS + HEADER_SEARCH_ROWS:
            return _too_many_rows(rows)
        if columns > MAX_COLUMNS:
            return _too_many_columns(columns, 1)
        if rows * columns > MAX_CELLS:
            return _fail(f"une feuille compte {rows * columns:,} cellules ; la limite est de {MAX_CELLS:,}.".replace(",", "\u202f"),
                         f"a sheet spans {rows * columns:,} cells; the limit is {MAX_CELLS:,}.")
    return None


def cell_text(value: object) -> str:
    """A spreadsheet value as the text a person would have typed: a date as YYYY-MM-DD, a
    whole number without '.0' (a département typed as 1 stays '1', to be reported)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def _looks_like_header(cells: list[str]) -> bool:
    return sum(1 for cell in cells if cell and canonical_column(cell)) >= 2


def _read_spreadsheet(raw: bytes, deadline: Deadline) -> ReadResult:
    from python_calamine import CalamineWorkbook

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            kind = _spreadsheet_kind(archive)
            if kind is None:
                return _fail("archive ZIP qui n'est pas un classeur .xlsx ou .ods.",
                             "a ZIP archive that is not an .xlsx or .ods workbook.")
            refused = _unpacking_problem(archive) or _extent_problem(archive, kind)
            if refused:
                return refused
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        return _fail(f"classeur endommagé, illisible ({error}).", f"damaged workbook, unreadable ({error}).")
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        sheets = [meta.name for meta in workbook.sheets_metadata]
        if not sheets:
            return _fail("le classeur n'a aucune feuille.", "the workbook has no sheet.")
        sheet = workbook.get_sheet_by_index(0)
        height, width = sheet.end[0] + 1 if sheet.end else 0, sheet.end[1] + 1 if sheet.end else 0
        if height > MAX_ROWS + HEADER_SEARCH_ROWS:
            return _too_many_rows(height)
        if width > MAX_COLUMNS:
            return _too_many_columns(width, 1)
        values = sheet.to_python(skip_empty_area=False)
    except Exception as error:  # calamine's errors (XML, zip, password...) share no base class
        return _fail(f"classeur illisible ({type(error).__name__}) : enregistrez-le à nouveau, ou en CSV.",
                     f"unreadable workbook ({type(error).__name__}): save it again, or as CSV.")
    if deadline.passed():
        return ReadResult(None, problems=[deadline.problem(None)])
    name = sheet.name
    notices = []
    if len(sheets) > 1:
        others = ", ".join(sheets[1:])
        notices.append(Problem(None, None, f"seule la première feuille (« {name} ») est lue ; autres feuilles ignorées : {others}.",
                               f"only the first sheet ('{name}') is read; other sheets left aside: {others}."))
    header = None
    header_line = 1
    rows: list[SourceRow] = []
    stopped = None
    for index, values_of_row in enumerate(values):
        line = index + 1
        cells = [cell_text(value) for value in values_of_row]
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            if index < HEADER_SEARCH_ROWS and not _looks_like_header(cells) and _header_further(values, index):
                continue  # a title above the table
            header, header_line = tuple(cells), line
            continue
        rows.append(SourceRow(line, tuple(cells)))
        if len(rows) > MAX_ROWS:
            return _too_many_rows()
        if len(rows) % 2000 == 0 and deadline.passed():
            stopped = deadline.problem(line, name)
            break
    if header is None:
        return ReadResult(None, ReadFacts(kind, sheet=name), [Problem(None, None, f"la feuille « {name} » est vide.",
                                                                      f"sheet '{name}' is empty.")])
    facts = ReadFacts(kind, sheet=name, other_sheets=tuple(sheets[1:]))
    return ReadResult(TextTable(header, rows, header_line, name, stopped), facts, notices=notices)


def _header_further(values: list, index: int) -> bool:
    """Whether a row below `index`, within the first rows, looks like the header."""
    return any(_looks_like_header([cell_text(v) for v in row]) for row in values[index + 1:HEADER_SEARCH_ROWS])
