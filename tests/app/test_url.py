"""Shareable links: URL -> view -> URL, and bad values fall back with a notice, never a traceback."""

import datetime as dt

import pytest
from helpers import app_with, map_date_heading


def test_url_sets_the_whole_view():
    at = app_with(date="1944-08-25", lang="en", force="resistance,axis", type="liberation", region="Île-de-France")
    assert not at.exception and not at.warning
    assert "25 August 1944" in map_date_heading(at)
    assert at.multiselect(key="widget.force_types").value == ["resistance", "axis"]
    assert at.multiselect(key="widget.event_types").value == ["liberation"]
    assert at.multiselect(key="widget.regions").value == ["Île-de-France"]


def test_view_is_written_back_to_the_url():
    at = app_with(lang="fr")
    at.switch_page("pages/charts.py").run()
    at.slider(key="widget.date").set_value(dt.date(1944, 9, 3)).run()
    at.multiselect(key="widget.force_types").set_value(["allied_army"]).run()
    assert at.query_params["date"] == "1944-09-03"
    assert at.query_params["force"] == "allied_army"
    assert at.query_params["lang"] == "fr"


def test_the_url_keeps_parameters_that_are_not_the_views():
    # The view is written whole on every run: a parameter the atlas does not own (a link from a
    # newsletter) stays, and a filter that is cleared leaves the address.
    at = app_with(lang="fr", force="resistance", utm_source="lettre")
    at.multiselect(key="widget.force_types").set_value([]).run()
    assert not at.exception
    assert at.query_params["utm_source"] == "lettre"
    assert "force" not in at.query_params
    assert at.query_params["lang"] == "fr"


def test_round_trip_reproduces_the_view():
    first = app_with(lang="en")
    first.switch_page("pages/charts.py").run()
    first.slider(key="widget.date").set_value(dt.date(1944, 11, 23)).run()
    first.multiselect(key="widget.event_types").set_value(["battle", "massacre"]).run()
    shared = dict(first.query_params)
    second = app_with(**shared)
    first.switch_page("pages/map.py").run()
    assert "23 November 1944" in map_date_heading(second) == map_date_heading(first)
    assert second.multiselect(key="widget.event_types").value == ["battle", "massacre"]


@pytest.mark.parametrize("param, value", [
    ("date", "1944-02-30"), ("date", "2044-01-01"), ("lang", "xx"), ("force", "martians"),
    ("type", "picnic"), ("region", "<img src=x onerror=alert(1)>"), ("mode", "kiosk"), ("chapter", "atlantis"),
])
def test_invalid_value_gives_a_notice_and_the_default(param, value):
    at = app_with(**({"lang": "en"} | {param: value}))
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert len(notices) == 1 and param in notices[0]
    assert "<img" not in notices[0].replace("\\<", "")  # every "<" escaped: shown as text, not HTML
    assert at.subheader  # the page still renders with its defaults
