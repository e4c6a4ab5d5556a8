"""The reference tables are checked like the event table: file, line, column, FR and EN."""

import pytest
from helpers import DATA_DIR, data_folder

from dashboard.data import load_events
from dashboard.problems import Problem
from dashboard.references import _in_line_order, check_actors, check_departments, load_reference_tables

BROKEN = DATA_DIR / "broken_refs"


def where(problems):
    return [(p.file, p.line, p.column) for p in problems]


def test_unknown_force_type_is_reported_and_its_actor_left_out():
    text = (BROKEN / "actors_unknown_force.csv").read_text(encoding="utf-8")
    actors, problems = check_actors(text)
    assert where(problems) == [("actors.csv", 18, "force_type")]
    assert "unknown force type 'navy'" in problems[0].message_en
    assert "type de force « navy » inconnu" in problems[0].message_fr
    assert "Marine française" not in set(actors["actor"])
    assert len(actors) == len(text.strip().splitlines()) - 2  # every other actor is kept (header, navy)


def test_every_problem_of_the_actors_table():
    actors, problems = check_actors((BROKEN / "actors_many_problems.csv").read_text(encoding="utf-8"))
    assert where(problems) == [("actors.csv", 3, "actor"), ("actors.csv", 4, "actor"), ("actors.csv", 5, None)]
    assert "already on line 2" in problems[0].message_en
    assert "empty cell" in problems[1].message_en
    assert "3 cells instead of 4" in problems[2].message_en
    assert list(actors["actor"]) == ["FFI"]


def test_every_problem_of_the_departements_table():
    departments, problems = check_departments((BROKEN / "departements_many_problems.csv").read_text(encoding="utf-8"))
    assert where(problems) == [("departements.csv", 3, "department_code"), ("departements.csv", 4, "department_code"),
                               ("departements.csv", 5, "region")]
    assert "invalid code '7'" in problems[0].message_en
    assert list(departments["department_code"]) == ["75"]


def test_missing_column():
    actors, problems = check_actors((BROKEN / "actors_missing_column.csv").read_text(encoding="utf-8"))
    assert where(problems) == [("actors.csv", 1, "force_type")] and actors.empty


def test_problem_text_names_the_file_in_each_language():
    _, problems = check_actors((BROKEN / "actors_unknown_force.csv").read_text(encoding="utf-8"))
    assert problems[0].text("fr").startswith("actors.csv, ligne 18, colonne « force_type » : type de force")
    assert problems[0].text("en").startswith("actors.csv, line 18, column 'force_type': unknown force type")


def test_the_bundled_reference_tables_have_no_problem(refs):
    assert refs.problems == ()
    assert len(refs.actors) > 0 and len(refs.departments) == 96


@pytest.mark.parametrize("missing", ["events.csv", "actors.csv", "departements.csv"])
def test_a_missing_file_is_a_message(tmp_path, missing):
    folder = data_folder(tmp_path, **{missing.replace(".", "_"): None})
    result = load_events(folder / "events.csv")
    messages = [(p.message_en, p.message_fr) for p in result.problems]
    assert (f"file not found: {missing}.", f"fichier introuvable : {missing}.") in messages


def test_events_of_a_dropped_actor_are_reported_not_crashed(tmp_path):
    folder = data_folder(tmp_path, actors_csv=BROKEN / "actors_unknown_force.csv")
    result = load_events(folder / "events.csv", load_reference_tables(folder))
    assert result.problems[0].file == "actors.csv"
    dropped = [p for p in result.problems[1:] if p.column == "actors"]
    assert dropped and all("Marine française" in p.message_en for p in dropped)
    assert not result.events.empty


def test_a_problem_of_the_whole_file_comes_before_the_lines():
    whole, line_one, line_three = (Problem(line, None, "fr", "en", "actors.csv") for line in (None, 1, 3))
    assert _in_line_order([line_three, line_one, whole]) == [whole, line_one, line_three]
