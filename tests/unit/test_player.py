"""The map player's payload: what the browser gets to play the Liberation on its own."""

import datetime as dt
import json

import pandas as pd
import pytest

from dashboard import i18n
from dashboard.filters import View, department_states, liberated_count
from helpers import DATA_DIR
from dashboard.geo import STATIC_DEPARTMENTS_GEOJSON
from dashboard.player.player import Jump, build_payload, control, parse_reported_date
from dashboard.player.points import decode_points

D = dt.date
JUMP = Jump(D(1944, 8, 25), 3)


def payload_of(events, refs, view=None, **kwargs):
    view = view or View(date=D(1944, 8, 25))
    labels = dict(zip(refs.actors["actor"], refs.actors["label_fr"]))
    return build_payload(events, refs.departments, view, refs.force_type_of_actor, labels, **kwargs)


def points_by_title(payload) -> dict[str, dict]:
    return {point["title"]: point for point in decode_points(payload["points"])}


def test_points_are_the_events_with_a_place_as_day_numbers(small_events, refs):
    payload = payload_of(small_events, refs)
    first = small_events["date"].min()
    placed = small_events[small_events["department_code"] != ""]
    assert payload["first"] == first.date().isoformat()
    assert payload["points"]["count"] == len(decode_points(payload["points"])) == len(placed)
    by_title = points_by_title(payload)
    for _, event in placed.iterrows():
        point = by_title[event["title_fr"]]
        assert point["start"] == (event["date"] - first).days
        end = event["end_date"] if pd.notna(event["end_date"]) else event["date"]
        assert point["end"] == (end - first).days
        assert point["lon"] == pytest.approx(event["lon"], abs=1e-3)
        assert point["lat"] == pytest.approx(event["lat"], abs=1e-3)
        assert point["place"] == event["place"]
    assert "Fait national" not in by_title  # nationwide: listed on the page, not drawn


def test_points_follow_the_filters_but_not_the_date(small_events, refs):
    everything = payload_of(small_events, refs, View(date=D(1944, 6, 9)))
    axis_only = payload_of(small_events, refs, View(date=D(1944, 6, 9), force_types=("axis",)))
    # Every date is sent: the browser filters by date on the GPU.
    assert everything["points"]["count"] == (small_events["department_code"] != "").sum()
    assert set(points_by_title(axis_only)) == {"Massacre de Tulle"}
    assert axis_only["event_days"] == [0]  # ← / → step through the filtered events only
    assert everything["event_days"] == sorted({(day - small_events["date"].min()).days for day in small_events["date"]})


def segment_states(payload, day_number: int) -> dict[int, str]:
    """The state of every served feature at a day, read from the payload's segments the way the
    player's layers filter them (player.js frameProps)."""
    segments, states = payload["segments"], {}
    for k, feature in enumerate(segments["feature"]):
        if segments["start"][k] <= day_number < segments["end"][k]:
            kind = segments["kind"][k]
            if kind == "freed":
                kind = "fresh" if segments["freed_on"][k] > day_number - payload["fresh_days"] else "liberated"
            assert feature not in states, "one segment per département at a time"
            states[feature] = kind
    return states


def served_positions() -> dict[str, int]:
    features = json.loads(STATIC_DEPARTMENTS_GEOJSON.read_text(encoding="utf-8"))["features"]
    return {feature["properties"]["code"]: feature["properties"]["i"] for feature in features}


POCKET = pd.DataFrame({"department_codes": [("56",)], "formed": [pd.Timestamp("1944-08-20")],
                       "surrendered": [pd.Timestamp("1944-09-01")]})


@pytest.mark.parametrize("table", ["small_events.csv", "retaken_events.csv"])
@pytest.mark.parametrize("day", [D(1944, 6, 8), D(1944, 6, 9), D(1944, 7, 19), D(1944, 8, 24), D(1944, 8, 25),
                                 D(1944, 8, 31), D(1944, 9, 1), D(1944, 9, 15)])
