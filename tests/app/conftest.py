import itertools

import pytest

from dashboard import ui


@pytest.fixture(autouse=True)
def clicks_far_apart(monkeypatch):
    """AppTest clicks come milliseconds apart; to the app's replay guard (ui._first_of_click)
    they must look like a person's clicks, seconds apart."""
    ticks = itertools.count(start=0, step=10)
    monkeypatch.setattr(ui, "_clock", lambda: next(ticks))
