"""Reading the CSV files teachers have (reading.py): encodings, separators, binary content,
blank lines, broken quotes, and the row and column limits at their boundary."""

import pytest

from dashboard.reading import (
    MAX_COLUMNS,
    MAX_FILE_BYTES,
    Deadline,
    decode_text,
    read_csv_bytes,
    read_csv_text,
    read_table,
    sniff_delimiter,
)

TEXT = "date;lieu\n25/08/1944;Sénas\n"


@pytest.mark.parametrize("raw, encoding", [
    (TEXT.encode("utf-8"), "UTF-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "UTF-8 (BOM)"),
    (TEXT.encode("utf-16"), "UTF-16"),  # with its byte order mark, as Excel's "Unicode text"
    (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), "UTF-16"),
    (TEXT.encode("cp1252"), "Windows-1252"),
    (b"\xef\xbb\xbf" + TEXT.encode("cp1252"), "Windows-1252"),  # a BOM in front of Windows-1252
    (TEXT.encode("latin-1").replace(b"\xe9", b"\x81\xe9"), "Latin-1 (ISO-8859-1)"),  # 0x81: not in cp1252
], ids=["utf8", "utf8-bom", "utf16-le", "utf16-be", "cp1252", "bom-then-cp1252", "latin1"])
def test_the_encoding_is_found_and_said(raw, encoding):
    text, found, problems = decode_text(raw)
    assert (found, problems) == (encoding, [])
    assert "énas" in text and not text.startswith("\ufeff")


def test_broken_utf16_is_a_problem():
    text, encoding, [problem] = decode_text(b"\xff\xfe" + "ab".encode("utf-16-le") + b"\x00\xd8")
    assert text is None and encoding == "UTF-16"
    assert problem.message_fr.startswith("texte UTF-16 illisible (")
    assert problem.message_en.startswith("unreadable UTF-16 text (")


def test_a_nul_byte_is_not_text_and_its_line_is_given():
    text, _, [problem] = decode_text(b"date,lieu\n1944-08-25,Paris\nab\x00cd\n")
    assert text is None and problem.line == 3
    assert problem.message_en.startswith("NUL character (byte 0): this is not a CSV text file.")
    assert problem.message_fr.startswith("caractère nul (octet 0) : ce n'est pas un fichier texte CSV.")
    assert read_table(b"\x00date,lieu\n").problems[0].line == 1


def control_text(controls: int, length: int) -> bytes:
    """`length` characters of a two-column table holding `controls` control characters."""
    body = "a,b\n" + "\x01" * controls
    return (body + "x" * (length - len(body))).encode()


@pytest.mark.parametrize("controls, length, binary", [
    (3, 100, False),  # a few stray control characters are tolerated in a small file
    (4, 100, True),
    (10, 2000, False),  # one in 200 characters is tolerated in a large one
    (11, 2000, True),
])
def test_control_characters_mean_binary_data_past_a_threshold(controls, length, binary):
    result = read_csv_bytes(control_text(controls, length))
    messages = [p.message_en for p in result.problems]
    assert (messages == ["the file holds binary data: it is not a CSV, .xlsx or .ods table."]) == binary
    assert (result.table is None) == binary


def test_binary_data_is_said_in_french_too():
    [problem] = read_csv_bytes(control_text(50, 100)).problems
    assert problem.message_fr == "le fichier contient des données binaires : ce n'est pas un tableau CSV, .xlsx ou .ods."


def test_text_converted_twice_gets_a_notice_and_is_still_read():
    result = read_csv_bytes("date,lieu\n1944-08-25,LibÃ©ration\n".encode("utf-8"))
    [notice] = result.notices
    assert "Ã©" in notice.message_en and "check the accents" in notice.message_en
    assert "vérifiez les accents" in notice.message_fr
    assert result.table.rows[0].cells == ("1944-08-25", "LibÃ©ration")
    assert read_csv_bytes("date,lieu\n1944-08-25,Libération\n".encode("utf-8")).notices == []


