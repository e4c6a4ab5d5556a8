"""What each figure says to a reader: its title in the page's language, one trace per force in
that force's colour (the map's), hover texts in words, the view's date marked, bars on the right
days. The tables behind the figures are checked in test_charts.py."""

import datetime as dt

import pandas as pd
import pytest

from dashboard import charts, disputed_charts, i18n
from dashboard.chart_parts import DATE_MARKER_COLOR
from dashboard.map_layers import FORCE_COLORS_HEX
from dashboard.text import plotly_text
from dashboard.view import View

D = dt.date
T = pd.Timestamp
PARIS_DAY = D(1944, 8, 25)


def epoch_ms(day):
    return T(day).timestamp() * 1000


def marker(figure):
    """The vertical line and its label that mark the view's date."""
    (line,) = figure.layout.shapes
    return line


def traces_by_name(figure):
    return {trace.name: trace for trace in figure.data}


@pytest.fixture(params=["fr", "en"])
def lang(request):
    return request.param


# --- The pace -----------------------------------------------------------------------------


def test_cumulative_figure_has_one_line_per_force_in_its_colour_and_a_total(small_events, refs, lang):
    view = View(PARIS_DAY, lang)
    table = charts.cumulative_by_force(small_events, refs.departments, view)
    figure = charts.cumulative_figure(table, view, "chart_cumulative")
    assert figure.layout.title.text == i18n.t("chart_cumulative", lang)
    assert figure.layout.yaxis.title.text == i18n.t("count", lang)
    lines = traces_by_name(figure)
    for force in ("resistance", "allied_army", "french_army", "axis"):
        line = lines[i18n.force_type_label(force, lang)]
        assert line.line.color == FORCE_COLORS_HEX[force]
        assert list(line.y) == table.loc[table["series"] == force, "cumulative"].tolist()
    total = lines[i18n.t("total", lang)]
    assert list(total.y) == table.loc[table["series"] == "total", "cumulative"].tolist()
    assert total.line.color not in FORCE_COLORS_HEX.values()  # the total is told apart from every force
    assert total.line.dash != lines[i18n.force_type_label("resistance", lang)].line.dash
    assert {trace.line.shape for trace in figure.data} == {"hv"}  # a count steps up on the day, no slope between


def test_cumulative_hover_gives_the_date_in_words_and_the_count(small_events, refs, lang):
    view = View(PARIS_DAY, lang)
    figure = charts.cumulative_figure(charts.cumulative_by_force(small_events, refs.departments, view), view,
                                      "chart_cumulative")
    total = traces_by_name(figure)[i18n.t("total", lang)]
    assert list(total.customdata) == [i18n.format_date(day, lang) for day in (D(1944, 7, 19), D(1944, 8, 22),
                                                                                PARIS_DAY)]
    separator = {"fr": " : ", "en": ": "}[lang]
    assert total.hovertemplate == "%{customdata}" + separator + "%{y}<extra>%{fullData.name}</extra>"


def test_cumulative_figure_marks_the_view_date(small_events, refs, lang):
    view = View(D(1944, 8, 1), lang)
    figure = charts.cumulative_figure(charts.cumulative_by_force(small_events, refs.departments, view), view,
                                      "chart_cumulative_events")
    assert figure.layout.title.text == i18n.t("chart_cumulative_events", lang)
    line = marker(figure)
    assert line.x0 == line.x1 == epoch_ms(D(1944, 8, 1))
    assert line.line.color == DATE_MARKER_COLOR
    (label,) = figure.layout.annotations
    assert label.text == i18n.format_date(D(1944, 8, 1), lang)


