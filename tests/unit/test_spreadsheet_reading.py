"""Reading a workbook (spreadsheet.read_spreadsheet): where the table starts, which sheet is read
and what is said about the others, every refusal in both languages, and a reading stopped by
the time limit that keeps the rows before it."""

import io
import re
import zipfile

import pytest
from python_calamine import CalamineWorkbook

from dashboard import spreadsheet, table_text
from dashboard.reading import read_table
from dashboard.spreadsheet import _column_number
from dashboard.table_text import HEADER_SEARCH_ROWS, MAX_ROWS, Deadline
from helpers.spreadsheets import ods_bytes, xlsx_bytes

HEADER = ["date", "lieu", "type", "titre"]
ROW = ["1944-08-31", "Valence", "libération", "Valence libérée"]


def with_member(raw: bytes, member: str, change) -> bytes:
    """The same workbook with one member's bytes changed by `change`."""
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(output, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, change(data) if info.filename == member else data)
    return output.getvalue()


def messages(result) -> tuple[str, str]:
    [problem] = result.problems
    return problem.message_fr, problem.message_en


def test_a_table_away_from_a1_keeps_its_sheet_rows_and_column_letters():
    for raw in (xlsx_bytes({"S": [[], [None, *HEADER], [None, *ROW]]}),
                ods_bytes({"S": [[], [None, *HEADER], [None, *ROW]]})):
        table = read_table(raw, Deadline()).table
        assert (table.header, table.header_line) == (("", *HEADER), 2)
        assert table.rows[0].line == 3
        assert table.cell_reference(table.rows[0].line, table.header.index("lieu")) == "S!C3"


def test_labelled_lines_above_the_table_are_not_its_header():
    # Two filled cells, one of them a column name ("Source"), do not make a header: two column names do.
    above = [["Classe", "3e B"], ["Source", "manuel d'histoire"]]
    table = read_table(xlsx_bytes({"S": [*above, HEADER, ROW]}), Deadline()).table
    assert (table.header, table.header_line) == (tuple(HEADER), 3)


def test_the_first_sheet_is_read_and_the_others_are_named():
    result = read_table(xlsx_bytes({"Événements": [HEADER, ROW], "Vocabulaire": [["x"]], "Notes": [["y"]]}),
                        Deadline())
    assert result.table.sheet == "Événements" and result.facts.other_sheets == ("Vocabulaire", "Notes")
    [notice] = result.notices
    assert notice.message_fr == ("seule la première feuille (« Événements ») est lue ; "
                                 "autres feuilles ignorées : Vocabulaire, Notes.")
    assert notice.message_en == ("only the first sheet ('Événements') is read; "
                                 "other sheets left aside: Vocabulaire, Notes.")


def test_a_workbook_of_one_sheet_has_nothing_to_say_about_other_sheets():
    result = read_table(xlsx_bytes({"S": [HEADER, ROW]}), Deadline())
    assert result.notices == [] and result.facts.other_sheets == ()


@pytest.mark.parametrize("write, kind", [(xlsx_bytes, "xlsx"), (ods_bytes, "ods")])
def test_an_empty_sheet_is_said_with_its_name_and_what_was_read(write, kind):
    result = read_table(write({"Feuille1": [[], [None, " "]]}), Deadline())
    assert result.table is None
    assert messages(result) == ("la feuille « Feuille1 » est vide.", "sheet 'Feuille1' is empty.")
    assert (result.facts.kind, result.facts.sheet) == (kind, "Feuille1")


def test_a_zip_that_is_no_workbook_is_said_so():
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert messages(read_table(output.getvalue(), Deadline())) == (
        "archive ZIP qui n'est pas un classeur .xlsx ou .ods.", "a ZIP archive that is not an .xlsx or .ods workbook.")


def test_a_workbook_without_a_sheet_is_said_so():
    no_table = with_member(ods_bytes({"S": [HEADER]}), "content.xml",
                           lambda xml: re.sub(rb"<table:table .*</table:table>", b"", xml, flags=re.DOTALL))
    assert messages(read_table(no_table, Deadline())) == ("le classeur n'a aucune feuille.",
                                                          "the workbook has no sheet.")


