import datetime as dt

import pytest

from dashboard.timeline import Timeline

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


@pytest.mark.parametrize("day, action, expected", [
    (D(1944, 8, 2), "minus_day", D(1944, 8, 1)),
    (D(1944, 6, 6), "minus_day", D(1944, 6, 6)),  # not before the first day
    (D(1944, 9, 15), "plus_day", D(1944, 9, 15)),  # nor after the last
    (D(1944, 8, 1), "plus_week", D(1944, 8, 8)),
    (D(1944, 6, 7), "previous_event", D(1944, 6, 6)),  # the first event date is a step back too
    (D(1944, 6, 9), "previous_event", D(1944, 6, 6)),
    (D(1944, 6, 6), "next_event", D(1944, 6, 9)),
])
def test_more_steps(day, action, expected):
    assert LINE.step(day, action) == expected


def test_every_step_action_is_known():
    from dashboard.timeline import STEP_ACTIONS

    for action in STEP_ACTIONS:
        assert LINE.first <= LINE.step(D(1944, 8, 1), action) <= LINE.last


def test_stepping_back_from_the_second_event_date_reaches_the_first_event_not_the_first_day():
    line = Timeline(first=D(1943, 9, 9), last=D(1945, 5, 8), event_dates=(D(1944, 6, 6), D(1944, 8, 25)))
    assert line.step(D(1944, 8, 25), "previous_event") == D(1944, 6, 6)
    assert line.step(D(1944, 6, 6), "previous_event") == D(1943, 9, 9)
