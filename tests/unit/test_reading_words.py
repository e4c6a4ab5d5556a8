"""Small words of the reading side said exactly: what was read, a CSV syntax error in French,
the names a class may use, and the reference tables' own problems."""

import csv

import pytest

from dashboard.columns import _index, canonical_event_type, canonical_force_type
from dashboard.csvcheck import csv_error_text, parse_date, parse_float, read_rows
from dashboard.references import ACTOR_COLUMNS, DEPARTMENT_COLUMNS, check_actors, check_departments
from dashboard.table_text import ReadFacts
from dashboard.upload import describe_facts, problem_rows
from dashboard.problems import Problem


@pytest.mark.parametrize("facts, fr, en", [
    (None, "", ""),
    (ReadFacts("csv", encoding="UTF-8", delimiter=";"), "CSV, UTF-8, séparateur : point-virgule",
     "CSV, UTF-8, separator: semicolon"),
    (ReadFacts("csv", encoding="Windows-1252", delimiter="\t"), "CSV, Windows-1252, séparateur : tabulation",
     "CSV, Windows-1252, separator: tab"),
    (ReadFacts("xlsx", sheet="Feuille1"), "XLSX, feuille « Feuille1 »", "XLSX, sheet 'Feuille1'"),
    (ReadFacts("ods"), "ODS", "ODS"),
])
def test_what_was_read_in_words(facts, fr, en):
    assert describe_facts(facts, "fr") == fr
    assert describe_facts(facts, "en") == en


def test_the_report_table_has_where_column_and_message_in_one_language():
    problems = [Problem(2, "date", "date invalide.", "invalid date."), Problem(None, None, "vide.", "empty.")]
    assert problem_rows(problems, "fr").to_dict("list") == {
        "emplacement": ["Ligne 2", ""], "colonne": ["date", ""], "problème": ["date invalide.", "vide."]}
    assert problem_rows(problems, "en").to_dict("list") == {
        "where": ["Line 2", ""], "column": ["date", ""], "problem": ["invalid date.", "empty."]}


def test_a_csv_error_python_does_not_explain_in_french_is_still_a_syntax_error():
    assert csv_error_text(csv.Error("something new")) == ("syntaxe CSV incorrecte", "something new")
    assert csv_error_text(csv.Error("unexpected end of data")) == (
        "le fichier se termine à l'intérieur de guillemets (un guillemet non fermé ?)", "unexpected end of data")


@pytest.mark.parametrize("text, value", [
    ("48.85", 48.85), ("-0.5", -0.5), ("1e2", 100.0), ("nan", None), ("inf", None), ("-inf", None), ("", None),
    ("4,5", None),
])
def test_a_decimal_number_is_finite(text, value):
    assert parse_float(text) == value


@pytest.mark.parametrize("text", ["1944-W34-5", "19440825", "1944-8-25", "1944-02-30", " 1944-08-25"])
def test_only_a_real_yyyy_mm_dd_day_is_a_date(text):
    assert parse_date(text) is None


def test_a_vocabulary_index_maps_every_simplified_name_to_its_value():
    assert _index({"battle": ("Bataille", "siège")}) == {"battle": "battle", "bataille": "battle", "siege": "battle"}


@pytest.mark.parametrize("written, canonical", [
    ("FFI", "resistance"), (" Armée française ", "french_army"), ("Allemands", "axis"), ("axis", "axis"),
    (" Planète ", "Planète"),  # unknown: returned as written, trimmed, for the message
])
def test_force_types_a_teacher_writes(written, canonical):
    assert canonical_force_type(written) == canonical


def test_event_types_a_teacher_writes():
    assert canonical_event_type("Débarquement") == "landing"
    assert canonical_event_type(" Parade ") == "Parade"


def test_an_actor_with_an_unknown_force_type_is_refused_with_the_list():
    actors, [problem] = check_actors("actor,force_type,label_fr,label_en\nNavy,navy,Marine,Navy\n")
    assert (problem.file, problem.line, problem.column) == ("actors.csv", 2, "force_type")
    assert problem.message_fr == ("type de force « navy » inconnu ; attendu : resistance, french_army, allied_army, "
                                  "axis, other.")
    assert problem.message_en == ("unknown force type 'navy'; expected one of: resistance, french_army, allied_army, "
                                  "axis, other.")
    assert list(actors.columns) == list(ACTOR_COLUMNS) and actors.empty


def test_a_departement_problem_names_the_file_and_the_code():
    departments, problems = check_departments(
        "department_code,department_name,region,prefecture\n7,Ardèche,Auvergne-Rhône-Alpes,Privas\n"
        "07,Ardèche,Auvergne-Rhône-Alpes,Privas\n07,Ardèche,Auvergne-Rhône-Alpes,Privas\n")
    assert [(p.file, p.line, p.column, p.message_fr, p.message_en) for p in problems] == [
        ("departements.csv", 2, "department_code", "code « 7 » invalide (ex. 01, 75, 2A).",
         "invalid code '7' (e.g. 01, 75, 2A)."),
        ("departements.csv", 4, "department_code", "« 07 » déjà présent ligne 3.", "'07' already on line 3."),
    ]
    assert list(departments.columns) == list(DEPARTMENT_COLUMNS)
    assert departments.to_dict("records") == [
        {"department_code": "07", "department_name": "Ardèche", "region": "Auvergne-Rhône-Alpes", "prefecture": "Privas"}]
    assert check_departments("department_code\n", "deps.csv")[1][0].file == "deps.csv"


def test_a_reference_table_keeps_line_breaks_inside_a_quoted_cell_as_written():
    rows, _ = read_rows('actor,force_type\r\n"A\r\nB",axis\r\n', ("actor", "force_type"))
    assert rows == [(2, {"actor": "A\r\nB", "force_type": "axis"})]


def test_an_empty_or_unreadable_reference_header_is_said_on_line_one():
    assert [(p.line, p.message_fr, p.message_en, p.file) for p in read_rows("", ("actor",), "actors.csv")[1]] == [
        (1, "le fichier est vide.", "the file is empty.", "actors.csv")]
    huge = "x" * (csv.field_size_limit() + 1)
    assert [(p.line, p.column, p.message_fr, p.message_en, p.file) for p in read_rows(huge, ("actor",), "a.csv")[1]] == [
        (1, None, "en-tête illisible.", "unreadable header.", "a.csv")]


def test_an_empty_required_cell_of_a_reference_table_is_said():
    actors, problems = check_actors("actor,force_type,label_fr,label_en\nFFI,resistance,,FFI\n")
    assert [(p.line, p.column, p.message_fr, p.message_en) for p in problems] == [
        (2, "label_fr", "cellule vide : elle est obligatoire.", "empty cell: it is required.")]
    departments, _ = check_departments("department_code,department_name,region,prefecture\n")
    assert list(departments.columns) == list(DEPARTMENT_COLUMNS) and departments.empty


def test_reference_header_and_line_problems_are_said_exactly():
    said = [(p.line, p.column, p.message_fr, p.message_en)
            for p in read_rows("actor,actor\n", ("actor", "force_type"))[1]]
    assert said == [(1, "force_type", "colonne obligatoire absente.", "required column missing."),
                    (1, "actor", "colonne présente deux fois.", "column appears twice.")]
    huge = "x" * (csv.field_size_limit() + 1)
    [problem] = read_rows(f"actor\nA\n{huge}\n", ("actor",))[1]
    assert (problem.line, problem.message_fr, problem.message_en) == (
        3, "ligne CSV mal formée ; lecture arrêtée ici.", "malformed CSV line; reading stopped here.")
