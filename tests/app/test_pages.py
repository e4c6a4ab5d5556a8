"""Page tests with Streamlit's AppTest: every page renders, in both languages, and reacts to the view."""

import datetime as dt

import pytest
from helpers import PAGES, fresh_app


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_page_renders_without_exception(page, lang):
    at = fresh_app(lang).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    assert not at.warning, [w.value for w in at.warning]  # the bundled table has no problem


def test_titles_follow_the_language():
    at = fresh_app("en").run()
    at.switch_page("pages/events.py").run()
    assert at.title[0].value == "Events"
    at = fresh_app("fr").run()
    at.switch_page("pages/events.py").run()
    assert at.title[0].value == "Événements"


def test_map_title_is_the_selected_date_in_words():
    at = fresh_app("fr").run()
    at.slider(key="widget.date").set_value(dt.date(1944, 8, 25)).run()
    assert not at.exception
    assert at.title[0].value == "25 août 1944"


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
