"""The numbers behind each chart, checked against values worked out by hand on
tests/data/small_events.csv:

  massacre-tulle          06-09          axis                    Nouvelle-Aquitaine
  liberation-caen         07-09 → 07-19  allied (Canadian, British)       Normandie, préfecture
  insurrection-paris      08-19 → 08-25  resistance              Île-de-France
  liberation-grenoble     08-22          resistance (FFI), allied (US)    ARA, préfecture
  liberation-paris        08-25          french (2e DB), resistance (FFI) IdF, préfecture
  liberation-villeurbanne 09-02          resistance (FFI)        ARA, not a préfecture
  other-nationwide        09-15          allied, resistance      no région
"""

import datetime as dt

import pandas as pd

from dashboard import charts
from dashboard.data import load_events
from dashboard.filters import View
from helpers import DATA_DIR

D = dt.date
T = pd.Timestamp


def series(table, name):
    part = table[table["series"] == name]
    return dict(zip(part["date"], part["cumulative"]))


def test_cumulative_prefectures_by_force(small_events, refs):
    table = charts.cumulative_by_force(small_events, refs.departments, View(date=D(1944, 8, 1)))
    days = [T("1944-07-19"), T("1944-08-22"), T("1944-08-25")]  # Caen counts on its end date
    assert series(table, "total") == dict(zip(days, [1, 2, 3]))
    assert series(table, "resistance") == dict(zip(days, [0, 1, 2]))
    assert series(table, "allied_army") == dict(zip(days, [1, 2, 2]))
    assert series(table, "french_army") == dict(zip(days, [0, 0, 1]))
    assert series(table, "axis") == dict(zip(days, [0, 0, 0]))


def test_cumulative_all_events_and_force_filter(small_events, refs):
    view = View(date=D(1944, 8, 1), force_types=("axis",))
    table = charts.cumulative_by_force(small_events, refs.departments, view, prefectures_only=False)
    assert set(table["series"]) == {"total", "axis"}
    assert series(table, "axis") == {T("1944-06-09"): 1}
    everything = charts.cumulative_by_force(small_events, refs.departments, View(date=D(1944, 8, 1)), prefectures_only=False)
    assert max(series(everything, "total").values()) == 7
    assert max(series(everything, "resistance").values()) == 5


def test_region_share_at_a_date(small_events, refs):
    table = charts.region_progress(small_events, refs.departments, View(date=D(1944, 8, 25))).set_index("region")
    assert len(table) == 13
    assert table.loc["Normandie", ["departments", "liberated", "share"]].tolist() == [5, 1, 20.0]
    assert table.loc["Île-de-France", ["departments", "liberated", "share"]].tolist() == [8, 1, 12.5]
    assert table.loc["Auvergne-Rhône-Alpes", ["departments", "liberated", "share"]].tolist() == [12, 1, 8.3]
    assert table.loc["Corse", "liberated"] == 0
    earlier = charts.region_progress(small_events, refs.departments, View(date=D(1944, 7, 18))).set_index("region")
    assert earlier["liberated"].sum() == 0  # Caen is only freed on the 19th


def test_region_events_by_force_up_to_a_date(small_events):
    table = charts.region_events_by_force(small_events, View(date=D(1944, 8, 25)))
    counts = {(r, f): n for r, f, n in table.itertuples(index=False) if n}
    assert counts == {
        ("Nouvelle-Aquitaine", "axis"): 1,
        ("Normandie", "allied_army"): 1,
        ("Île-de-France", "resistance"): 2, ("Île-de-France", "french_army"): 1,
        ("Auvergne-Rhône-Alpes", "resistance"): 1, ("Auvergne-Rhône-Alpes", "allied_army"): 1,
    }


def test_liberations_by_actor(small_events, refs):
    table = charts.liberations_by_actor(small_events, View(date=D(1944, 9, 15)), refs.force_type_of_actor)
    assert dict(zip(table["actor"], table["liberations"])) == {
        "FFI": 3, "2e DB": 1, "British Army": 1, "Canadian Army": 1, "US Army": 1}
    assert table.iloc[0]["actor"] == "FFI" and table.iloc[0]["force_type"] == "resistance"
    before_paris = charts.liberations_by_actor(small_events, View(date=D(1944, 8, 24)), refs.force_type_of_actor)
    assert dict(zip(before_paris["actor"], before_paris["liberations"]))["FFI"] == 1


def test_multi_day_events(small_events, refs):
    table = charts.multi_day_events(small_events, View(date=D(1944, 9, 15), lang="en"), refs.force_type_of_actor)
    assert list(table["event_id"]) == ["liberation-caen", "insurrection-paris"]
    assert list(table["days"]) == [11, 7]
    assert list(table["title"]) == ["Liberation of Caen", "Paris insurrection"]
    assert list(table["force_type"]) == ["allied_army", "resistance"]


def test_filter_matching_nothing_gives_empty_tables(small_events, refs):
    view = View(date=D(1944, 9, 15), regions=("Corse",))
    assert charts.cumulative_by_force(small_events, refs.departments, view).empty
    assert charts.region_events_by_force(small_events, view).empty
    assert charts.liberations_by_actor(small_events, view, refs.force_type_of_actor).empty
    assert charts.multi_day_events(small_events, view, refs.force_type_of_actor).empty


