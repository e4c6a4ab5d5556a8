"""Reading a reference CSV (csvcheck.read_rows): rows with their line numbers, every header and
shape problem with its line and column, in both languages."""

import csv

import pytest

from dashboard.csvcheck import Problem, read_file_text, read_rows

COLUMNS = ("actor", "force_type")


def where(problems):
    return [(problem.line, problem.column) for problem in problems]


def test_rows_keep_their_line_numbers_and_stripped_cells():
    text = "\ufeffactor,force_type\n FFI , resistance\n\n2e DB,french_army\n"
    rows, problems = read_rows(text, COLUMNS, "actors.csv")
    assert problems == []
    assert rows == [(2, {"actor": "FFI", "force_type": "resistance"}),
                    (4, {"actor": "2e DB", "force_type": "french_army"})]


def test_a_quoted_cell_may_hold_a_line_break_and_the_next_row_keeps_its_true_line():
    rows, _ = read_rows('actor,force_type\n"A\nB",axis\nC,axis\n', COLUMNS)
    assert rows == [(2, {"actor": "A\nB", "force_type": "axis"}), (4, {"actor": "C", "force_type": "axis"})]


@pytest.mark.parametrize("text, expected", [
    ("", [(1, None)]),
    ("actor\nFFI\n", [(1, "force_type")]),
    ("actor,actor,force_type\nA,B,axis\n", [(1, "actor")]),
    ("force_type\n", [(1, "actor")]),
], ids=["empty", "missing column", "duplicate column", "other missing column"])
def test_header_problems_are_on_line_one_and_name_the_column(text, expected):
    rows, problems = read_rows(text, COLUMNS, "actors.csv")
    assert rows == []
    assert where(problems) == expected
    assert all(problem.file == "actors.csv" for problem in problems)
    assert all(problem.message_fr != problem.message_en and problem.message_fr and problem.message_en
               for problem in problems)


def test_a_row_with_a_wrong_number_of_cells_is_left_out_with_its_line():
    rows, problems = read_rows("actor,force_type\nA,axis\nB\nC,axis,extra\nD,axis\n", COLUMNS, "actors.csv")
    assert [line for line, _ in rows] == [2, 5]
    assert where(problems) == [(3, None), (4, None)]
    assert "1 " in problems[0].message_en and "2" in problems[0].message_en
    assert "3 cellules au lieu de 2" in problems[1].message_fr


def test_line_ends_of_any_system_are_read_and_a_break_inside_quotes_is_kept_as_written():
    # Old Mac Excel ends lines with a carriage return alone.
    for end in ("\r", "\r\n", "\n"):
        rows, problems = read_rows(end.join(["actor,force_type", '"A\r\nB",axis', "C,axis", ""]), COLUMNS)
        assert problems == []
        assert rows == [(2, {"actor": "A\r\nB", "force_type": "axis"}), (4, {"actor": "C", "force_type": "axis"})]


def test_an_unclosed_quote_swallows_the_rest_and_is_reported_on_its_line():
    rows, problems = read_rows('actor,force_type\nA,axis\n"B,axis\nC,axis\n', COLUMNS, "actors.csv")
    assert rows == [(2, {"actor": "A", "force_type": "axis"})]
    assert where(problems) == [(3, None)]


def test_a_line_the_csv_reader_cannot_read_stops_the_reading_there():
    huge = "x" * (csv.field_size_limit() + 1)  # over the csv module's field limit (reading.py raises it)
    rows, problems = read_rows(f"actor,force_type\nA,axis\n{huge},axis\nC,axis\n", COLUMNS, "actors.csv")
    assert rows == [(2, {"actor": "A", "force_type": "axis"})]
    assert where(problems) == [(3, None)]
    assert "lecture arrêtée" in problems[0].message_fr and "reading stopped" in problems[0].message_en
    assert problems[0].file == "actors.csv"


def test_a_missing_or_undecodable_file_is_a_problem_naming_it(tmp_path):
    text, problem = read_file_text(tmp_path / "absent.csv", "actors.csv")
    assert text is None and problem == Problem(None, None, "fichier introuvable : actors.csv.",
                                               "file not found: actors.csv.", "actors.csv")
    (tmp_path / "latin1.csv").write_bytes("actor\nA\n\xe9t\xe9\n".encode("latin-1"))
    text, problem = read_file_text(tmp_path / "latin1.csv")
    assert text is None and problem.line == 3 and problem.file is None


def test_a_file_that_cannot_be_opened_or_is_not_utf8_is_a_problem_naming_it(tmp_path):
    text, problem = read_file_text(tmp_path, "actors.csv")  # a folder where the file should be
    assert text is None and problem == Problem(None, None, "fichier illisible : actors.csv.",
                                               "unreadable file: actors.csv.", "actors.csv")
    (tmp_path / "latin1.csv").write_bytes("actor\nA\n\xe9t\xe9\n".encode("latin-1"))
    text, problem = read_file_text(tmp_path / "latin1.csv", "actors.csv")
    assert text is None and problem == Problem(3, None, "le fichier n'est pas en UTF-8 (enregistrez-le en « CSV UTF-8 »).",
                                               "the file is not UTF-8 (save it as 'CSV UTF-8').", "actors.csv")