def test_the_entirely_free_line_is_named_and_grey(small_events, refs, lang):
    pockets = pd.DataFrame({"department_codes": [("75",)], "formed": [T("1944-08-25")],
                            "surrendered": [T("1944-09-01")]})
    view = View(PARIS_DAY, lang)
    table = charts.cumulative_by_force(small_events, refs.departments, view, pockets=pockets)
    figure = charts.cumulative_figure(table, view, "chart_cumulative")
    free = traces_by_name(figure)[i18n.t("entirely_free", lang)]
    assert free.line.color not in FORCE_COLORS_HEX.values()
    assert list(free.y) == table.loc[table["series"] == "entirely_free", "cumulative"].tolist()


# --- The régions ----------------------------------------------------------------------------


def test_region_share_bars_say_liberated_over_total_and_the_pockets(lang):
    table = pd.DataFrame({"region": ["Bretagne", "Corse"], "departments": [4, 2], "liberated": [3, 0],
                          "with_pocket": [1, 0], "share": [75.0, 0.0]})
    figure = charts.region_progress_figure(table, View(PARIS_DAY, lang))
    (bars,) = figure.data
    assert list(bars.y) == [i18n.region_label("Bretagne", lang), i18n.region_label("Corse", lang)]
    assert list(bars.x) == [75.0, 0.0] and bars.orientation == "h"
    assert list(bars.text) == ["3/4 " + i18n.t("with_pocket", lang, n=1), "0/2"]
    assert figure.layout.title.text == i18n.t("chart_region_share", lang, date=i18n.format_date(PARIS_DAY, lang))
    assert figure.layout.xaxis.title.text == "%"
    assert figure.layout.yaxis.autorange == "reversed"  # the best-liberated région on top, as in the table


@pytest.mark.parametrize(("lang", "hover"), [("fr", "%{y} : %{x} %"), ("en", "%{y}: %{x}%")])
def test_region_share_hover_follows_the_language_typography(lang, hover):
    table = pd.DataFrame({"region": ["Bretagne"], "departments": [4], "liberated": [3], "with_pocket": [0], "share": [75.0]})
    (bars,) = charts.region_progress_figure(table, View(PARIS_DAY, lang)).data
    assert bars.hovertemplate == hover + "<extra></extra>"


def test_more_regions_make_a_taller_chart():
    one = pd.DataFrame({"region": ["Corse"], "departments": [2], "liberated": [0], "with_pocket": [0], "share": [0.0]})
    two = pd.concat([one, one.assign(region="Bretagne")])
    view = View(PARIS_DAY)
    assert charts.region_progress_figure(two, view).layout.height > charts.region_progress_figure(one, view).layout.height
    empty = one.iloc[:0]
    assert charts.region_progress_figure(empty, view).layout.height == charts.region_progress_figure(one, view).layout.height


def test_region_events_stack_one_bar_per_force_in_its_colour_busiest_region_first(lang):
    table = pd.DataFrame({"region": ["Corse", "Corse", "Bretagne", "Bretagne"],
                          "force_type": ["resistance", "axis", "resistance", "axis"], "events": [1, 0, 2, 3]})
    figure = charts.region_events_figure(table, View(PARIS_DAY, lang))
    assert figure.layout.barmode == "stack"
    assert figure.layout.title.text == i18n.t("chart_region_events", lang, date=i18n.format_date(PARIS_DAY, lang))
    assert figure.layout.xaxis.title.text == i18n.t("count", lang)
    bars = traces_by_name(figure)
    for force, counts in (("resistance", [2, 1]), ("axis", [3, 0])):
        bar = bars[i18n.force_type_label(force, lang)]
        assert bar.marker.color == FORCE_COLORS_HEX[force] and bar.orientation == "h"
        assert list(bar.y) == [i18n.region_label("Bretagne", lang), i18n.region_label("Corse", lang)]
        assert list(bar.x) == counts


# --- The actors -----------------------------------------------------------------------------


