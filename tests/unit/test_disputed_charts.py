"""The range a disputed count spans, and the pockets' span, as tables (the figures plot exactly these)."""

import datetime as dt

import pandas as pd
import pytest

from dashboard import disputed_charts
from dashboard.data import load_events
from dashboard.filters import View
from dashboard.pockets import entirely_free_series, load_pockets, read_communes

from helpers import DATA_DIR


@pytest.fixture(scope="module")
def disputed(refs):
    return load_events(DATA_DIR / "disputed_events.csv", refs).events


def count_on(table, day):
    return table[table["date"] <= pd.Timestamp(day)].iloc[-1]


def test_a_disputed_date_widens_the_count_only_between_its_dates(disputed, refs):
    table = disputed_charts.disputed_pace(disputed, refs.departments, View(dt.date(1944, 9, 1)))
    on_25 = count_on(table, dt.date(1944, 8, 25))  # Annecy, Grenoble, Valence (23 Aug; the archives say 31 Aug)
    assert (on_25["count"], on_25["lowest"], on_25["highest"]) == (3, 2, 3)
    on_31 = count_on(table, dt.date(1944, 8, 31))
    assert (on_31["count"], on_31["lowest"], on_31["highest"]) == (3, 3, 3)
    assert (table["lowest"] <= table["count"]).all() and (table["count"] <= table["highest"]).all()
    figure = disputed_charts.disputed_pace_figure(table, View(dt.date(1944, 9, 1), lang="fr"))
    assert [trace.name for trace in figure.data][1:] == ["Selon les autres dates données par les sources", "Selon ce tableau"]


def test_filters_apply_to_the_range(disputed, refs):
    view = View(dt.date(1944, 9, 1), regions=("Bretagne",))
    assert disputed_charts.disputed_pace(disputed, refs.departments, view).empty


def test_pocket_spans(refs):
    pockets = load_pockets(read_communes(), set(refs.departments["department_code"]), DATA_DIR / "pockets.csv").pockets
    table = disputed_charts.pocket_spans(pockets, "en")
    assert table["pocket"].tolist() == ["Lorient pocket", "Dunkirk pocket"]  # in order of formation
    assert table["days"].tolist() == [(dt.date(1945, 5, 10) - dt.date(1944, 8, 12)).days,
                                      (dt.date(1945, 5, 9) - dt.date(1944, 9, 15)).days]


def test_entirely_free_leaves_out_departements_holding_a_pocket(refs):
    events = load_events(DATA_DIR / "retaken_events.csv", refs).events
    pockets = load_pockets(read_communes(), set(refs.departments["department_code"]), DATA_DIR / "pockets.csv").pockets
    series = entirely_free_series(events, refs.departments, View(dt.date(1945, 1, 1)), pockets)
    # Morbihan (Vannes freed 5 Aug 1944) holds the Lorient pocket from 12 Aug 1944 to 10 May 1945.
    assert count_on(series.rename(columns={"cumulative": "n"}), dt.date(1944, 8, 6))["n"] == 1
    assert count_on(series.rename(columns={"cumulative": "n"}), dt.date(1944, 9, 1))["n"] == 1  # Tulle only
    assert count_on(series.rename(columns={"cumulative": "n"}), dt.date(1945, 5, 10))["n"] == 2


def with_other_dates(events, event_id, text):
    changed = events.copy()
    changed.loc[changed["event_id"] == event_id, "other_dates"] = text
    return changed


def test_a_departement_range_spans_its_table_day_and_every_other_date(disputed, refs):
    events = with_other_dates(disputed, "liberation-valence", "1944-08-31: Archives | 1944-08-20: Un témoin")
    ranges = disputed_charts.liberation_day_range(events, refs.departments, View(dt.date(1944, 9, 15)))
    by_code = {row.department_code: (row.day, row.earliest, row.latest) for row in ranges.itertuples()}
    T = pd.Timestamp
    assert by_code["26"] == (T("1944-08-23"), T("1944-08-20"), T("1944-08-31"))  # Valence
    assert by_code["38"] == (T("1944-08-22"),) * 3  # Grenoble: no other date


def test_an_earlier_other_date_widens_the_count_before_the_table_day(disputed, refs):
    events = with_other_dates(disputed, "liberation-valence", "1944-08-20: Un témoin")
    table = disputed_charts.disputed_pace(events, refs.departments, View(dt.date(1944, 9, 15)))
    on_20 = count_on(table, dt.date(1944, 8, 20))  # Annecy (19 Aug); Valence by one witness
    assert (on_20["count"], on_20["lowest"], on_20["highest"]) == (1, 1, 2)
    on_23 = count_on(table, dt.date(1944, 8, 23))  # Annecy, Grenoble (22 Aug), Valence by the table
    assert (on_23["count"], on_23["lowest"], on_23["highest"]) == (3, 3, 3)
    assert table["count"].iloc[-1] == 4  # Lyon, 3 Sept
    assert all(isinstance(n, int) for n in table["count"])  # whole numbers in the table and the CSV


def test_no_range_keeps_the_columns(disputed, refs):
    view = View(dt.date(1944, 9, 1), regions=("Bretagne",))
    assert list(disputed_charts.disputed_pace(disputed, refs.departments, view).columns) == [
        "date", "count", "lowest", "highest"]


def test_the_pocket_table_has_exactly_its_columns(refs):
    pockets = load_pockets(read_communes(), set(refs.departments["department_code"]), DATA_DIR / "pockets.csv").pockets
    assert list(disputed_charts.pocket_spans(pockets, "fr").columns) == ["pocket", "formed", "surrendered", "days"]
