"""What is visible at a date under a filter, on the hand-written fixture (tests/data/small_events.csv)."""

import datetime as dt

import pytest

from dashboard.filters import View, date_range, department_states, event_dates, events_on, liberated_count, visible_events

D = dt.date


@pytest.mark.parametrize("day, expected", [
    (D(1944, 6, 8), set()),  # the day before the first event
    (D(1944, 6, 9), {"massacre-tulle"}),  # the first day itself
    (D(1944, 7, 9), {"massacre-tulle", "liberation-caen"}),  # a multi-day event shows from its first day
    (D(1944, 8, 19), {"massacre-tulle", "liberation-caen", "insurrection-paris"}),
    (D(1944, 8, 24), {"massacre-tulle", "liberation-caen", "insurrection-paris", "liberation-grenoble"}),
    (D(1944, 9, 15), {"massacre-tulle", "liberation-caen", "insurrection-paris", "liberation-grenoble",
                      "liberation-paris", "liberation-villeurbanne", "other-nationwide"}),  # the last day
], ids=lambda value: str(value) if isinstance(value, dt.date) else None)
def test_visible_events_up_to_a_date(small_events, day, expected):
    assert set(visible_events(small_events, View(date=day))["event_id"]) == expected


@pytest.mark.parametrize("forces, expected", [
    (("resistance",), {"insurrection-paris", "liberation-grenoble", "liberation-paris"}),
    (("allied_army",), {"liberation-caen", "liberation-grenoble"}),
    (("french_army",), {"liberation-paris"}),
    (("axis",), {"massacre-tulle"}),
    (("french_army", "axis"), {"liberation-paris", "massacre-tulle"}),
    ((), {"massacre-tulle", "liberation-caen", "insurrection-paris", "liberation-grenoble", "liberation-paris"}),
])
def test_force_type_filter_keeps_events_involving_any_selected_force(small_events, forces, expected):
    view = View(date=D(1944, 8, 25), force_types=forces)
    assert set(visible_events(small_events, view)["event_id"]) == expected


def test_event_type_and_region_filters_combine(small_events):
    view = View(date=D(1944, 9, 15), event_types=("liberation",), regions=("Auvergne-Rhône-Alpes",))
    assert set(visible_events(small_events, view)["event_id"]) == {"liberation-grenoble", "liberation-villeurbanne"}


def test_filter_matching_nothing_gives_an_empty_frame(small_events):
    view = View(date=D(1944, 9, 15), force_types=("axis",), regions=("Corse",))
    assert visible_events(small_events, view).empty


@pytest.mark.parametrize("day, expected", [
    (D(1944, 8, 19), {"insurrection-paris"}),
    (D(1944, 8, 22), {"insurrection-paris", "liberation-grenoble"}),  # a multi-day event covers its middle
    (D(1944, 8, 25), {"insurrection-paris", "liberation-paris"}),  # and its last day
    (D(1944, 8, 26), set()),
])
def test_events_under_way_on_a_day(small_events, day, expected):
    assert set(events_on(small_events, View(date=day))["event_id"]) == expected


def test_events_under_way_in_a_window(small_events):
    window = events_on(small_events, View(date=D(1944, 8, 25)), first_day=D(1944, 8, 20))
    assert set(window["event_id"]) == {"insurrection-paris", "liberation-grenoble", "liberation-paris"}


@pytest.mark.parametrize("day, code, state", [
    (D(1944, 7, 18), "14", "occupied"),  # Caen: liberation began 9 July, the préfecture is freed on 19 July
    (D(1944, 7, 19), "14", "fresh"),
    (D(1944, 7, 25), "14", "fresh"),  # six days later
    (D(1944, 7, 26), "14", "liberated"),  # seven days later
    (D(1944, 8, 24), "75", "occupied"),  # the insurrection alone does not free the département
    (D(1944, 8, 25), "75", "fresh"),
    (D(1944, 9, 15), "69", "occupied"),  # Villeurbanne is not the préfecture of the Rhône
    (D(1944, 9, 15), "38", "liberated"),
    (D(1944, 9, 15), "2A", "occupied"),  # no row in the table: never claimed liberated
])
def test_department_state_at_a_date(small_events, refs, day, code, state):
    states = department_states(small_events, refs.departments, day).set_index("department_code")
    assert len(states) == 96
    assert states.loc[code, "state"] == state


def test_date_range_and_event_dates(small_events):
    assert date_range(small_events) == (D(1944, 6, 9), D(1944, 9, 15))
    dates = event_dates(small_events)
    assert dates[0] == D(1944, 6, 9) and dates[-1] == D(1944, 9, 15) and len(dates) == 7


def test_liberated_count_includes_fresh_liberations(small_events, refs):
    # 25 August: Caen (liberated), Grenoble and Paris (both within the last 7 days).
    assert liberated_count(department_states(small_events, refs.departments, D(1944, 8, 25))) == 3
    assert liberated_count(department_states(small_events, refs.departments, D(1944, 7, 18))) == 0
