"""Loading the event table beside its reference tables: the reference tables' problems come
first and are counted, a missing file is a message, and an unsourced row is recognised."""

import pytest
from helpers import data_folder

from dashboard.data import is_unsourced, load_events, load_reference_tables

ACTORS_WITH_NAVY = "actor,force_type,label_fr,label_en\nFFI,resistance,FFI,FFI\nNavy,navy,Marine,Navy\n"
EVENTS = ("event_id,date,end_date,event_type,place,department_code,region,lat,lon,actors,title_fr,title_en,"
          "description_fr,description_en,source,source_url\n"
          "a,1944-08-25,,liberation,Paris,75,Île-de-France,48.85,2.35,FFI,T,T,,,S,\n"
          "b,1944-08-26,,liberation,Paris,75,Île-de-France,48.85,2.35,Navy,T,T,,,S,\n")


def test_reference_problems_come_first_and_are_counted(tmp_path):
    folder = data_folder(tmp_path, actors_csv=ACTORS_WITH_NAVY, events_csv=EVENTS)
    result = load_events(folder / "events.csv")
    assert [(p.file, p.line, p.column) for p in result.problems] == [
        ("actors.csv", 3, "force_type"), (None, 3, "actors")]
    assert result.problem_count == 2 and not result.ok
    assert list(result.events["event_id"]) == ["a"]


def test_a_missing_event_table_comes_after_the_reference_problems(tmp_path):
    folder = data_folder(tmp_path, actors_csv=ACTORS_WITH_NAVY, events_csv=None)
    result = load_events(folder / "events.csv")
    assert [(p.file, p.message_en) for p in result.problems] == [
        ("actors.csv", "unknown force type 'navy'; expected one of: resistance, french_army, allied_army, axis, other."),
        (None, "file not found: events.csv.")]
    assert result.problem_count == 2 and result.events.empty
    assert result.total_rows == 0  # no row was read, none is said to be


def test_a_good_folder_loads_without_problem(tmp_path):
    result = load_events(data_folder(tmp_path, events_csv=EVENTS.replace("Navy", "FFI")) / "events.csv")
    assert result.ok and result.problem_count == 0 and len(result.events) == 2 and result.total_rows == 2


@pytest.mark.parametrize("source, unsourced", [
    ("unsourced: to be checked", True), ("  Unsourced", True), ("Archives (unsourced)", False), ("", False),
])
def test_an_unsourced_row_is_recognised_by_its_prefix(source, unsourced):
    assert is_unsourced(source) == unsourced


def test_a_missing_reference_table_names_its_file(tmp_path):
    refs = load_reference_tables(data_folder(tmp_path, departements_csv=None))
    assert [(p.file, p.message_en) for p in refs.problems] == [("departements.csv", "file not found: departements.csv.")]
    assert list(refs.departments.columns) == ["department_code", "department_name", "region", "prefecture"]
    assert len(refs.actors) > 0
    bad = load_reference_tables(data_folder(tmp_path / "bad", actors_csv=ACTORS_WITH_NAVY))
    assert [p.file for p in bad.problems] == ["actors.csv"]