def test_actor_bars_are_coloured_by_force_and_ordered_like_the_table(lang):
    table = pd.DataFrame({"actor": ["FFI", "US Army", "2e DB"], "force_type": ["resistance", "allied_army",
                                                                                "french_army"],
                          "liberations": [3, 2, 1]})
    labels = {"FFI": "Forces françaises de l'intérieur"}
    figure = charts.actor_figure(table, View(PARIS_DAY, lang), labels)
    assert figure.layout.title.text == i18n.t("chart_actors", lang, date=i18n.format_date(PARIS_DAY, lang))
    bars = traces_by_name(figure)
    assert list(bars) == [i18n.force_type_label(f, lang) for f in ("resistance", "french_army", "allied_army")]
    for force, actor in (("resistance", labels["FFI"]), ("allied_army", "US Army"), ("french_army", "2e DB")):
        bar = bars[i18n.force_type_label(force, lang)]
        assert bar.marker.color == FORCE_COLORS_HEX[force] and list(bar.y) == [actor] and bar.orientation == "h"
    assert [list(bars[i18n.force_type_label(f, lang)].x) for f in ("resistance", "allied_army")] == [[3], [2]]
    assert figure.layout.xaxis.title.text == i18n.t("count", lang)
    assert list(figure.layout.yaxis.categoryarray) == [labels["FFI"], "US Army", "2e DB"]
    assert figure.layout.xaxis.dtick == 1  # small counts: whole numbers only on the axis


def test_actor_axis_leaves_ticks_to_plotly_for_big_counts():
    table = pd.DataFrame({"actor": ["FFI"], "force_type": ["resistance"], "liberations": [40]})
    assert charts.actor_figure(table, View(PARIS_DAY), {}).layout.xaxis.dtick is None


# --- Multi-day events -----------------------------------------------------------------------


def test_a_duration_bar_runs_from_its_first_day_to_the_end_of_its_last(lang):
    table = pd.DataFrame({"event_id": ["e"], "title": ["Insurrection"], "start": [T("1944-08-19")],
                          "end": [T("1944-08-25")], "days": [7], "force_type": ["resistance"]})
    figure = charts.multi_day_figure(table, View(D(1944, 9, 1), lang))
    (bar,) = figure.data
    start = T(bar.base[0])
    assert start == T("1944-08-19")
    assert start + pd.Timedelta(milliseconds=float(bar.x[0])) == T("1944-08-26")  # the 25th, all day
    assert bar.marker.color == FORCE_COLORS_HEX["resistance"] and bar.orientation == "h"
    assert bar.name == i18n.force_type_label("resistance", lang)
    assert [list(row) for row in bar.customdata] == [[7, i18n.format_date(D(1944, 8, 19), lang)]]
    assert bar.hovertemplate.endswith(i18n.t("days_unit", lang) + "<extra></extra>")
    assert figure.layout.title.text == i18n.t("chart_durations", lang)
    assert marker(figure).x0 == epoch_ms(D(1944, 9, 1))


def test_the_duration_axis_spans_the_bars_and_the_view_date():
    table = pd.DataFrame({"event_id": ["e"], "title": ["Siège"], "start": [T("1944-08-01")],
                          "end": [T("1944-08-20")], "days": [20], "force_type": ["allied_army"]})
    axis = charts.multi_day_figure(table, View(D(1944, 10, 2), "fr")).layout.xaxis
    assert axis.tickvals[0] == "1944-08-01" and axis.tickvals[-1] == "1944-10-01"


# --- Disputed dates and pockets -------------------------------------------------------------


def test_disputed_pace_band_lies_between_lowest_and_highest(lang):
    table = pd.DataFrame({"date": [T("1944-08-23"), T("1944-08-31")], "count": [1, 1], "lowest": [0, 1],
                          "highest": [1, 1]})
    figure = disputed_charts.disputed_pace_figure(table, View(PARIS_DAY, lang))
    lower, band, count = figure.data
    assert list(lower.y) == [0, 1] and list(band.y) == [1, 1] and list(count.y) == [1, 1]
    assert band.fill == "tonexty" and not lower.showlegend  # the band fills down to the lowest line
    assert band.name == i18n.t("chart_dispute_band", lang) and count.name == i18n.t("chart_dispute_table", lang)
    assert list(count.customdata) == [i18n.format_date(D(1944, 8, 23), lang), i18n.format_date(D(1944, 8, 31), lang)]
    assert figure.layout.title.text == i18n.t("chart_disputed_pace", lang)
    assert figure.layout.yaxis.title.text == i18n.t("count", lang)


