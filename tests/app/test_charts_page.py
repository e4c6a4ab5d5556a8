"""The charts page follows the date and the filters: its tables (the charts' twins) change."""

import datetime as dt

from helpers import CHART_COLUMN as COLUMN_OF, CHART_TAB, chart_table as table, fresh_app

from dashboard.i18n import column_label, t


def charts_page(lang="en"):
    at = fresh_app(lang).run()
    return at.switch_page("pages/charts.py").run()


def test_every_chart_has_its_table_and_download():
    at = charts_page()
    drawn = set()
    for tab in sorted(set(CHART_TAB.values())):
        at.session_state["charts.tab"] = t(tab, "en")
        at.run()
        assert not at.exception
        charts_here = [name for name, its_tab in CHART_TAB.items() if its_tab == tab]
        assert len(at.get("plotly_chart")) == len(at.dataframe) == len(at.get("download_button")) == len(charts_here)
        for name in charts_here:
            assert not table(at, name).empty, name
        drawn.update(charts_here)
    assert drawn == set(COLUMN_OF)


def test_only_the_open_tab_is_drawn():
    at = charts_page()  # the first tab, the pace, is open
    headers = [set(frame.value.columns) for frame in at.dataframe]
    assert headers == [headers[0]] and column_label(COLUMN_OF["pace"], "en") in headers[0]
    assert len(at.get("plotly_chart")) == 1


def test_moving_the_date_changes_the_totals():
    at = charts_page()
    at.slider(key="widget.date").set_value(dt.date(1944, 8, 1)).run()
    early_events = table(at, "regions-events")["events"].sum()
    early_liberated = table(at, "regions-share")["liberated"].sum()
    at.slider(key="widget.date").set_value(dt.date(1944, 9, 15)).run()
    assert table(at, "regions-events")["events"].sum() > early_events
    assert table(at, "regions-share")["liberated"].sum() > early_liberated


def test_force_filter_changes_the_totals():
    at = charts_page()
    at.slider(key="widget.date").set_value(dt.date(1944, 9, 15)).run()
    every_actor = table(at, "actors")
    at.multiselect(key="widget.force_types").set_value(["french_army"]).run()
    french_only = table(at, "actors")
    assert set(french_only["force_type"]) == {"French army"}
    assert french_only["liberations"].sum() < every_actor["liberations"].sum()


def test_filter_matching_nothing_is_said_in_words():
    at = charts_page()
    at.multiselect(key="widget.regions").set_value(["Corse"]).run()
    at.multiselect(key="widget.event_types").set_value(["insurrection"]).run()
    assert not at.exception
    assert any("No event matches" in info.value for info in at.info)


def test_pockets_keep_the_counts_honest_in_march_1945():
    at = charts_page()
    at.slider(key="widget.date").set_value(dt.date(1945, 3, 1)).run()
    share = table(at, "regions-share")
    brittany = share[share[column_label("region", "en")] == "Brittany"]
    assert brittany[column_label("with_pocket", "en")].iloc[0] >= 1  # Morbihan: the Lorient pocket
    pace = table(at, "pace")
    assert "Entirely free (no pocket held)" in set(pace[column_label("series", "en")])  # never a silent 100 %