def test_a_workbook_the_reader_rejects_is_said_with_the_readers_error():
    broken = with_member(xlsx_bytes({"S": [HEADER, ROW]}), "xl/workbook.xml", lambda xml: xml.replace(b"<", b""))
    with pytest.raises(Exception) as raised:
        CalamineWorkbook.from_filelike(io.BytesIO(broken))
    error = type(raised.value).__name__
    assert messages(read_table(broken, Deadline())) == (
        f"classeur illisible ({error}) : enregistrez-le à nouveau, ou en CSV.",
        f"unreadable workbook ({error}): save it again, or as CSV.")


def test_rows_the_extent_scan_does_not_count_are_still_refused_before_the_grid_is_built():
    # Prefixed rows with no attribute (`<x:row>`) escape the scan's count; the reader counts them.
    # (A far reference such as A10000000 would test this too, but a mutant that let it through
    # would build a grid of ten million rows.)
    rows = MAX_ROWS + HEADER_SEARCH_ROWS + 1
    xml = (b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>'
           + b'<x:row><x:c t="n"><x:v>1</x:v></x:c></x:row>' * rows + b"</x:sheetData></x:worksheet>")
    uncounted = with_member(xlsx_bytes({"S": [HEADER]}), "xl/worksheets/sheet1.xml", lambda _: xml)
    [problem] = read_table(uncounted, Deadline()).problems
    assert problem.message_en == f"the file has {rows:,} rows; the limit is {MAX_ROWS:,} rows."


def test_a_column_reference_the_extent_scan_does_not_read_is_still_refused_before_the_grid_is_built():
    # The scan reads column letters up to XFD (three); the reader takes a fourth.
    far = with_member(xlsx_bytes({"S": [HEADER, ROW]}), "xl/worksheets/sheet1.xml",
                      lambda xml: xml.replace(b'r="B2"', b'r="AAAA2"'))
    [problem] = read_table(far, Deadline()).problems
    columns = _column_number(b"AAAA")
    assert problem.message_en == f"the header has {columns} columns; the limit is {table_text.MAX_COLUMNS} columns."
    assert problem.line == 1


def test_the_row_limit_counts_the_rows_below_the_header(monkeypatch):
    # Lowered so the sheets stay small; the rows above the header searched for are not counted.
    for module in (spreadsheet, table_text):
        monkeypatch.setattr(module, "MAX_ROWS", 3)
    at_limit = read_table(xlsx_bytes({"S": [["titre de la page"], HEADER, *[ROW] * 3]}), Deadline())
    assert len(at_limit.table.rows) == 3
    over = read_table(xlsx_bytes({"S": [HEADER, *[ROW] * 4]}), Deadline())
    assert over.table is None
    assert messages(over)[1] == "the file has more than 3 rows; the limit is 3 rows."


LONG_SHEET_ROWS = 4500  # more than the rows read between two looks at the clock


@pytest.fixture(scope="module")
def long_sheet() -> bytes:
    return xlsx_bytes({"Longue": [HEADER, *[[f"1944-08-{day % 28 + 1:02d}", *ROW[1:]] for day in range(LONG_SHEET_ROWS)]]})


def test_a_long_sheet_within_the_time_limit_is_read_whole(long_sheet):
    table = read_table(long_sheet, Deadline()).table
    assert len(table.rows) == LONG_SHEET_ROWS and table.stopped is None


class DeadlinePassingAfterTheFirstLook(Deadline):
    """Time that runs out once the workbook is open, while its rows are being read."""

    def __init__(self):
        super().__init__()
        self.looks = 0

    def passed(self) -> bool:
        self.looks += 1
        return self.looks > 1


def test_a_sheet_stopped_by_the_time_limit_keeps_the_rows_read_and_says_where(long_sheet):
    table = read_table(long_sheet, DeadlinePassingAfterTheFirstLook()).table
    assert 0 < len(table.rows) < LONG_SHEET_ROWS
    assert [row.line for row in table.rows] == list(range(2, len(table.rows) + 2))
    stopped = table.stopped
    assert (stopped.line, stopped.sheet) == (table.rows[-1].line, "Longue")
    assert stopped.message_en.startswith("reading stopped after")
