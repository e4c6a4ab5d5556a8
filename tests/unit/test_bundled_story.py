"""The bundled table and pockets tell the whole story: towns freed then retaken, pockets held until 1945."""

import datetime as dt

import pytest

from dashboard.data import load_events
from dashboard.filters import department_states
from dashboard.pockets import held_on, load_pockets, read_communes

D = dt.date
ATLANTIC_AND_NORTH_SEA = {"lorient", "saint-nazaire", "la-rochelle", "royan", "pointe-de-grave", "oleron", "dunkerque"}


@pytest.fixture(scope="module")
def events(refs):
    return load_events(refs=refs).events


@pytest.fixture(scope="module")
def pockets(refs):
    result = load_pockets(read_communes(), set(refs.departments["department_code"]))
    assert result.problems == [], [p.text("en") for p in result.problems]
    return result.pockets


@pytest.mark.parametrize("day, code, state", [
    (D(1944, 6, 1), "19", "occupied"),
    # The FTP freed Tulle on the afternoon of 8 June and the SS Das Reich retook it that evening:
    # the map shows each day as it ended, so 8 June is already "retaken" (the tooltip tells both).
    (D(1944, 6, 8), "19", "retaken"),
    (D(1944, 6, 10), "19", "retaken"),
    (D(1944, 8, 17), "19", "fresh"),
    (D(1944, 6, 1), "23", "occupied"),
    (D(1944, 6, 8), "23", "fresh"),  # Guéret, freed on 7 June
    (D(1944, 6, 10), "23", "retaken"),  # retaken on 9 June
])
def test_tulle_and_gueret_in_june_1944(events, refs, day, code, state):
    assert department_states(events, refs.departments, day).set_index("department_code").loc[code, "state"] == state


def test_on_1_march_1945_the_atlantic_pockets_and_dunkirk_are_held(pockets):
    held = set(held_on(pockets, D(1945, 3, 1))["pocket_id"])
    assert ATLANTIC_AND_NORTH_SEA <= held
    assert "colmar" not in held  # reduced on 9 February 1945 (reference text)


def test_colmar_pocket_ends_on_the_reference_text_date(pockets):
    colmar = pockets.set_index("pocket_id").loc["colmar"]
    assert colmar["surrendered"].date() == D(1945, 2, 9)


def test_every_pocket_is_sourced_and_has_communes(pockets):
    assert (pockets["source_url"].str.match(r"https?://")).all()
    assert (pockets["insee_codes"].map(len) > 0).all()


def test_no_pocket_is_held_after_the_war(pockets):
    assert held_on(pockets, D(1945, 5, 12)).empty