def test_segments_give_every_departement_the_state_of_the_page(refs, table, day):
    """Occupied, retaken, partly occupied, fresh or liberated: the player's segments must agree
    with filters.department_states (occupation.states_at) on every date, pockets included."""
    from dashboard.data import load_events
    from dashboard.pockets import departments_holding_pockets

    events = load_events(DATA_DIR / table, refs).events
    payload = payload_of(events, refs, pockets=POCKET)
    shown = (pd.Timestamp(day) - events["date"].min()).days
    expected = department_states(events, refs.departments, day, departments_holding_pockets(POCKET, day))
    position = served_positions()
    from_segments = segment_states(payload, shown)
    for code, state in zip(expected["department_code"], expected["state"]):
        assert from_segments.get(position[code], "occupied") == state, (code, day)
    freed = sum(1 for state in from_segments.values() if state != "retaken")
    assert freed == liberated_count(expected)  # the "n / 96" the banner shows
    assert payload["department_total"] == len(refs.departments)


def test_segments_follow_the_served_outlines(small_events, refs):
    payload = payload_of(small_events, refs)
    position = served_positions()
    first = small_events["date"].min()
    starts = {feature: start for feature, start, kind in zip(payload["segments"]["feature"], payload["segments"]["start"],
                                                              payload["segments"]["kind"])}
    assert starts[position["75"]] == (pd.Timestamp(D(1944, 8, 25)) - first).days
    assert starts[position["14"]] == (pd.Timestamp(D(1944, 7, 19)) - first).days  # Caen: its end date
    assert position["13"] not in starts  # no liberation row for Marseille in this table: never shown freed


def test_filters_do_not_unliberate_departments(small_events, refs):
    axis_only = payload_of(small_events, refs, View(date=D(1944, 9, 15), force_types=("axis",)))
    assert axis_only["segments"] == payload_of(small_events, refs)["segments"]


def test_hostile_text_travels_as_data_never_as_markup(small_events, refs):
    events = small_events.copy()
    hostile = "<img src=x onerror=alert(1)>"
    events.loc[events["event_id"] == "liberation-paris", "title_fr"] = hostile
    payload = payload_of(events, refs)
    assert hostile in points_by_title(payload)  # as is: the browser sets it with textContent
    spec = json.dumps(payload["deck"])
    assert "tooltip" not in spec and "html" not in spec  # no HTML template anywhere


def test_repeated_texts_are_sent_once(small_events, refs):
    doubled = pd.concat([small_events, small_events], ignore_index=True)
    points = payload_of(doubled, refs)["points"]
    assert points["count"] == 2 * len(points["texts"]["title"]) == 2 * (small_events["department_code"] != "").sum()
    assert len(points["texts"]["place"]) == small_events.loc[small_events["department_code"] != "", "place"].nunique()


def test_deck_is_offline_and_filters_on_the_gpu(small_events, refs):
    payload = payload_of(small_events, refs)
    spec = payload["deck"]
    assert not spec.get("mapProvider") and "http" not in json.dumps(spec)
    layers = {layer["id"]: layer for layer in spec["layers"]}
    for layer_id in ("departements-liberated", "departements-fresh", "departements-retaken", "departements-partial",
                     "events", "events-current"):
        assert layers[layer_id]["extensions"][0]["@@type"] == "DataFilterExtension"
    assert layers["events"]["data"] == "@@#POINTS" and layers["departements"]["data"] == "@@#DEPARTMENTS"
    json.dumps(payload)  # all of it is JSON


def test_focus_and_jump_go_to_the_browser_apart_from_the_data():
    sent = control(JUMP, (48.85, 2.35, 8.0), present=True)
    assert sent == {"jump": {"date": "1944-08-25", "seq": 3},
                    "focus": {"latitude": 48.85, "longitude": 2.35, "zoom": 8.0}, "present": True}
    assert control(JUMP)["focus"] is None and control(JUMP)["present"] is False
    json.dumps(sent)