def test_pocket_bars_run_from_formation_to_surrender(lang):
    pockets = pd.DataFrame({"name_fr": ["Poche de Lorient"], "name_en": ["Lorient pocket"],
                            "formed": ["1944-08-12"], "surrendered": ["1945-05-10"]})
    view = View(D(1945, 1, 1), lang)
    figure = disputed_charts.pocket_spans_figure(disputed_charts.pocket_spans(pockets, lang), view)
    (bar,) = figure.data
    assert list(bar.y) == [{"fr": "Poche de Lorient", "en": "Lorient pocket"}[lang]]
    start = T(bar.base[0])
    assert start == T("1944-08-12") and start + pd.Timedelta(milliseconds=float(bar.x[0])) == T("1945-05-10")
    assert [list(row) for row in bar.customdata] == [[i18n.format_date(D(1944, 8, 12), lang),
                                                      i18n.format_date(D(1945, 5, 10), lang),
                                                      (D(1945, 5, 10) - D(1944, 8, 12)).days]]
    assert figure.layout.title.text == i18n.t("chart_pockets", lang)
    assert marker(figure).x0 == epoch_ms(D(1945, 1, 1))
    assert not figure.layout.annotations  # the date line alone: its label would sit on the first bar


def test_hostile_pocket_name_is_text():
    hostile = '<a href="https://evil.example">x</a>'
    pockets = pd.DataFrame({"name_fr": [hostile], "name_en": [hostile], "formed": ["1944-08-12"],
                            "surrendered": ["1945-05-10"]})
    figure = disputed_charts.pocket_spans_figure(disputed_charts.pocket_spans(pockets, "fr"), View(D(1945, 1, 1)))
    assert list(figure.data[0].y) == [plotly_text(hostile)]


def _region_share(n):
    return pd.DataFrame({"region": [f"R{i}" for i in range(n)], "departments": [2] * n, "liberated": [1] * n,
                         "with_pocket": [0] * n, "share": [50.0] * n})


def _region_events(n):
    return pd.DataFrame({"region": [f"R{i}" for i in range(n)], "force_type": ["axis"] * n, "events": [1] * n})


def _actors(n):
    return pd.DataFrame({"actor": [f"A{i}" for i in range(n)], "force_type": ["axis"] * n, "liberations": [1] * n})


def _durations(n):
    return pd.DataFrame({"event_id": [f"e{i}" for i in range(n)], "title": [f"T{i}" for i in range(n)],
                         "start": [T("1944-08-19")] * n, "end": [T("1944-08-25")] * n, "days": [7] * n,
                         "force_type": ["axis"] * n})


def _pockets(n):
    return disputed_charts.pocket_spans(pd.DataFrame({"name_fr": [f"P{i}" for i in range(n)], "name_en": ["P"] * n,
                                                      "formed": ["1944-08-12"] * n,
                                                      "surrendered": ["1945-05-10"] * n}), "fr")


@pytest.mark.parametrize("table, draw", [
    (_region_share, charts.region_progress_figure),
    (_region_events, charts.region_events_figure),
    (_actors, lambda table, view: charts.actor_figure(table, view, {})),
    (_durations, charts.multi_day_figure),
    (_pockets, disputed_charts.pocket_spans_figure),
], ids=["region share", "region events", "actors", "durations", "pockets"])
def test_each_bar_gets_room_the_chart_grows_with_its_rows(table, draw):
    view = View(D(1944, 9, 1))
    heights = [draw(table(n), view).layout.height for n in (1, 2, 3)]
    assert heights[0] < heights[1] < heights[2]
    assert heights[2] - heights[1] == heights[1] - heights[0]  # the same room for each bar
