"""Reading .xlsx and .ods (spreadsheet.py): a value as the text a person typed, the extent a
sheet declares measured before the reader allocates it, each limit at its boundary."""

import datetime as dt
import io
import zipfile

import pytest

from dashboard.reading import read_table
from dashboard.spreadsheet import (
    _column_number,
    _extent_problem,
    _ods_extent,
    _spreadsheet_kind,
    _unpacking_problem,
    _xlsx_extent,
    cell_text,
)
from dashboard.table_text import HEADER_SEARCH_ROWS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_UNPACKED_BYTES, Deadline
from helpers.spreadsheets import ODS_MIMETYPE, ods_bytes, xlsx_bytes

MEGABYTE = 1024 * 1024


@pytest.mark.parametrize("value, text", [
    (None, ""),
    (True, "TRUE"),
    (False, "FALSE"),
    (dt.datetime(1944, 8, 25), "1944-08-25"),
    (dt.datetime(1944, 8, 25, 14, 30), "1944-08-25 14:30:00"),
    (dt.date(1944, 8, 25), "1944-08-25"),
    (1.0, "1"),
    (75.0, "75"),
    (48.8566, "48.8566"),
    (-0.5, "-0.5"),
    (999_999_999_999_999.0, "999999999999999"),
    (1e15, "1000000000000000.0"),  # too large to be a typed whole number: written as the float it is
    (-1e15, "-1000000000000000.0"),
    (float("nan"), "nan"),
    (float("inf"), "inf"),
    (float("-inf"), "-inf"),
    (7, "7"),
    ("Paris", "Paris"),
])
def test_a_value_is_the_text_a_person_typed(value, text):
    assert cell_text(value) == text


@pytest.mark.parametrize("letters, number", [(b"A", 1), (b"Z", 26), (b"AA", 27), (b"AZ", 52), (b"XFD", 16384)])
def test_column_letters_to_numbers(letters, number):
    assert _column_number(letters) == number


def column_name(number: int) -> str:
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


@pytest.mark.parametrize("xml, extent", [
    (b'<row r="1"><c r="A1"/><c r="C1"/></row><row r="4"><c r="B4"/></row>', (4, 3)),
    (b"<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row><row><c><v>1</v></c></row>", (2, 3)),
    (b'<x:row ><x:c t="n"><x:v>1</x:v></x:c><x:c t="n"/></x:row>', (1, 2)),  # a namespace prefix
    (b'<x:row r="1">' + b"".join(b'<x:c r="%s1"><x:v>1</x:v></x:c>' % column_name(n).encode()
                                 for n in range(1, 151)) + b"</x:row>", (1, 150)),  # closing tags are no cells
    (b'<row><c r="A1"/><c t="s"/><c t="s"/><c t="s"/></row>', (1, 4)),  # one reference, the rest by order
    (b'<row><c r="A1"/><c t="s"/></row>', (1, 2)),  # a single cell without its reference
    (b'<x:row r="1"><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>', (1, 2)),  # prefixed cells, no attribute
    (b'<row><x:c r="A1"/></row><row>' + b'<c t="s"/>' * 300 + b"</x:c>" * 1000 + b"</row>", (2, 300)),
    (b"", (0, 0)),
], ids=["references", "by-order", "prefixed", "prefixed-150-columns", "some-references", "one-cell-by-order",
        "prefixed-no-attribute", "stray-closing-tags", "empty"])
def test_the_extent_of_an_xlsx_sheet(xml, extent):
    assert _xlsx_extent(xml) == extent


T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
O = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
VALUE = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'


def ods_content(*tables: str) -> bytes:
    return (
        f'<office:document-content xmlns:office="{O}" xmlns:table="{T}" '
        f'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
        f'{"".join(tables)}</office:spreadsheet></office:body></office:document-content>'.encode()
    )


def table(*rows: str) -> str:
    return "<table:table>" + "".join(rows) + "</table:table>"


def row(cells: str, repeated: int | None = None) -> str:
    attribute = f' table:number-rows-repeated="{repeated}"' if repeated else ""
    return f"<table:table-row{attribute}>{cells}</table:table-row>"


def empty(columns: int) -> str:
    return f'<table:table-cell table:number-columns-repeated="{columns}"/>'