def test_figures_start_counts_at_zero_and_use_the_shared_palette(small_events, refs):
    view = View(date=D(1944, 8, 25))
    figure = charts.cumulative_figure(charts.cumulative_by_force(small_events, refs.departments, view), view, "chart_cumulative")
    assert figure.layout.yaxis.rangemode == "tozero"
    colours = {trace.name: trace.line.color for trace in figure.data}
    assert colours["Résistance / FFI"] == "#D55E00"
    bars = charts.region_progress_figure(charts.region_progress(small_events, refs.departments, view), view)
    assert tuple(bars.layout.xaxis.range) == (0, 105)



# --- What the tables show beside the charts (and download) ----------------------------------


def test_each_table_has_exactly_its_documented_columns(small_events, refs):
    """The accessible table and the CSV show these columns: no stray index column."""
    view = View(date=D(1944, 9, 15))
    assert list(charts.region_progress(small_events, refs.departments, view).columns) == [
        "region", "departments", "liberated", "with_pocket", "share"]
    assert list(charts.liberations_by_actor(small_events, view, refs.force_type_of_actor).columns) == [
        "actor", "force_type", "liberations"]
    assert list(charts.multi_day_events(small_events, view, refs.force_type_of_actor).columns) == [
        "event_id", "title", "start", "end", "days", "force_type"]


def test_a_filter_matching_nothing_keeps_the_columns(small_events, refs):
    view = View(date=D(1944, 9, 15), regions=("Corse",))
    assert list(charts.cumulative_by_force(small_events, refs.departments, view).columns) == [
        "date", "series", "cumulative"]
    assert list(charts.region_events_by_force(small_events, view).columns) == ["region", "force_type", "events"]


def test_the_region_filter_keeps_only_its_regions(small_events, refs):
    view = View(date=D(1944, 8, 25), regions=("Normandie", "Corse"))
    table = charts.region_progress(small_events, refs.departments, view)
    assert sorted(table["region"]) == ["Corse", "Normandie"]


def test_a_departement_holding_a_pocket_counts_as_liberated_and_says_so(small_events, refs):
    view = View(date=D(1944, 8, 25), lang="en")
    table = charts.region_progress(small_events, refs.departments, view, frozenset({"75"})).set_index("region")
    assert table.loc["Île-de-France", ["liberated", "with_pocket"]].tolist() == [1, 1]  # Paris, freed but for a pocket
    assert table["with_pocket"].sum() == 1
    bars = charts.region_progress_figure(table.reset_index(), view).data[0]
    texts = dict(zip(table.index, bars.text))  # the bars in the table's order
    assert texts["Île-de-France"] == "1/8 (1 of them with a pocket still held)"
    assert texts["Normandie"] == "1/5"  # whole numbers: 1/5, not 1.0/5


def test_region_share_is_the_part_of_its_departements_liberated(refs):
    events = load_events(DATA_DIR / "disputed_events.csv", refs).events  # four préfectures of Auvergne-Rhône-Alpes
    table = charts.region_progress(events, refs.departments, View(date=D(1944, 9, 15))).set_index("region")
    assert table.loc["Auvergne-Rhône-Alpes", ["departments", "liberated", "share"]].tolist() == [12, 4, 33.3]


def test_regions_are_listed_best_liberated_first_then_alphabetically(small_events, refs):
    table = charts.region_progress(small_events, refs.departments, View(date=D(1944, 8, 25)))
    regions = table["region"].tolist()
    assert regions[:3] == ["Normandie", "Île-de-France", "Auvergne-Rhône-Alpes"]  # 20 %, 12.5 %, 8.3 %
    assert regions[3:] == sorted(regions[3:]) and len(regions) == 13  # the others, at 0 %


def test_nationwide_facts_have_no_region_bar(small_events):
    table = charts.region_events_by_force(small_events, View(date=D(1944, 9, 15)))  # other-nationwide is in
    assert "" not in set(table["region"])
    assert table.groupby("region")["events"].sum().to_dict()["Auvergne-Rhône-Alpes"] == 3  # Grenoble ×2, Villeurbanne


def test_actors_with_as_many_liberations_are_listed_alphabetically(small_events, refs):
    table = charts.liberations_by_actor(small_events, View(date=D(1944, 9, 15)), refs.force_type_of_actor)
    assert table["actor"].tolist() == ["FFI", "2e DB", "British Army", "Canadian Army", "US Army"]


def test_a_one_day_event_with_its_end_date_set_is_not_a_multi_day_event(small_events, refs):
    events = small_events.copy()
    villeurbanne = events["event_id"] == "liberation-villeurbanne"
    events.loc[villeurbanne, "end_date"] = events.loc[villeurbanne, "date"]
    table = charts.multi_day_events(events, View(date=D(1944, 9, 15)), refs.force_type_of_actor)
    assert list(table["event_id"]) == ["liberation-caen", "insurrection-paris"]


def test_multi_day_titles_are_in_the_page_language(small_events, refs):
    table = charts.multi_day_events(small_events, View(date=D(1944, 9, 15), lang="fr"), refs.force_type_of_actor)
    assert list(table["title"]) == ["Libération de Caen", "Insurrection de Paris"]
