"""The map page: the slider, the filters and play/pause drive exactly what the deck draws."""

import datetime as dt
import json

import pandas as pd
import pytest

from dashboard.data import load_events
from helpers import deck_points, fresh_app
from streamlit.testing.v1 import AppTest

D = dt.date


@pytest.fixture(scope="module")
def events():
    return load_events().events


def expected_points(events, day, forces=()) -> set[str]:
    shown = events[(events["date"] <= pd.Timestamp(day)) & (events["department_code"] != "")]
    if forces:
        shown = shown[shown[[f"involves_{force}" for force in forces]].any(axis=1)]
    return set(shown["event_id"])


def shown_date(at) -> str:
    return at.title[0].value


@pytest.mark.parametrize("day", [D(1944, 6, 6), D(1944, 8, 25), D(1944, 11, 23)])
def test_slider_sets_the_deck_to_the_events_up_to_that_date(events, day):
    at = fresh_app("fr").run()
    at.slider(key="widget.date").set_value(day).run()
    assert not at.exception
    assert deck_points(at) == expected_points(events, day)
    assert deck_points(at)  # something to see on each of these days


def test_force_filter_removes_the_other_events(events):
    at = fresh_app("en").run()
    at.slider(key="widget.date").set_value(D(1944, 9, 15)).run()
    everything = deck_points(at)
    at.multiselect(key="widget.force_types").set_value(["axis"]).run()
    only_axis = deck_points(at)
    assert only_axis == expected_points(events, D(1944, 9, 15), ("axis",))
    assert 0 < len(only_axis) < len(everything)


def test_step_buttons_move_the_date():
    at = fresh_app("en").run()
    at.slider(key="widget.date").set_value(D(1944, 8, 1)).run()
    at.button(key="step.plus_week").click().run()
    assert shown_date(at) == "8 August 1944"
    at.button(key="step.minus_day").click().run()
    assert shown_date(at) == "7 August 1944"
    at.button(key="step.start").click().run()
    first = shown_date(at)
    at.button(key="step.end").click().run()
    assert shown_date(at) != first and shown_date(at).endswith("1945")


def test_play_advances_on_reruns_and_pause_stops(events):
    at = fresh_app("en").run()
    at.selectbox(key="widget.speed").set_value("8").run()
    at.slider(key="widget.date").set_value(D(1944, 8, 1)).run()
    at.button(key="play").click().run()  # the click reruns the app, whose map fragment takes a frame
    assert shown_date(at) == "5 August 1944"  # 8 days a second at 2 frames a second: 4 days a frame
    assert at.button(key="play").label == "Pause"
    at.run()  # what the fragment's timer does in a browser
    assert shown_date(at) == "9 August 1944"
    at.button(key="play").click().run()
    paused_at = shown_date(at)
    at.run()
    assert shown_date(at) == paused_at == "9 August 1944"  # pausing leaves the date where it was
    assert at.slider(key="widget.date").value == D(1944, 8, 9)
    assert at.button(key="play").label == "Play"


def test_play_from_the_end_restarts_from_the_beginning():
    at = fresh_app("en").run()
    at.button(key="step.end").click().run()
    at.button(key="step.start").click().run()
    first_day = shown_date(at)
    at.button(key="step.end").click().run()
    at.button(key="play").click().run()
    assert shown_date(at) != first_day  # it moved one frame past the first day
    assert at.session_state["playing"]


def replayed_callbacks():
    """Runs the play button's callback twice with the arguments of one rendering of the button,
    as Streamlit does when a frame's rerun interrupts the run that handled the click."""
    import datetime as dt

    from dashboard.ui import state, timeline
    from dashboard.view import View

    state.store_view(View(dt.date(1944, 8, 1)))
    for _ in range(2):
        timeline.set_playing(True, dt.date(1944, 8, 1))
    state.remember("after_play", timeline.is_playing())
    for _ in range(2):
        timeline.set_playing(False, dt.date(1944, 8, 1))


def test_a_replayed_click_does_not_toggle_twice():
    at = AppTest.from_function(replayed_callbacks).run()
    assert not at.exception
    assert at.session_state["after_play"] is True
    assert at.session_state["playing"] is False


def current_points(at) -> set[str]:
    """The points drawn big: the events of the day (or of the animation's step)."""
    spec = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    layer = next(layer for layer in spec["layers"] if layer["id"] == "events")
    radii = {point["radius"] for point in layer["data"]}
    return {point["event_id"] for point in layer["data"] if point["radius"] == max(radii)}


def under_way(events, day) -> set[str]:
    stamp = pd.Timestamp(day)
    ends = events["end_date"].fillna(events["date"])
    return set(events[(events["date"] <= stamp) & (ends >= stamp) & (events["department_code"] != "")]["event_id"])


def test_dragging_the_slider_after_play_shows_the_new_day_only(events):
    """Regression: play, pause, then drag the slider: the animation's window used to stay, and
    the map drew weeks of events as 'of the day'."""
    at = fresh_app("en").run()
    at.selectbox(key="widget.speed").set_value("8").run()
    at.slider(key="widget.date").set_value(D(1944, 8, 1)).run()
    at.button(key="play").click().run()
    at.run()
    at.button(key="play").click().run()  # paused after a few frames
    at.slider(key="widget.date").set_value(D(1944, 9, 15)).run()
    assert at.subheader[0].value == "Events: 15 September 1944"
    assert current_points(at) == under_way(events, D(1944, 9, 15))