@pytest.mark.parametrize("content, extent", [
    (ods_content(table(row(VALUE * 3), row(VALUE))), (2, 3)),
    (ods_content(table(row(VALUE, repeated=5), row(VALUE))), (6, 1)),  # repeated rows with a value count
    (ods_content(table(row(VALUE), row(empty(1000), repeated=1000000))), (1, 1)),  # empty repeats do not
    (ods_content(table(row(empty(4) + VALUE + empty(500)))), (1, 5)),  # the last cell with a value ends the row
    (ods_content(table(row(VALUE), row(VALUE)), table(row(VALUE * 2))), (2, 2)),  # each table from its first row
    (ods_content(table(row(VALUE + '<table:covered-table-cell table:number-columns-repeated="2" '
                           'office:value-type="float"/>'))), (1, 3)),
    (ods_content(table(row(empty(3), repeated=4))), (0, 0)),
    (ods_content(), (0, 0)),
    # An empty count (no writer should produce one) counts once, like a missing one.
    (ods_content(table('<table:table-row table:number-rows-repeated="">' + VALUE + "</table:table-row>")), (1, 1)),
    (ods_content(table(row(VALUE.replace("<table:table-cell ", '<table:table-cell table:number-columns-repeated="" ')))),
     (1, 1)),
], ids=["plain", "repeated-rows", "empty-repeats", "trailing-empty-cells", "two-tables", "covered-cells",
        "no-value", "no-table", "empty-row-count", "empty-cell-count"])
def test_the_extent_of_an_ods_table_once_repeats_are_expanded(content, extent):
    assert _ods_extent(io.BytesIO(content)) == extent


def xlsx_archive(*sheet_xml: bytes) -> zipfile.ZipFile:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/_rels/sheet1.xml.rels", "<Relationships/>")
        for number, xml in enumerate(sheet_xml, start=1):
            archive.writestr(f"xl/worksheets/sheet{number}.xml", xml)
    return zipfile.ZipFile(output)


def far_cell(reference: str) -> bytes:
    return f'<worksheet><sheetData><row><c r="{reference}"/></row></sheetData></worksheet>'.encode()


def refusal(archive: zipfile.ZipFile, kind: str = "xlsx") -> str | None:
    result = _extent_problem(archive, kind)
    return result.problems[0].message_en if result else None


def test_rows_are_refused_past_the_limit_and_the_rows_searched_for_a_header():
    last = MAX_ROWS + HEADER_SEARCH_ROWS
    assert refusal(xlsx_archive(far_cell("A1"), far_cell(f"A{last}"))) is None
    assert refusal(xlsx_archive(far_cell("A1"), far_cell(f"A{last + 1}"))) == (
        f"the file has {last + 1:,} rows; the limit is {MAX_ROWS:,} rows.")


def test_columns_are_refused_past_the_limit():
    assert refusal(xlsx_archive(far_cell(f"{column_name(MAX_COLUMNS)}1"))) is None
    assert refusal(xlsx_archive(far_cell(f"{column_name(MAX_COLUMNS + 1)}1"))) == (
        f"the header has {MAX_COLUMNS + 1} columns; the limit is {MAX_COLUMNS} columns.")
    # Said on the first row, where the header is looked for first.
    assert _extent_problem(xlsx_archive(far_cell(f"{column_name(MAX_COLUMNS + 1)}1")), "xlsx").problems[0].line == 1


def test_cells_are_refused_past_the_limit():
    rows = MAX_CELLS // MAX_COLUMNS
    assert refusal(xlsx_archive(far_cell(f"{column_name(MAX_COLUMNS)}{rows}"))) is None
    message = refusal(xlsx_archive(far_cell(f"{column_name(MAX_COLUMNS)}{rows + 1}")))
    assert message == f"a sheet spans {MAX_COLUMNS * (rows + 1):,} cells; the limit is {MAX_CELLS:,}."
    french = _extent_problem(xlsx_archive(far_cell(f"{column_name(MAX_COLUMNS)}{rows + 1}")), "xlsx").problems[0]
    assert french.message_fr == (f"une feuille compte {MAX_COLUMNS * (rows + 1):,} cellules ; "
                                 f"la limite est de {MAX_CELLS:,}.").replace(",", "\u202f")


def test_only_worksheets_are_measured():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/sharedStrings.xml", far_cell(f"A{MAX_ROWS * 2}"))
        archive.writestr("xl/worksheets/sheet1.xml", far_cell("B2"))
    assert refusal(zipfile.ZipFile(output)) is None


def test_the_kind_is_told_from_the_start_of_mimetype_without_unpacking_it():
    """The kind is decided before the size checks: `mimetype` must not be unpacked whole then (it
    could be a bomb). Its tail is damaged here, which reading it to the end would find."""
    padding = b" " * 8192  # past the block the zip reader fetches at once
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("mimetype", ODS_MIMETYPE.encode() + padding + b"END", compress_type=zipfile.ZIP_STORED)
    damaged = output.getvalue().replace(padding + b"END", padding + b"BAD")
    assert _spreadsheet_kind(zipfile.ZipFile(io.BytesIO(damaged))) == "ods"


