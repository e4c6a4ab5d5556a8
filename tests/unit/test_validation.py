"""The loader reports every problem of a broken table, naming line and column, in FR and EN."""

import pytest

from dashboard.data import COLUMNS, parse_events
from helpers import DATA_DIR

BROKEN = DATA_DIR / "broken"

# file -> [(line, column, a fragment of the English message)]
EXPECTED = [
    ("bad_date.csv", [(2, "date", "invalid date '1944-02-30'")]),
    ("date_out_of_period.csv", [(2, "date", "outside the period covered")]),
    ("end_before_date.csv", [(2, "end_date", "end date 1944-08-20 is before date 1944-08-25")]),
    ("unknown_type.csv", [(2, "event_type", "unknown type 'parade'")]),
    ("unknown_actor.csv", [(2, "actors", "actor 'Martians' is not in data/actors.csv")]),
    ("outside_france.csv", [(2, "lat", "outside metropolitan France"), (2, "lon", "outside metropolitan France")]),
    ("not_a_number.csv", [(2, "lat", "'48,8566' is not a decimal number")]),
    ("duplicate_id.csv", [(3, "event_id", "already used on line 2")]),
    ("unknown_department.csv", [(2, "department_code", "Did you mean '01'?")]),
    ("region_mismatch.csv", [(2, "region", "département 75 is in région 'Île-de-France', not 'Normandie'")]),
    ("empty_title.csv", [(2, "title_fr", "empty cell")]),
    ("missing_column.csv", [(1, "source_url", "required column missing")]),
    ("unknown_column.csv", [(1, "notes", "unknown column")]),
    ("hostile_url.csv", [(2, "source_url", "must start with http:// or https://")]),
    ("wrong_field_count.csv", [(2, None, "17 cells instead of 16")]),
    ("not_utf8.csv", [(2, None, "not UTF-8")]),
    ("bad_disputes.csv", [(2, "other_dates", "'1944-02-30' is not a day that exists"),
                          (3, "other_dates", "expected 'YYYY-MM-DD: who gives this date'"),
                          (3, "confidence", "unknown level 'sure'"),
                          (4, "other_dates", "outside the period covered")]),
    ("many_problems.csv", [(3, "date", "invalid date '44-08-25'"), (4, "event_type", "unknown type '?'"),
                           (5, "actors", "actor 'Nobody'")]),
]


@pytest.mark.parametrize("name, expected", EXPECTED, ids=[name for name, _ in EXPECTED])
def test_broken_table_yields_expected_messages(refs, name, expected):
    result = parse_events((BROKEN / name).read_bytes(), refs)
    found = [(p.line, p.column, p.message_en) for p in result.problems]
    assert len(found) == len(expected), found
    for (line, column, fragment), (got_line, got_column, message) in zip(expected, found):
        assert (got_line, got_column) == (line, column), found
        assert fragment in message, message


@pytest.mark.parametrize("name", [name for name, _ in EXPECTED], ids=str)
def test_every_problem_is_in_both_languages_with_its_place(refs, name):
    for problem in parse_events((BROKEN / name).read_bytes(), refs).problems:
        assert problem.message_fr and problem.message_en and problem.message_fr != problem.message_en
        if problem.line is not None:
            assert problem.text("fr").startswith(f"Ligne {problem.line}")
            assert problem.text("en").startswith(f"Line {problem.line}")


def test_valid_rows_are_kept_next_to_broken_ones(refs):
    result = parse_events((BROKEN / "many_problems.csv").read_bytes(), refs)
    assert list(result.events["event_id"]) == ["liberation-paris"]
    assert result.total_rows == 4


def test_hostile_text_is_kept_as_text_not_rejected(refs):
    # A title containing HTML is legitimate data; it is escaped where it is shown, not dropped.
    text = (BROKEN / "hostile_url.csv").read_text(encoding="utf-8").replace("javascript:alert(1)", "")
    result = parse_events(text, refs)
    assert result.ok
    assert result.events.loc[0, "title_fr"] == "<script>alert('x')</script>"


def test_empty_file_and_header_only(refs):
    assert parse_events(b"", refs).problems[0].message_en == "the file is empty."
    header_only = parse_events(",".join(COLUMNS) + "\n", refs)
    assert header_only.ok and header_only.events.empty


def test_unclosed_quote_is_reported_with_its_line(refs):
    good = (DATA_DIR / "small_events.csv").read_text(encoding="utf-8")
    broken = good + 'bad-row,1944-08-25,,other,"Paris,75\n'
    result = parse_events(broken, refs)
    assert len(result.events) == 7  # every good row before it is kept
    assert result.problems and result.problems[0].line == good.count("\n") + 1


def test_excel_byte_order_mark_is_accepted(refs):
    raw = (DATA_DIR / "small_events.csv").read_bytes()
    assert parse_events(b"\xef\xbb\xbf" + raw, refs).ok


def test_overlong_cell_is_reported(refs):
    text = (DATA_DIR / "small_events.csv").read_text(encoding="utf-8").replace("Fixture: not", "x" * 3000 + " not", 1)
    problems = parse_events(text, refs).problems
    assert [(p.column, "cell too long" in p.message_en) for p in problems] == [("description_fr", True)]


def test_other_dates_are_kept_in_canonical_form_and_confidence_as_given(refs):
    header = ",".join(COLUMNS) + ",other_dates,confidence"
    row = ("liberation-valence,1944-08-23,,liberation,Valence,26,Auvergne-Rhône-Alpes,44.9334,4.8924,FFI,"
           "Libération de Valence,Liberation of Valence,Test.,Test.,Test fixture,,"
           "1944-08-31:  Archives départementales de la Drôme|1944-08-30: Ville de Valence,medium")
    result = parse_events(f"{header}\n{row}\n", refs)
    assert result.ok, result.problems
    event = result.events.iloc[0]
    assert event["other_dates"] == "1944-08-31: Archives départementales de la Drôme | 1944-08-30: Ville de Valence"
    assert event["confidence"] == "medium"


def test_a_table_without_the_optional_columns_reads_them_as_empty(refs):
    result = parse_events((DATA_DIR / "small_events.csv").read_bytes(), refs)
    assert result.ok and set(result.events["other_dates"]) == {""} and set(result.events["confidence"]) == {""}


@pytest.mark.parametrize("event_type, ok", [("other", True), ("liberation", False), ("massacre", False)])
def test_only_a_civil_fact_may_have_no_actor(refs, event_type, ok):
    header = ",".join(COLUMNS)
    row = (f"other-vote,1945-04-29,,{event_type},Paris,75,Île-de-France,48.8566,2.3522,,Vote des femmes,Women vote,"
           "Test.,Test.,Test fixture,")
    result = parse_events(f"{header}\n{row}\n", refs)
    assert result.ok == ok
    if not ok:
        assert [(p.line, p.column) for p in result.problems] == [(2, "actors")]
