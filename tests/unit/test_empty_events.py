"""The empty table a failed load gives: the pages draw it like any loaded table, so it has the
same columns, in the same order, and the same kinds of values (dates, numbers, lists, flags)."""

from dashboard.data import empty_events_frame


def test_an_empty_result_has_the_columns_and_kinds_of_a_loaded_table(small_events):
    empty = empty_events_frame()
    assert empty.empty
    assert list(empty.columns) == list(small_events.columns)
    kinds = {column: (empty[column].dtype.kind, small_events[column].dtype.kind) for column in empty.columns}
    assert {column: pair for column, pair in kinds.items() if pair[0] != pair[1]} == {}
    assert {empty[c].dtype.kind for c in ("date", "end_date", "lon", "lat", "line")} == {"M", "f", "i"}
