"""Page tests with Streamlit's AppTest: every page renders, in both languages, and reacts to the view."""

import datetime as dt

import pytest
from helpers import PAGES, fresh_app, map_date_heading


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(page, lang):
    at = fresh_app(lang).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    # Every page has a heading; the map's is the date, drawn by the player in the browser.
    assert at.title or (page == "pages/map.py" and at.get("bidi_component")), "every page has a title"
    assert not at.warning, [w.value for w in at.warning]  # the bundled table has no problem


def test_titles_follow_the_language():
    at = fresh_app("en").run()
    at.switch_page("pages/events.py").run()
    assert at.title[0].value == "Events"
    at = fresh_app("fr").run()
    at.switch_page("pages/events.py").run()
    assert at.title[0].value == "Événements"


def test_map_date_is_the_selected_date_in_words():
    at = fresh_app("fr").run()
    at.switch_page("pages/charts.py").run()
    at.slider(key="widget.date").set_value(dt.date(1944, 8, 25)).run()
    at.switch_page("pages/map.py").run()
    assert not at.exception
    assert "25 août 1944" in map_date_heading(at)


def test_force_filter_narrows_the_explorer():
    at = fresh_app("en").run()
    at.switch_page("pages/events.py").run()
    everything = len(at.dataframe[0].value)
    at.multiselect(key="widget.force_types").set_value(["axis"]).run()
    only_axis = len(at.dataframe[0].value)
    assert 0 < only_axis < everything


def test_filters_survive_a_page_change():
    at = fresh_app("en").run()
    at.multiselect(key="widget.force_types").set_value(["axis"]).run()
    at.switch_page("pages/events.py").run()
    assert at.multiselect(key="widget.force_types").value == ["axis"]
