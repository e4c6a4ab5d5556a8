"""Pockets at their day boundaries, and their outlines' geometry."""

import datetime as dt
import math

import pandas as pd
import pytest

from dashboard.pockets import KM_PER_DEGREE, OUTLINE_DECIMALS, departments_holding_pockets, held_on, outline

D = dt.date
T = pd.Timestamp
POCKETS = pd.DataFrame({
    "pocket_id": ["lorient", "dunkerque"],
    "department_codes": [("56",), ("59", "62")],
    "formed": [T("1944-08-12"), T("1944-09-15")],
    "surrendered": [T("1945-05-10"), T("1945-05-09")],
})


@pytest.mark.parametrize("day, held", [
    (D(1944, 8, 11), []),  # the day before it formed
    (D(1944, 8, 12), ["lorient"]),  # the day it formed
    (D(1944, 9, 14), ["lorient"]),
    (D(1944, 9, 15), ["lorient", "dunkerque"]),
    (D(1945, 5, 8), ["lorient", "dunkerque"]),  # the day before Dunkirk's surrender
    (D(1945, 5, 9), ["lorient"]),  # the day it surrendered: free
    (D(1945, 5, 10), []),
])
def test_a_pocket_is_held_from_the_day_it_formed_to_the_day_before_it_surrendered(day, held):
    assert held_on(POCKETS, day)["pocket_id"].tolist() == held


def test_every_departement_of_a_held_pocket_holds_it():
    assert departments_holding_pockets(POCKETS, D(1944, 8, 11)) == frozenset()
    assert departments_holding_pockets(POCKETS, D(1944, 9, 15)) == frozenset({"56", "59", "62"})
    assert departments_holding_pockets(POCKETS, D(1945, 5, 9)) == frozenset({"56"})


def test_the_outline_of_one_commune_is_a_circle_of_the_padding_around_it():
    lon, lat, pad = 2.0, 48.0, 3.0
    ring = outline([(lon, lat)], pad_km=pad, sides=12)
    assert len(ring) == 12  # every point of a circle is on its hull
    dlat = pad / KM_PER_DEGREE
    dlon = dlat / math.cos(math.radians(lat))
    for x, y in ring:  # on the ellipse that is a circle of `pad` km on the ground (to the rounding)
        assert ((x - lon) / dlon) ** 2 + ((y - lat) / dlat) ** 2 == pytest.approx(1, abs=1e-2)
    assert max(y for _, y in ring) == pytest.approx(lat + dlat, abs=1e-4)
    assert min(x for x, _ in ring) == pytest.approx(lon - dlon, abs=1e-4)


def test_more_sides_make_a_rounder_outline():
    assert len(outline([(2.0, 48.0)], sides=24)) == 24


def test_a_commune_near_a_pole_keeps_a_finite_outline():
    ring = outline([(0.0, 89.99)], pad_km=1.0)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in ring)
    width = max(x for x, _ in ring) - min(x for x, _ in ring)
    assert width == pytest.approx(2 * (1.0 / KM_PER_DEGREE) / 0.1, abs=1e-3)  # the widening is capped at 1/0.1


def test_the_outline_of_two_far_communes_wraps_both_and_nothing_inside_is_a_corner():
    ring = outline([(0.0, 45.0), (1.0, 45.0), (0.5, 45.0)], pad_km=1.0)
    xs = [x for x, _ in ring]
    assert min(xs) < 0.0 and max(xs) > 1.0
    assert all(abs(x - 0.5) > 0.4 for x in xs)  # the middle commune's circle lies inside the hull


def test_without_communes_every_pocket_commune_is_unknown():
    from dashboard.pockets import read_communes, read_communes_empty

    empty = read_communes_empty()
    assert empty.empty and list(empty.columns) == list(read_communes().columns)


def turns(ring):
    """The cross product at each corner of a closed ring: > 0 where it turns left."""
    return [(b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0])
            for a, b, c in zip(ring, ring[1:] + ring[:1], ring[2:] + ring[:2], strict=True)]


@pytest.mark.parametrize("communes", [
    [(2.0, 48.0)],
    [(2.0, 48.0), (2.0, 48.05)],  # one due north of the other
    [(2.0, 48.0), (2.03, 48.0), (2.06, 48.0)],  # in a row
    [(-3.38, 47.75), (-3.33, 47.77), (-3.35, 47.70), (-3.36, 47.74)],  # the last one inside the others
])
@pytest.mark.parametrize("sides", [3, 4, 12])
def test_an_outline_never_turns_right_and_passes_each_corner_once(communes, sides):
    """Convex and counter-clockwise: a right turn would be a notch, or a ring that crosses itself."""
    ring = outline(communes, pad_km=1.0, sides=sides)
    assert len(ring) >= 3 and len({tuple(p) for p in ring}) == len(ring)
    assert all(turn >= 0 for turn in turns(ring)), ring  # 0: rounding can leave three corners in line


def test_an_outline_gives_its_corners_to_about_ten_metres():
    ring = outline([(2.123456, 48.654321)], pad_km=1.234)
    assert all(round(x, OUTLINE_DECIMALS) == x and round(y, OUTLINE_DECIMALS) == y for x, y in ring)
    assert 10 ** -OUTLINE_DECIMALS * KM_PER_DEGREE * 1000 < 12  # metres per last digit, north-south


def test_a_freed_departement_is_not_entirely_free_from_the_day_a_pocket_forms_in_it(refs):
    from dashboard.data import load_events
    from dashboard.filters import View
    from dashboard.pockets import entirely_free_series

    from helpers import DATA_DIR

    events = load_events(DATA_DIR / "retaken_events.csv", refs).events  # Vannes (Morbihan) freed 5 Aug 1944
    lorient = POCKETS.iloc[[0]]  # in Morbihan, from 12 Aug 1944 to 10 May 1945; no liberation on either day
    series = entirely_free_series(events, refs.departments, View(D(1945, 1, 1)), lorient)

    def count_on(day):
        return series.loc[series["date"] <= T(day), "cumulative"].iloc[-1]

    assert count_on("1944-08-11") - count_on("1944-08-12") == 1
    assert count_on("1945-05-10") - count_on("1945-05-09") == 1
