"""Moving through time: the steps (first/last, previous/next event date, a day, a week), as pure
functions. The map player makes the same steps in the browser (player.js, `stepDay`); the browser
tests check it against `Timeline.step`."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass

DAY = dt.timedelta(days=1)
WEEK = dt.timedelta(days=7)

STEP_ACTIONS = ("start", "previous_event", "minus_week", "minus_day", "plus_day", "plus_week", "next_event", "end")


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
