"""The player's story data: spans of freedom and recapture, pockets as areas, disputed dates."""

import datetime as dt

import pytest

from dashboard import story_layers
from dashboard.data import load_events
from dashboard.pockets import load_pockets, pocket_outlines, read_communes

from helpers import DATA_DIR

D = dt.date
FIRST = D(1944, 6, 1)


@pytest.fixture(scope="module")
def retaken_events(refs):
    return load_events(DATA_DIR / "retaken_events.csv", refs).events


def test_spans_follow_each_change_of_hands(retaken_events, refs):
    spans = story_layers.department_spans(retaken_events, refs.departments, FIRST, ("19", "23", "56", "75"))
    tulle, gueret, morbihan, paris = spans
    # Tulle: freed 8 June and retaken the same day (an empty span), retaken until 17 Aug, then free.
    assert tulle == [[1, 7, 7], [2, 7, 77], [1, 77, story_layers.OPEN_END]]
    assert gueret == [[1, 6, 8], [2, 8, story_layers.OPEN_END]]
    assert morbihan == [[1, 65, story_layers.OPEN_END]]
    assert paris == []  # the table says nothing: occupied throughout


def test_pocket_areas_carry_their_days_and_an_outline(refs):
    pockets = load_pockets(read_communes(), set(refs.departments["department_code"]), DATA_DIR / "pockets.csv").pockets
    areas = {a["id"]: a for a in story_layers.pocket_areas(pockets, pocket_outlines(pockets, read_communes()), FIRST, "fr")}
    lorient = areas["lorient"]
    assert (lorient["from"], lorient["to"]) == ((D(1944, 8, 12) - FIRST).days, (D(1945, 5, 10) - FIRST).days)
    assert lorient["name"] == "Poche de Lorient" and len(lorient["polygon"]) >= 3
    assert "1944" in lorient["dates"] and "1945" in lorient["dates"]
    english = {a["id"]: a for a in story_layers.pocket_areas(pockets, pocket_outlines(pockets, read_communes()), FIRST, "en")}
    name_en = pockets.set_index("pocket_id").loc["lorient", "name_en"]
    assert english["lorient"]["name"] == name_en != lorient["name"]
    assert english["lorient"]["dates"] == "12 August 1944 – 10 May 1945"


def test_disputed_departements_list_every_other_date_with_who_gives_it(refs):
    events = load_events(DATA_DIR / "disputed_events.csv", refs).events
    marked = story_layers.disputed_departments(events, refs.departments, "fr")
    assert [m["code"] for m in marked] == ["26"]
    valence = marked[0]
    assert valence["date"] == "23 août 1944"
    assert valence["others"] == ["31 août 1944 : Archives départementales de la Drôme", "30 août 1944 : Ville de Valence"]
    english = story_layers.disputed_departments(events, refs.departments, "en")[0]
    assert english["others"][0] == "31 August 1944: Archives départementales de la Drôme"


def test_a_retaken_place_knows_when_it_had_been_freed(retaken_events):
    freed = story_layers.freed_before_retaken(retaken_events)
    assert freed["retaken-tulle"] == D(1944, 6, 8)  # the rising ended (freed) on the 8th, retaken that evening
    assert freed["retaken-gueret"] == D(1944, 6, 7)
    assert "retaken-lorient-nowhere" not in freed  # no earlier liberation at Vannes: no invented date
