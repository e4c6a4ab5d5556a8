"""`.xlsx` and `.ods` -> a table of text cells, through python-calamine, which reads the values a
spreadsheet stored and never evaluates a formula or follows an external link. The work is
bounded before calamine sees the file: compressed and unpacked size, declared extent, time.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import IO

from dashboard.columns import canonical_column
from dashboard.problems import Problem
from dashboard.table_text import (
    HEADER_SEARCH_ROWS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_PACKING_RATIO,
    MAX_ROWS,
    MAX_UNPACKED_BYTES,
    Deadline,
    ReadFacts,
    ReadResult,
    SourceRow,
    TextTable,
    failure,
    too_many_columns,
    too_many_rows,
)

_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


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
            return failure(
                "le classeur se décompresse en un volume démesuré (plus de "
                f"{MAX_UNPACKED_BYTES // 1024 // 1024} Mo, ou plus de {MAX_PACKING_RATIO} fois sa taille) : il n'est pas lu.",
                "the workbook unpacks to an excessive size (over "
                f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB, or over {MAX_PACKING_RATIO} times its size): it is not read.",
            )
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
    closing = _closing_cell_tag(xml)
    cells = _cell_count(xml, closing)
    if cells > references:  # positions implied by order: the longest row gives the width
        columns = max(columns, max(_cell_count(row, closing) for row in xml.split(b"row>")))
    return rows, columns


def _closing_cell_tag(xml: bytes) -> bytes | None:
    """`</x:c>` when cells carry a namespace prefix (`<x:c r="A1">`), whose closing tags the
    `:c>` count would take for cells too; the first prefixed cell gives the prefix."""
    found = [index for index in (xml.find(b":c "), xml.find(b":c>")) if index >= 0]
    if not found:
        return None
    start = xml.rfind(b"<", 0, min(found)) + 1
    return b"</" + xml[start : min(found)] + b":c>"


def _cell_count(xml: bytes, closing: bytes | None) -> int:
    # Only the `:c>` count is corrected, never below zero: stray closing tags cannot hide cells.
    bare = xml.count(b":c>") - (xml.count(closing) if closing else 0)
    return xml.count(b"<c ") + xml.count(b"<c>") + xml.count(b":c ") + max(bare, 0)


def _ods_extent(stream: IO[bytes]) -> tuple[int, int]:
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
                row_repeat = int(element.get(_ODS_TABLE + "number-rows-repeated") or 1)
                column, row_has_value, row_end_column = 0, False, 0
            continue
        if tag in (_ODS_TABLE + "table-cell", _ODS_TABLE + "covered-table-cell"):
            repeat = int(element.get(_ODS_TABLE + "number-columns-repeated") or 1)
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
            extents = [
                _xlsx_extent(archive.read(name))
                for name in archive.namelist()
                if name.startswith("xl/worksheets/") and name.endswith(".xml")
            ]
        else:
            with archive.open("content.xml") as stream:
                extents = [_ods_extent(stream)]
    except Exception as error:  # broken XML or zip member: the reader would fail too
        return failure(
            f"classeur endommagé, illisible ({type(error).__name__}).",
            f"damaged workbook, unreadable ({type(error).__name__}).",
        )
    for rows, columns in extents:
        if rows > MAX_ROWS + HEADER_SEARCH_ROWS:
            return too_many_rows(rows)
        if columns > MAX_COLUMNS:
            return too_many_columns(columns, 1)
        if rows * columns > MAX_CELLS:
            return failure(
                f"une feuille compte {rows * columns:,} cellules ; la limite est de {MAX_CELLS:,}.".replace(
                    ",", "\u202f"
                ),
                f"a sheet spans {rows * columns:,} cells; the limit is {MAX_CELLS:,}.",
            )
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
    if isinstance(value, float):  # NaN and infinities are no whole numbers: written as Python writes them
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return str(value)


def _looks_like_header(cells: list[str]) -> bool:
    return sum(1 for cell in cells if cell and canonical_column(cell)) >= 2


def read_spreadsheet(raw: bytes, deadline: Deadline) -> ReadResult:
    from python_calamine import CalamineWorkbook

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            kind = _spreadsheet_kind(archive)
            if kind is None:
                return failure(
                    "archive ZIP qui n'est pas un classeur .xlsx ou .ods.",
                    "a ZIP archive that is not an .xlsx or .ods workbook.",
                )
            refused = _unpacking_problem(archive) or _extent_problem(archive, kind)
            if refused:
                return refused
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        return failure(f"classeur endommagé, illisible ({error}).", f"damaged workbook, unreadable ({error}).")
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(raw))
        sheets = [meta.name for meta in workbook.sheets_metadata]
        if not sheets:
            return failure("le classeur n'a aucune feuille.", "the workbook has no sheet.")
        sheet = workbook.get_sheet_by_index(0)
        height, width = sheet.end[0] + 1 if sheet.end else 0, sheet.end[1] + 1 if sheet.end else 0
        if height > MAX_ROWS + HEADER_SEARCH_ROWS:
            return too_many_rows(height)
        if width > MAX_COLUMNS:
            return too_many_columns(width, 1)
        values = sheet.to_python(skip_empty_area=False)
    except Exception as error:  # calamine's errors (XML, zip, password...) share no base class
        return failure(
            f"classeur illisible ({type(error).__name__}) : enregistrez-le à nouveau, ou en CSV.",
            f"unreadable workbook ({type(error).__name__}): save it again, or as CSV.",
        )
    if deadline.passed():
        return ReadResult(None, problems=[deadline.problem(None)])
    name = sheet.name
    notices = []
    if len(sheets) > 1:
        others = ", ".join(sheets[1:])
        notices.append(
            Problem(
                None,
                None,
                f"seule la première feuille (« {name} ») est lue ; autres feuilles ignorées : {others}.",
                f"only the first sheet ('{name}') is read; other sheets left aside: {others}.",
            )
        )
    header: SourceRow | None = None
    rows: list[SourceRow] = []
    stopped = None
    for index, values_of_row in enumerate(values):
        line = index + 1
        cells = [cell_text(value) for value in values_of_row]
        if not any(cell.strip() for cell in cells):
            continue
        if header is None:
            if not _looks_like_header(cells) and _header_further(values, index):
                continue  # a title above the table (looked for within the first rows only)
            header = SourceRow(line, tuple(cells))
            continue
        rows.append(SourceRow(line, tuple(cells)))
        if len(rows) > MAX_ROWS:
            return too_many_rows()
        if len(rows) % 2000 == 0 and deadline.passed():
            stopped = deadline.problem(line, name)
            break
    if header is None:
        return ReadResult(
            None,
            ReadFacts(kind, sheet=name),
            [Problem(None, None, f"la feuille « {name} » est vide.", f"sheet '{name}' is empty.")],
        )
    facts = ReadFacts(kind, sheet=name, other_sheets=tuple(sheets[1:]))
    return ReadResult(TextTable(header.cells, rows, header.line, name, stopped), facts, notices=notices)


def _header_further(values: list, index: int) -> bool:
    """Whether a row below `index`, within the first rows, looks like the header."""
    return any(_looks_like_header([cell_text(v) for v in row]) for row in values[index + 1 : HEADER_SEARCH_ROWS])