@pytest.mark.parametrize("focus", [(48.85, 2.35), (48.85, 2.35, 8.0, 1.0)], ids=["no zoom", "one too many"])
def test_a_focus_that_is_not_a_place_and_zoom_is_refused(focus):
    with pytest.raises(ValueError):
        control(JUMP, focus)


def test_the_data_holds_no_date_to_show(small_events, refs):
    # A chapter or a link moves the date: only the control changes, the data (the table) is the
    # same object, and Streamlit does not send it again.
    payload = payload_of(small_events, refs)
    assert not {"jump", "focus", "present"} & set(payload)
    assert payload == payload_of(small_events, refs, View(date=D(1945, 1, 3)))


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_labels_cover_every_control(small_events, refs, lang):
    payload = payload_of(small_events, refs, View(date=D(1944, 8, 25), lang=lang))
    labels = payload["labels"]
    assert set(labels["speeds"]) == set(payload["speeds"]) and payload["default_speed"] in payload["speeds"]
    assert len(labels["steps"]) == 8 and len(labels["months"]) == 12
    assert "{n}" in labels["departments_freed"] and "{total}" in labels["departments_freed"]
    assert all(isinstance(text, str) and text for text in labels["steps"].values())


@pytest.mark.parametrize("value, expected", [
    ({"date": "1944-08-25", "n": 1}, D(1944, 8, 25)),
    ({"date": "1944-06-09"}, D(1944, 6, 9)),
    ({"date": "1944-09-15"}, D(1944, 9, 15)),  # the table's last day is inside it
    ({"date": "1944-09-16"}, None),
    ({"date": "1944-02-30"}, None),  # not a date
    ({"date": "1939-09-01"}, None),  # outside the table
    ({"date": 19440825}, None),
    ("1944-08-25", None),  # not the shape the player sends
    (None, None),
], ids=["with counter", "bare", "last day", "day after", "impossible", "out of range", "number", "string", "nothing"])
def test_reported_dates_are_checked(value, expected):
    assert parse_reported_date(value, D(1944, 6, 9), D(1944, 9, 15)) == expected


def test_an_english_payload_names_its_language_range_words_and_legend(small_events, refs):
    from dashboard.player.legend import labels, legend
    from dashboard.player.player import EVENT_STEP_SECONDS

    payload = payload_of(small_events, refs, View(date=D(1944, 8, 25), lang="en"))
    assert payload["lang"] == "en"
    assert (payload["first"], payload["last"]) == (small_events["date"].min().date().isoformat(),
                                                   small_events["date"].max().date().isoformat())
    assert payload["event_step_seconds"] == EVENT_STEP_SECONDS
    assert payload["labels"] == labels("en") and payload["labels"] != labels("fr")
    assert payload["legend"] == legend()
    assert payload["pockets"] == [] or all("name" in pocket for pocket in payload["pockets"])


def test_a_retaken_segment_counts_as_freed_on_its_own_first_day(refs):
    from dashboard.data import load_events
    from dashboard.player.player import department_segments

    events = load_events(DATA_DIR / "retaken_events.csv", refs).events
    first = events["date"].min().date()
    segments = department_segments(events, refs.departments, first)
    rows = list(zip(segments["kind"], segments["start"], segments["freed_on"], strict=True))
    retaken = [row for row in rows if row[0] == "retaken"]
    assert retaken and all(freed_on == start for _, start, freed_on in retaken)


def test_point_texts_are_short_sources_and_blank_for_a_missing_text(small_events, refs):
    from dashboard.map_layers import TOOLTIP_SOURCE_CHARS

    events = small_events.copy()
    long_source = "Archives " + "très longues " * 30 + "; Autre source"
    events.loc[events["event_id"] == "liberation-paris", ["source", "place"]] = [long_source, None]
    point = points_by_title(payload_of(events, refs))["Libération de Paris"]
    assert point["source"].startswith("Archives très longues") and point["source"].endswith("…")
    assert len(point["source"]) == TOOLTIP_SOURCE_CHARS and "Autre source" not in point["source"]
    assert point["place"] == ""  # not "None" nor "nan"
