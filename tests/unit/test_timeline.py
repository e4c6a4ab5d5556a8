import datetime as dt

import pytest

from dashboard.timeline import Frame, Timeline, frame_plan, next_frame, play_start, window_start

D = dt.date
LINE = Timeline(first=D(1944, 6, 6), last=D(1944, 9, 15),
                event_dates=(D(1944, 6, 6), D(1944, 6, 9), D(1944, 8, 19), D(1944, 8, 25), D(1944, 9, 15)))


@pytest.mark.parametrize("day, action, expected", [
    (D(1944, 8, 1), "start", D(1944, 6, 6)),
    (D(1944, 8, 1), "end", D(1944, 9, 15)),
    (D(1944, 8, 1), "plus_day", D(1944, 8, 2)),
    (D(1944, 8, 1), "minus_week", D(1944, 7, 25)),
    (D(1944, 6, 8), "minus_week", D(1944, 6, 6)),  # clamped at the first day
    (D(1944, 9, 14), "plus_week", D(1944, 9, 15)),  # clamped at the last day
    (D(1944, 8, 19), "next_event", D(1944, 8, 25)),  # strictly after the current date
    (D(1944, 8, 20), "next_event", D(1944, 8, 25)),
    (D(1944, 8, 19), "previous_event", D(1944, 6, 9)),  # strictly before the current date
    (D(1944, 6, 6), "previous_event", D(1944, 6, 6)),
    (D(1944, 9, 15), "next_event", D(1944, 9, 15)),
])
def test_step_buttons(day, action, expected):
    assert LINE.step(day, action) == expected


@pytest.mark.parametrize("speed, plan", [("1", (1.0, 1)), ("2", (0.5, 1)), ("4", (0.5, 2)), ("8", (0.5, 4)), ("event", (1.0, 0))])
def test_frame_plan(speed, plan):
    assert frame_plan(speed) == plan


def test_frames_advance_and_stop_at_the_end():
    assert next_frame(LINE, D(1944, 8, 1), "8") == (D(1944, 8, 5), False)
    assert next_frame(LINE, D(1944, 9, 14), "8") == (D(1944, 9, 15), True)
    assert next_frame(LINE, D(1944, 6, 9), "event") == (D(1944, 8, 19), False)
    assert next_frame(LINE, D(1944, 8, 25), "event") == (D(1944, 9, 15), True)


def test_play_from_the_end_restarts_from_the_beginning():
    assert play_start(LINE, D(1944, 9, 15)) == D(1944, 6, 6)
    assert play_start(LINE, D(1944, 8, 1)) == D(1944, 8, 1)


@pytest.mark.parametrize("frame, day, expected", [
    (None, D(1944, 8, 25), D(1944, 8, 25)),
    (Frame(D(1944, 8, 25), D(1944, 8, 22)), D(1944, 8, 25), D(1944, 8, 22)),  # still at the frame's day
    (Frame(D(1944, 8, 25), D(1944, 8, 22)), D(1944, 9, 15), D(1944, 9, 15)),  # moved since: one day
    (Frame(D(1944, 8, 25), D(1944, 8, 22)), D(1944, 8, 23), D(1944, 8, 23)),
    (Frame(D(1944, 8, 25), D(1944, 8, 26)), D(1944, 8, 25), D(1944, 8, 25)),  # never after the day
])
def test_window_start(frame, day, expected):
    assert window_start(frame, day) == expected
