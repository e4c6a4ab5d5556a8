"""The player's story layers in its payload: pockets as areas, the disputed-date marker, and the
two dates of a retaken place."""

import datetime as dt
import json

import pandas as pd
import pytest

from dashboard.data import load_events
from dashboard.filters import View
from dashboard.player.player import build_payload
from dashboard.player.points import decode_points
from dashboard.pockets import load_pockets, read_communes
from helpers import DATA_DIR

D = dt.date


def payload_of(events, refs, day, lang="fr", **kwargs):
    labels = dict(zip(refs.actors["actor"], refs.actors["label_fr"]))
    return build_payload(events, refs.departments, View(date=day, lang=lang), refs.force_type_of_actor, labels,
                         **kwargs)


def day_of(payload, day: dt.date) -> int:
    return (day - D.fromisoformat(payload["first"])).days


@pytest.fixture(scope="module")
def bundled(refs):
    events = load_events().events
    communes = read_communes()
    pockets = load_pockets(communes, set(refs.departments["department_code"])).pockets
    return events, pockets, communes


@pytest.fixture(scope="module")
def bundled_payload(bundled, refs):
    events, pockets, communes = bundled
    return payload_of(events, refs, D(1945, 3, 1), pockets=pockets, communes=communes)


def held_pockets(payload, day: dt.date) -> dict[str, dict]:
    """The pockets the player shows on `day`, read the way its layer filters them: [from, to)."""
    shown = day_of(payload, day)
    return {pocket["id"]: pocket for pocket in payload["pockets"] if pocket["from"] <= shown < pocket["to"]}


def test_on_1_march_1945_the_atlantic_pockets_and_dunkerque_are_occupied_areas(bundled, bundled_payload):
    _, pockets, _ = bundled
    held = held_pockets(bundled_payload, D(1945, 3, 1))
    # Every pocket of the Atlantic coast and the North Sea (their départements), none missing.
    coast = {"56", "44", "17", "33", "59"}
    expected = {row.pocket_id for row in pockets.itertuples() if set(row.department_codes) & coast}
    assert {"lorient", "saint-nazaire", "royan", "dunkerque"} <= expected
    assert expected <= set(held)
    assert "colmar" not in held  # it surrendered on 9 February 1945
    dunkerque = held["dunkerque"]
    assert len(dunkerque["polygon"]) >= 3 and all(len(point) == 2 for point in dunkerque["polygon"])
    assert "1945" in dunkerque["dates"] and dunkerque["name"]


def test_a_pocket_is_shown_from_the_day_it_formed_to_the_day_before_it_surrendered(bundled, bundled_payload):
    _, pockets, _ = bundled
    colmar = pockets.set_index("pocket_id").loc["colmar"]
    assert "colmar" not in held_pockets(bundled_payload, (colmar["formed"] - pd.Timedelta(days=1)).date())
    assert "colmar" in held_pockets(bundled_payload, colmar["formed"].date())
    assert "colmar" in held_pockets(bundled_payload, (colmar["surrendered"] - pd.Timedelta(days=1)).date())
    assert "colmar" not in held_pockets(bundled_payload, colmar["surrendered"].date())


def test_pocket_and_disputed_layers_are_pickable_and_filter_on_the_gpu(bundled_payload):
    layers = {layer["id"]: layer for layer in bundled_payload["deck"]["layers"]}
    pockets, disputed = layers["pockets"], layers["disputed"]
    assert pockets["@@type"] == "PolygonLayer" and pockets["data"] == "@@#POCKETS" and pockets["pickable"]
    assert pockets["extensions"] == [{"@@type": "DataFilterExtension", "filterSize": 2}]
    assert disputed["@@type"] == "TextLayer" and disputed["data"] == "@@#DISPUTED" and disputed["pickable"]
    assert disputed["extensions"][0]["@@type"] == "DataFilterExtension"
    order = [layer["id"] for layer in bundled_payload["deck"]["layers"]]
    assert order.index("departements-borders") < order.index("pockets") < order.index("events")
    assert order.index("disputed") == len(order) - 1  # the marker on top of everything
    assert "html" not in json.dumps(bundled_payload["deck"])  # tooltips stay text


def test_no_communes_no_pocket_areas(small_events, refs):
    pockets = pd.DataFrame({"pocket_id": ["p"], "department_codes": [("56",)], "insee_codes": [("56121",)],
                            "formed": [pd.Timestamp("1944-08-20")], "surrendered": [pd.Timestamp("1944-09-01")]})
    assert payload_of(small_events, refs, D(1944, 8, 25), pockets=pockets)["pockets"] == []


def test_a_disputed_departement_is_marked_from_its_liberation_with_every_other_date(refs):
    events = load_events(DATA_DIR / "disputed_events.csv", refs).events
    payload = payload_of(events, refs, D(1944, 8, 31))
    marked = {m["code"]: m for m in payload["disputed"]}
    assert set(marked) == {"26"}
    valence = marked["26"]
    assert valence["freed_on"] == day_of(payload, D(1944, 8, 23))  # the table's date
    assert valence["date"] == "23 août 1944"
    assert "31 août 1944 : Archives départementales de la Drôme" in valence["others"]
    assert valence["glyph"] == "?"
    row = events.set_index("event_id").loc["liberation-valence"]
    assert valence["position"] == pytest.approx([row["lon"], row["lat"]], abs=1e-3)


def test_the_bundled_valence_is_marked_with_the_drome_archives_date(bundled, bundled_payload):
    valence = {m["code"]: m for m in bundled_payload["disputed"]}["26"]
    assert any(line.startswith("31 août 1944 : Archives départementales de la Drôme") for line in valence["others"])
    # Every bundled liberation row with other dates has its marker, nothing more.
    assert len(bundled_payload["disputed"]) == len({m["code"] for m in bundled_payload["disputed"]})


@pytest.mark.parametrize("lang, expected", [
    ("fr", "Date de libération : 8 juin 1944 · date de reprise : 8 juin 1944"),
    ("en", "Freed on 8 June 1944 · retaken on 8 June 1944"),
])
def test_a_retaken_place_tells_both_dates_in_its_tooltip(refs, lang, expected):
    events = load_events(DATA_DIR / "retaken_events.csv", refs).events
    payload = payload_of(events, refs, D(1944, 6, 8), lang=lang)
    title = "title_en" if lang == "en" else "title_fr"
    by_title = {point["title"]: point for point in decode_points(payload["points"])}
    titles = events.set_index("event_id")[title]
    assert by_title[titles["retaken-tulle"]]["retaken"] == expected
    assert by_title[titles["insurrection-tulle"]]["retaken"] == ""  # only the recapture says both
    assert by_title[titles["retaken-lorient-nowhere"]]["retaken"] == ""  # no earlier liberation: no invented date


def test_a_force_filter_keeps_the_day_a_retaken_place_had_been_freed(refs):
    events = load_events(DATA_DIR / "retaken_events.csv", refs).events
    labels = dict(zip(refs.actors["actor"], refs.actors["label_fr"]))
    retaken = events.set_index("event_id").loc["retaken-tulle"]
    forces = tuple(refs.force_type_of_actor[actor] for actor in retaken["actor_list"])
    payload = build_payload(events, refs.departments, View(date=D(1944, 6, 8), force_types=forces[:1]),
                            refs.force_type_of_actor, labels)
    lines = {point["title"]: point["retaken"] for point in decode_points(payload["points"])}
    assert lines[retaken["title_fr"]].startswith("Date de libération : 8 juin 1944")
