"""Data never becomes markup or a formula on the way out: Plotly labels, CSV downloads."""

import datetime as dt
import io

import pandas as pd
import pytest

from dashboard import charts
from dashboard.text import csv_bytes, plotly_text, spreadsheet_safe
from dashboard.view import View

HOSTILE = '<a href="https://evil.example">x</a>'
VIEW = View(dt.date(1944, 9, 15), "en")


def test_plotly_text_escapes_tags_and_keeps_apostrophes():
    assert plotly_text(HOSTILE) == '&lt;a href="https://evil.example"&gt;x&lt;/a&gt;'
    assert plotly_text("Provence-Alpes-Côte d'Azur") == "Provence-Alpes-Côte d'Azur"
    assert plotly_text("A & B") == "A &amp; B"


def test_a_hostile_event_title_is_text_in_the_durations_chart():
    table = pd.DataFrame({"title": [HOSTILE], "start": [pd.Timestamp("1944-08-19")],
                          "end": [pd.Timestamp("1944-08-25")], "days": [7], "force_type": ["resistance"]})
    figure = charts.multi_day_figure(table, VIEW)
    assert list(figure.data[0].y) == [plotly_text(HOSTILE)]
    assert list(figure.layout.yaxis.categoryarray) == [plotly_text(HOSTILE)]


def test_a_hostile_actor_label_is_text_in_the_actors_chart():
    table = pd.DataFrame({"actor": ["X"], "force_type": ["axis"], "liberations": [2]})
    figure = charts.actor_figure(table, VIEW, {"X": HOSTILE})
    assert list(figure.data[0].y) == [plotly_text(HOSTILE)]
    assert "<a" not in str(figure.to_plotly_json()["data"])


def test_a_hostile_region_is_text_in_the_region_charts():
    share = pd.DataFrame({"region": [HOSTILE], "departments": [2], "liberated": [1], "with_pocket": [0], "share": [50.0]})
    assert list(charts.region_progress_figure(share, VIEW).data[0].y) == [plotly_text(HOSTILE)]
    events = pd.DataFrame({"region": [HOSTILE], "force_type": ["axis"], "events": [3]})
    assert list(charts.region_events_figure(events, VIEW).data[0].y) == [plotly_text(HOSTILE)]


@pytest.mark.parametrize("cell, expected", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+33 1 23", "'+33 1 23"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tcmd", "'\tcmd"),
    ("\rcmd", "'\rcmd"),
    ("Libération de Paris", "Libération de Paris"),
    ("a=b", "a=b"),  # only the first character counts
    ("", ""),
    (-3, -3),  # numbers are not text: a negative number stays a number
])
def test_spreadsheet_safe(cell, expected):
    assert spreadsheet_safe(cell) == expected


def test_csv_download_neutralises_formula_cells_and_keeps_the_rest():
    table = pd.DataFrame({"title": ["=1+1", "Paris"], "count": [-1, 2], "day": [dt.date(1944, 8, 25)] * 2})
    back = pd.read_csv(io.BytesIO(csv_bytes(table)), dtype=str, keep_default_na=False)
    assert list(back["title"]) == ["'=1+1", "Paris"]
    assert list(back["count"]) == ["-1", "2"]
    assert list(back["day"]) == ["1944-08-25"] * 2
    assert table["title"].tolist() == ["=1+1", "Paris"]  # the shown table is not changed
