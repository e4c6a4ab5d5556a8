"""Moving through time: the step buttons and the animation frames, as pure functions.

The server-side animation (frame plan, frames, window) is due to be replaced by the browser
player; it is kept apart here and in ui/timeline.py so that it can be deleted in one go."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(days=7)

STEP_ACTIONS = ("start", "previous_event", "minus_week", "minus_day", "plus_day", "plus_week", "next_event", "end")

# Playback speeds: days advanced per second, or one event date per second.
SPEED_EVENT = "event"
SPEEDS = ("1", "2", "4", "8", SPEED_EVENT)
DEFAULT_SPEED = "4"
# Frames closer than this leave the server no idle time on a slow laptop (a frame took ~0.4 s
# here in Chromium): the app then looks busy all the time and a key press (Space to pause) can
# be lost. Faster speeds take bigger steps instead; layer transitions keep them smooth.
MIN_FRAME_SECONDS = 0.5



@dataclass(frozen=True)
class Timeline:
    first: dt.date
    last: dt.date
    event_dates: tuple[dt.date, ...]  # sorted, distinct

    def clamp(self, day: dt.date) -> dt.date:
        return min(max(day, self.first), self.last)

    def previous_event(self, day: dt.date) -> dt.date:
        index = bisect.bisect_left(self.event_dates, day)
        return self.event_dates[index - 1] if index > 0 else self.first

    def next_event(self, day: dt.date) -> dt.date:
        index = bisect.bisect_right(self.event_dates, day)
        return self.event_dates[index] if index < len(self.event_dates) else self.last

    def step(self, day: dt.date, action: str) -> dt.date:
        moves = {
            "start": lambda: self.first,
            "end": lambda: self.last,
            "previous_event": lambda: self.previous_event(day),
            "next_event": lambda: self.next_event(day),
            "minus_day": lambda: day - DAY,
            "plus_day": lambda: day + DAY,
            "minus_week": lambda: day - WEEK,
            "plus_week": lambda: day + WEEK,
        }
        return self.clamp(moves[action]())


def frame_plan(speed: str) -> tuple[float, int]:
    """(seconds between frames, days per frame) for a speed; event speed moves one event date a second."""
    if speed == SPEED_EVENT:
        return 1.0, 0
    days_per_second = int(speed)
    seconds = max(1.0 / days_per_second, MIN_FRAME_SECONDS)
    return seconds, max(1, round(days_per_second * seconds))


def next_frame(timeline: Timeline, day: dt.date, speed: str) -> tuple[dt.date, bool]:
    """The date of the next animation frame, and whether the animation has reached the end."""
    if speed == SPEED_EVENT:
        following = timeline.next_event(day)
    else:
        following = timeline.clamp(day + frame_plan(speed)[1] * DAY)
    return following, following >= timeline.last


def play_start(timeline: Timeline, day: dt.date) -> dt.date:
    """Where pressing play starts: from the current date, or from the beginning when at the end."""
    return timeline.first if day >= timeline.last else day


@dataclass(frozen=True)
class Frame:
    """The last animation frame: the day it showed, and the first day of the step it covered."""

    day: dt.date
    since: dt.date


def window_start(frame: Frame | None, day: dt.date) -> dt.date:
    """First day of the events drawn as current. The frame's window holds only while the view
    is still at the frame's day: any other date change (slider, step, chapter) shows one day."""
    if frame is None or frame.day != day:
        return day
    return min(frame.since, day)
