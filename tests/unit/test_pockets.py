"""Pockets: validated against the communes, held from their first to their last day, drawn as areas."""

import datetime as dt

import pytest

from dashboard.pockets import departments_holding_pockets, held_on, load_pockets, outline, pocket_outlines, read_communes

from helpers import DATA_DIR

D = dt.date


@pytest.fixture(scope="module")
def communes():
    return read_communes()


@pytest.fixture(scope="module")
def pockets(communes, refs):
    result = load_pockets(communes, set(refs.departments["department_code"]), DATA_DIR / "pockets.csv")
    assert not result.problems, [p.text("en") for p in result.problems]
    return result.pockets


def test_every_problem_names_line_and_column(communes, refs):
    result = load_pockets(communes, set(refs.departments["department_code"]), DATA_DIR / "broken" / "pockets.csv")
    found = {(p.line, p.column, p.message_en) for p in result.problems}
    expected = [
        (2, "insee_codes", "commune '99999' is not in data/communes.csv"),
        (3, "surrendered", "the surrender is before the pocket formed"),
        (3, "insee_codes", "commune 59183 is in département 59, outside the pocket's départements"),
        (3, "confidence", "unknown level 'sure'"),
        (3, "source", "source and link (http…) required"),
        (3, "note_fr", None),  # not required: no problem expected
        (4, "pocket_id", "invalid or repeated id"),
        (4, "formed", "invalid date '1944-02-30'"),
        (4, "other_dates", "'1945-13-01' is not a day that exists"),
    ]
    for line, column, fragment in expected:
        matches = [m for (l, c, m) in found if (l, c) == (line, column) and (fragment is None or fragment in m)]
        assert bool(matches) == (fragment is not None), (line, column, sorted(found))
    assert result.pockets.empty  # no valid row: nothing drawn from a broken file


def test_a_pocket_is_held_from_formation_until_its_surrender_day(pockets):
    assert list(held_on(pockets, D(1944, 8, 11))["pocket_id"]) == []
    assert list(held_on(pockets, D(1945, 3, 1))["pocket_id"]) == ["lorient", "dunkerque"]
    assert list(held_on(pockets, D(1945, 5, 9))["pocket_id"]) == ["lorient"]  # Dunkirk surrendered that day
    assert departments_holding_pockets(pockets, D(1945, 5, 9)) == frozenset({"56"})
    assert departments_holding_pockets(pockets, D(1945, 5, 10)) == frozenset()


def test_outline_contains_every_commune_point(pockets, communes):
    outlines = pocket_outlines(pockets, communes)
    ring = outlines["lorient"]
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    for code in ("56121", "56098"):
        row = communes.set_index("insee_code").loc[code]
        assert min(lons) < row["lon"] < max(lons) and min(lats) < row["lat"] < max(lats)
    assert len(outlines["dunkerque"]) >= 3  # one commune still gives an area, not a point


def test_outline_is_convex_and_counter_clockwise():
    ring = outline([(0.0, 45.0), (0.1, 45.0), (0.05, 45.1)], pad_km=0.5)
    area2 = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))
    assert area2 > 0
