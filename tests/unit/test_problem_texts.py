"""How a problem says where it is and what it is, in each language, and the limits a reader
keeps, said with their figures: the words a teacher reads are the specification."""

import pytest

from dashboard.problems import MAX_REPORTED_PROBLEMS, Problem, ProblemList
from dashboard.table_text import (
    MAX_COLUMNS,
    MAX_ROWS,
    PARSE_SECONDS,
    Deadline,
    TextTable,
    too_many_columns,
    too_many_rows,
)

NNBSP = "\u202f"  # French thousands separator


@pytest.mark.parametrize("problem, fr, en", [
    (Problem(5, None, "m", "n"), "Ligne 5", "Line 5"),
    (Problem(5, None, "m", "n", file="actors.csv"), "actors.csv, ligne 5", "actors.csv, line 5"),
    (Problem(12, None, "m", "n", sheet="Feuille1"), "Feuille1, ligne 12", "Feuille1, line 12"),
    (Problem(12, "date", "m", "n", sheet="Feuille1", cell="Feuille1!C12"), "Feuille1!C12", "Feuille1!C12"),
    (Problem(None, None, "m", "n", file="actors.csv"), "actors.csv", "actors.csv"),
    (Problem(None, None, "m", "n"), "", ""),
    (Problem(0, None, "m", "n"), "Ligne 0", "Line 0"),  # a line number, even 0, is shown
])
def test_where_a_problem_is(problem, fr, en):
    assert problem.where("fr") == fr
    assert problem.where("en") == en


@pytest.mark.parametrize("problem, fr, en", [
    (Problem(5, "date", "date invalide.", "invalid date."),
     "Ligne 5, colonne « date » : date invalide.", "Line 5, column 'date': invalid date."),
    (Problem(None, "lieu", "vide.", "empty."), "colonne « lieu » : vide.", "column 'lieu': empty."),
    (Problem(3, None, "x", "y", file="actors.csv"), "actors.csv, ligne 3 : x", "actors.csv, line 3: y"),
    (Problem(None, None, "x", "y"), "x", "y"),
])
def test_a_problem_as_one_sentence(problem, fr, en):
    assert problem.text("fr") == fr
    assert problem.text("en") == en


@pytest.mark.parametrize("added, kept", [
    (MAX_REPORTED_PROBLEMS - 1, MAX_REPORTED_PROBLEMS - 1),
    (MAX_REPORTED_PROBLEMS, MAX_REPORTED_PROBLEMS),
    (MAX_REPORTED_PROBLEMS + 1, MAX_REPORTED_PROBLEMS),
])
def test_a_problem_list_keeps_the_first_ones_and_counts_them_all(added, kept):
    problems = ProblemList()
    problems.extend(Problem(line, None, "m", "n") for line in range(1, added + 1))
    assert problems.count == added
    assert [p.line for p in problems.kept] == list(range(1, kept + 1))


def test_too_many_rows_of_a_csv_gives_the_limit_in_each_language():
    [problem] = too_many_rows().problems
    limit_fr = f"{MAX_ROWS:,}".replace(",", NNBSP)
    assert problem.message_fr == f"le fichier a plus de {limit_fr} lignes ; la limite est de {limit_fr} lignes."
    assert problem.message_en == f"the file has more than {MAX_ROWS:,} rows; the limit is {MAX_ROWS:,} rows."
    assert problem.line is None


def test_too_many_rows_of_a_sheet_gives_the_rows_it_declares():
    declared = MAX_ROWS * 2 + 34
    [problem] = too_many_rows(declared).problems
    assert problem.message_fr == (f"le fichier a {declared:,} lignes ; la limite est de {MAX_ROWS:,} lignes."
                                  .replace(",", NNBSP))
    assert problem.message_en == f"the file has {declared:,} rows; the limit is {MAX_ROWS:,} rows."


def test_too_many_columns_names_the_header_line():
    [problem] = too_many_columns(MAX_COLUMNS + 5, 3).problems
    assert problem.line == 3
    assert problem.message_fr == f"l'en-tête a {MAX_COLUMNS + 5} colonnes ; la limite est de {MAX_COLUMNS} colonnes."
    assert problem.message_en == f"the header has {MAX_COLUMNS + 5} columns; the limit is {MAX_COLUMNS} columns."


def test_a_deadline_passes_only_after_its_time():
    assert Deadline().seconds == PARSE_SECONDS
    assert not Deadline(60).passed()
    assert Deadline(-1).passed()


def test_a_deadline_problem_says_where_reading_stopped_and_after_how_long():
    problem = Deadline(2.5).problem(41, "Feuille1")
    assert (problem.line, problem.column, problem.sheet) == (41, None, "Feuille1")
    assert problem.message_fr.startswith("lecture arrêtée après 2.5 secondes (limite) : ")
    assert problem.message_en.startswith("reading stopped after 2.5 seconds (the limit): ")
    assert problem.message_en.endswith("the following lines were not read.")
    assert problem.message_fr.endswith("les lignes suivantes n'ont pas été lues.")


def test_a_spreadsheet_cell_has_a_reference_and_a_csv_cell_has_none():
    assert TextTable(("a",), [], sheet="Feuille1").cell_reference(12, 2) == "Feuille1!C12"
    assert TextTable(("a",), [], sheet="Feuille1").cell_reference(3, 26) == "Feuille1!AA3"
    assert TextTable(("a",), []).cell_reference(12, 2) is None