def test_a_broken_content_is_a_damaged_workbook():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("mimetype", ODS_MIMETYPE)
        archive.writestr("content.xml", "<office:document-content")
    result = _extent_problem(zipfile.ZipFile(output), "ods")
    assert result.problems[0].message_en == "damaged workbook, unreadable (ParseError)."
    assert result.problems[0].message_fr == "classeur endommagé, illisible (ParseError)."


def declaring(sizes: list[int], packed_size: int) -> zipfile.ZipFile:
    """An archive whose directory declares members of these unpacked sizes, each packed into
    `packed_size` bytes: the sizes are what the check reads, nothing is unpacked."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for number in range(len(sizes)):
            archive.writestr(f"part{number}", b"")
    archive = zipfile.ZipFile(output)
    for info, size in zip(archive.infolist(), sizes, strict=True):
        info.file_size, info.compress_size = size, packed_size
    return archive


@pytest.mark.parametrize("sizes, refused", [
    ([10 * MEGABYTE], False),  # packed over 250 times, but not over 10 MB
    ([10 * MEGABYTE + 1], True),
    ([10 * MEGABYTE] * (MAX_UNPACKED_BYTES // (10 * MEGABYTE)), False),  # exactly the total allowed
    ([10 * MEGABYTE] * (MAX_UNPACKED_BYTES // (10 * MEGABYTE)) + [1], True),
], ids=["10MB", "over-10MB-packed", "total-at-limit", "total-over-limit"])
def test_a_workbook_that_unpacks_too_much_is_refused(sizes, refused):
    result = _unpacking_problem(declaring(sizes, packed_size=MEGABYTE // 100))
    assert (result is not None) == refused
    if refused:
        assert result.problems[0].message_en == (
            "the workbook unpacks to an excessive size (over 300 MB, or over 250 times its size): it is not read.")
        assert result.problems[0].message_fr == (
            "le classeur se décompresse en un volume démesuré (plus de 300 Mo, ou plus de 250 fois sa taille) : "
            "il n'est pas lu.")


SMALLEST_PACKING = -(-11 * MEGABYTE // 250)  # 11 MB packed into fewer bytes is over 250 times


@pytest.mark.parametrize("packed_size, refused", [(SMALLEST_PACKING, False), (SMALLEST_PACKING - 1, True)])
def test_a_large_member_is_refused_only_past_the_packing_ratio(packed_size, refused):
    assert (_unpacking_problem(declaring([11 * MEGABYTE], packed_size)) is not None) == refused


def test_a_large_member_packed_exactly_250_times_is_read():
    packed = 50_000  # 250 times that is 12.5 MB: over the 10 MB a member may unpack to without a ratio check
    assert _unpacking_problem(declaring([250 * packed], packed)) is None
    assert _unpacking_problem(declaring([250 * packed + 1], packed)) is not None


def test_a_member_declared_packed_into_nothing_is_measured_without_dividing_by_zero():
    assert _unpacking_problem(declaring([11 * MEGABYTE], 0)) is not None
    assert _unpacking_problem(declaring([100], 0)) is None


def test_the_header_is_found_below_a_title_within_the_first_rows():
    title = [["Libération de la Drôme"], ["Classe de 3e B"]]
    rows = title + [["date", "lieu"], ["1944-08-31", "Valence"]]
    result = read_table(xlsx_bytes({"Feuille1": rows}), Deadline())
    assert (result.table.header, result.table.header_line) == (("date", "lieu"), 3)
    assert [row.line for row in result.table.rows] == [4]


def test_with_no_recognised_header_the_first_row_is_the_header():
    result = read_table(xlsx_bytes({"S": [["a", "b"], ["c", "d"]]}), Deadline())
    assert result.table.header == ("a", "b") and result.table.rows[0].line == 2


def test_a_header_below_the_rows_searched_is_not_looked_for():
    rows = [[f"titre {n}"] for n in range(HEADER_SEARCH_ROWS)] + [["date", "lieu"], ["1944-08-31", "Valence"]]
    result = read_table(xlsx_bytes({"S": rows}), Deadline())
    assert result.table.header == ("titre 0", "")


def test_a_spreadsheet_is_read_with_its_sheet_and_kind():
    for raw, kind in ((xlsx_bytes({"Feuille1": [["date"], ["1944-08-25"]]}), "xlsx"),
                      (ods_bytes({"Feuille1": [["date"], ["1944-08-25"]]}), "ods")):
        result = read_table(raw, Deadline())
        assert (result.facts.kind, result.facts.sheet, result.table.sheet) == (kind, "Feuille1", "Feuille1")


def test_a_deadline_passed_stops_a_spreadsheet():
    result = read_table(xlsx_bytes({"S": [["date"], ["1944-08-25"]]}), Deadline(-1))
    assert result.table is None
    assert result.problems[0].message_en.startswith("reading stopped after")
