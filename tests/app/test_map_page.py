"""The map page: the player gets the filtered table, the date Python holds, and a new jump only
when Python moves the date."""

import datetime as dt

import pandas as pd
import pytest

from dashboard.data import load_events
from dashboard.text import escape_markdown
from helpers import app_with, fresh_app, player_control, player_payload, shown_titles

D = dt.date


@pytest.fixture(scope="module")
def events():
    return load_events().events


def expected_titles(events, forces=()) -> set[str]:
    shown = events[events["department_code"] != ""]
    if forces:
        shown = shown[shown[[f"involves_{force}" for force in forces]].any(axis=1)]
    return set(shown["title_en"])


def test_player_gets_every_placed_event_and_the_date(events):
    at = app_with(lang="en", date="1944-08-25")
    assert not at.exception
    payload = player_payload(at)
    assert player_control(at)["jump"]["date"] == "1944-08-25"
    assert shown_titles(payload) == expected_titles(events)
    assert payload["points"]["count"] == (events["department_code"] != "").sum()
    assert "25 August 1944" in at.subheader[0].value  # the events of the day follow the same date


def test_force_filter_removes_the_other_events(events):
    at = fresh_app("en").run()
    everything = shown_titles(player_payload(at))
    at.multiselect(key="widget.force_types").set_value(["axis"]).run()
    only_axis = shown_titles(player_payload(at))
    assert only_axis == expected_titles(events, ("axis",))
    assert 0 < len(only_axis) < len(everything)


def test_unchanged_view_sends_the_same_data():
    """Identical data from one rerun to the next: Streamlit's message cache then sends nothing."""
    at = fresh_app("en").run()
    first = at.get("bidi_component")[0].proto.json
    at.run()
    assert at.get("bidi_component")[0].proto.json == first


def test_a_date_set_elsewhere_moves_the_player():
    at = fresh_app("en").run()
    before = player_control(at)["jump"]
    at.switch_page("pages/charts.py").run()
    at.slider(key="widget.date").set_value(D(1944, 9, 3)).run()
    at.switch_page("pages/map.py").run()
    after = player_control(at)["jump"]
    assert after["date"] == "1944-09-03" and after["seq"] != before["seq"]


def test_the_player_date_is_what_the_page_follows(events):
    """What the component's callback does with a date from the browser (the browser side is in
    tests/e2e): the view, the events of the day and the URL follow, and no jump goes back."""
    from dashboard.ui import state
    from dashboard.view import with_date

    at = fresh_app("fr").run()
    jump = player_control(at)["jump"]
    at.session_state[state.VIEW_KEY] = with_date(at.session_state[state.VIEW_KEY], D(1944, 8, 19))
    at.session_state[state.PLAYER_AT_KEY] = D(1944, 8, 19)  # as ui.player._date_from_player leaves them
    at.run()
    assert at.query_params["date"] == "1944-08-19"
    assert "19 août 1944" in at.subheader[0].value
    assert player_control(at)["jump"] == jump  # the player is already there: no echo


def test_chapter_focus_flies_the_map():
    at = fresh_app("en").run()
    assert player_control(at)["focus"] is None
    at.button(key="chapter.next").click().run()
    focus = player_control(at)["focus"]
    assert focus is not None and focus["zoom"] > 5


def test_events_of_the_day_are_listed(events):
    at = app_with(lang="en", date="1944-08-25")
    day = pd.Timestamp(D(1944, 8, 25))
    ends = events["end_date"].fillna(events["date"])
    under_way = events[(events["date"] <= day) & (ends >= day)]
    listed = " ".join(block.value for block in at.markdown)
    assert len(under_way) > 1
    for title in under_way["title_en"]:
        assert escape_markdown(title) in listed