@pytest.mark.parametrize("text, delimiter", [
    ("a,b;c;d\n", ";"),
    ("a;b\tc\td\n", "\t"),
    ("a;b,c,d\n", ","),
    ("\n\n  \na;b\n", ";"),  # the first non-blank line is the header
    ('"x;y;z",a,b\n', ","),  # separators inside quotes do not count
    ("", ","),
], ids=["semicolon", "tab", "comma", "after-blank-lines", "quoted", "nothing"])
def test_the_separator_is_the_most_frequent_one_of_the_header(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_the_separator_and_encoding_are_reported_with_the_rows():
    result = read_csv_bytes("date\tlieu\n1944-08-25\tParis\n".encode("cp1252"))
    assert (result.facts.kind, result.facts.delimiter, result.facts.encoding) == ("csv", "\t", "UTF-8")
    assert result.table.rows[0].cells == ("1944-08-25", "Paris")


def test_rows_keep_their_first_line_and_blank_lines_are_skipped():
    table = read_csv_text('\n\ndate,lieu\n\n1944-08-25,"A\nB"\n , \n1944-08-26,C\n').table
    assert (table.header, table.header_line) == (("date", "lieu"), 3)
    assert [(row.line, row.cells) for row in table.rows] == [(5, ("1944-08-25", "A\nB")), (8, ("1944-08-26", "C"))]
    assert table.stopped is None and table.sheet is None


def test_a_broken_quote_stops_reading_on_its_line_and_keeps_the_rows_before():
    table = read_csv_text('date,lieu\n1944-08-25,A\n1944-08-26,"B"x\n1944-08-27,C\n').table
    assert [row.line for row in table.rows] == [2]
    stopped = table.stopped
    assert stopped.line == 3
    assert stopped.message_en.startswith("malformed CSV line (")
    assert stopped.message_en.endswith("); reading stopped here.")
    assert stopped.message_fr.startswith("ligne CSV mal formée (un guillemet fermant doit être suivi d'une virgule)")


def test_a_broken_header_is_the_only_problem():
    result = read_csv_text('"date"x,lieu\n1944-08-25,A\n')
    [problem] = result.problems
    assert result.table is None and problem.line == 1
    assert problem.message_en.startswith("unreadable header (")
    assert problem.message_fr.startswith("en-tête illisible (")


@pytest.mark.parametrize("text", ["", "\n \n", " , \n"], ids=["nothing", "blank-lines", "blank-cells"])
def test_a_file_with_no_header_is_empty(text):
    [problem] = read_csv_text(text).problems
    assert (problem.line, problem.message_fr, problem.message_en) == (1, "le fichier est vide.", "the file is empty.")


def test_an_empty_file_is_said_before_anything_else():
    [problem] = read_table(b" \r\n ").problems
    assert (problem.line, problem.message_en) == (1, "the file is empty.")


@pytest.mark.parametrize("columns, refused", [(MAX_COLUMNS, False), (MAX_COLUMNS + 1, True)])
def test_the_column_limit_is_the_header_width(columns, refused):
    header = ",".join(f"c{i}" for i in range(columns))
    result = read_csv_text(f"\n{header}\n")
    assert (result.table is None) == refused
    if refused:
        assert result.problems[0].line == 2
        assert f"the header has {columns} columns" in result.problems[0].message_en


@pytest.mark.parametrize("size, refused", [(MAX_FILE_BYTES, False), (MAX_FILE_BYTES + 1, True)])
def test_the_size_limit_is_in_bytes(size, refused):
    raw = b"a,b\n" + b"x" * (size - 4)
    problems = read_table(raw).problems
    assert any("the limit is 20 MB" in p.message_en for p in problems) == refused
    if refused:
        assert problems[0].message_en == "the file is 20.0 MB; the limit is 20 MB."
        assert problems[0].message_fr == "le fichier fait 20.0 Mo ; la limite est de 20 Mo."


def test_reading_checks_the_deadline_every_2000_rows():
    text = "a,b\n" + "1,2\n" * 4500
    table = read_csv_text(text, ",", Deadline(-1)).table
    assert len(table.rows) == 2000
    assert table.stopped.line == 2001
    assert table.stopped.message_en.startswith("reading stopped after -1 seconds")
    assert len(read_csv_text(text, ",", Deadline(60)).table.rows) == 4500


def test_an_old_excel_file_is_named():
    [problem] = read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100).problems
    assert problem.message_en.startswith("old Excel format (.xls)")
    assert problem.message_fr.startswith("ancien format Excel (.xls)")
