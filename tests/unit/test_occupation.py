"""A département's state follows its préfecture: freed, retaken, freed again; pockets keep it partly occupied."""

import datetime as dt

import pandas as pd
import pytest

from dashboard.data import load_events
from dashboard.filters import department_states, liberated_count, prefecture_liberations
from dashboard.occupation import entirely_free_count

from helpers import DATA_DIR

D = dt.date


@pytest.fixture(scope="module")
def retaken_events(refs):
    result = load_events(DATA_DIR / "retaken_events.csv", refs)
    assert result.ok, [p.text("en") for p in result.problems]
    return result.events


@pytest.mark.parametrize("day, code, state", [
    (D(1944, 6, 1), "19", "occupied"),
    (D(1944, 6, 7), "19", "occupied"),  # the rising began on the 7th; the town is freed on the 8th (end_date)
    (D(1944, 6, 8), "19", "retaken"),  # freed and retaken the same day: the recapture comes after
    (D(1944, 6, 10), "19", "retaken"),
    (D(1944, 8, 16), "19", "retaken"),
    (D(1944, 8, 17), "19", "fresh"),
    (D(1944, 8, 24), "19", "liberated"),
    (D(1944, 6, 7), "23", "fresh"),
    (D(1944, 6, 8), "23", "fresh"),
    (D(1944, 6, 9), "23", "retaken"),
    (D(1945, 5, 8), "23", "retaken"),  # no later liberation row: the map must not invent one
    (D(1944, 6, 2), "56", "occupied"),  # a recapture before any liberation changes nothing
    (D(1944, 8, 5), "56", "fresh"),
])
def test_state_follows_each_change_of_hands(retaken_events, refs, day, code, state):
    states = department_states(retaken_events, refs.departments, day).set_index("department_code")
    assert states.loc[code, "state"] == state


def test_retaken_departments_do_not_count_as_free(retaken_events, refs):
    assert liberated_count(department_states(retaken_events, refs.departments, D(1944, 6, 7))) == 1  # Guéret
    assert liberated_count(department_states(retaken_events, refs.departments, D(1944, 6, 10))) == 0
    assert liberated_count(department_states(retaken_events, refs.departments, D(1944, 8, 17))) == 2


def test_a_departement_counts_from_its_last_liberation(retaken_events, refs):
    final = prefecture_liberations(retaken_events, refs.departments).set_index("department_code")
    assert final.loc["19", "event_id"] == "liberation-tulle"
    assert final.loc["19", "liberated_on"].date() == D(1944, 8, 17)
    assert "23" not in final.index  # retaken last: never counted as liberated
    assert final.loc["56", "event_id"] == "liberation-vannes"  # the earliest of two rows wins


def test_a_pocket_keeps_its_departement_partly_occupied(retaken_events, refs):
    with_pocket = department_states(retaken_events, refs.departments, D(1944, 9, 1), frozenset({"56"}))
    states = with_pocket.set_index("department_code")["state"]
    assert states["56"] == "partial" and states["19"] == "liberated"
    assert liberated_count(with_pocket) == 2  # the préfecture is free…
    assert entirely_free_count(with_pocket) == 1  # …but only Corrèze is entirely free
    occupied = department_states(retaken_events, refs.departments, D(1944, 7, 1), frozenset({"56"}))
    assert occupied.set_index("department_code").loc["56", "state"] == "occupied"  # a pocket only matters once freed


def test_periods_cover_each_change_until_the_next(retaken_events, refs):
    from dashboard.occupation import periods, prefecture_changes

    spans = periods(prefecture_changes(retaken_events, refs.departments))
    tulle = spans[spans["department_code"] == "19"]
    assert tulle["state"].tolist() == ["freed", "retaken", "freed"]
    assert [d.date() for d in tulle["start"]] == [D(1944, 6, 8), D(1944, 6, 8), D(1944, 8, 17)]
    assert tulle["end"].iloc[0].date() == D(1944, 6, 8) and tulle["end"].iloc[1].date() == D(1944, 8, 17)
    assert pd.isna(tulle["end"].iloc[2])  # free to the end
    vannes = spans[spans["department_code"] == "56"]
    assert vannes["state"].tolist() == ["freed"]  # the duplicate and the leading recapture change nothing
