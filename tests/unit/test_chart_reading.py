"""What a reader sees on every chart, as Plotly draws it from the figure: the same text size and
margins, a legend lying under the chart, the view's date marked the same way, lines that step on
the day, and hover texts in the page's language with every field filled in."""

import datetime as dt
import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from dashboard import charts, disputed_charts, i18n
from dashboard.chart_parts import DATE_MARKER_COLOR, FONT, MARGIN
from dashboard.map_layers import FORCE_COLORS_HEX
from dashboard.view import View

D = dt.date
T = pd.Timestamp
VIEW_DAY = D(1944, 9, 15)
THEME = tomllib.loads((Path(__file__).resolve().parents[2] / ".streamlit" / "config.toml").read_text())["theme"]

FIELD = re.compile(r"%\{([^}]*)\}")
EXTRA = re.compile(r"<extra>([\s\S]*)</extra>")  # Plotly's own pattern: lower case only
BR = re.compile(r"<br>", re.IGNORECASE)  # Plotly reads <br> in any case


def shown_number(value):
    """A number as Plotly's hover shows it: 75.0 as 75."""
    return str(int(value)) if float(value).is_integer() else str(value)


def hover(trace, point):
    """(text, side box) that Plotly shows on hovering `point` of `trace`: the template's fields
    filled in, lines split at <br>. A field Plotly could not fill fails the test (Plotly would
    show "-"); a trace without a template would get Plotly's own English hover."""
    assert trace.hovertemplate, "no hover template: Plotly would write its own, in English"

    def value(match):
        field = match.group(1)
        if field in ("x", "y"):
            found = getattr(trace, field)[point]
            return found if isinstance(found, str) else shown_number(found)
        if field == "fullData.name":
            return trace.name
        if field == "customdata":
            return str(trace.customdata[point])
        index = re.fullmatch(r"customdata\[(\d)\]", field)
        if index:
            found = trace.customdata[point][int(index.group(1))]
            return found if isinstance(found, str) else shown_number(found)
        raise AssertionError(f"Plotly cannot fill %{{{field}}}")

    extra = EXTRA.search(trace.hovertemplate)
    text = FIELD.sub(value, EXTRA.sub("", trace.hovertemplate))
    side = FIELD.sub(value, extra.group(1)) if extra else trace.name  # no tag: Plotly names the trace
    assert "<" not in BR.sub("", text), f"markup Plotly would print as text: {text}"
    return BR.sub("\n", text), side


def luminance(colour):
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one, other):
    lighter, darker = sorted([luminance(one), luminance(other)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture(params=["fr", "en"])
def lang(request):
    return request.param


def pockets_table(lang):
    return disputed_charts.pocket_spans(pd.DataFrame({
        "name_fr": ["Poche de Lorient", "Poche de Dunkerque"], "name_en": ["Lorient pocket", "Dunkirk pocket"],
        "formed": ["1944-08-12", "1944-09-15"], "surrendered": ["1945-05-10", "1945-05-09"]}), lang)


DISPUTED = pd.DataFrame({"date": [T("1944-08-23"), T("1944-08-31")], "count": [1, 2], "lowest": [0, 2],
                         "highest": [2, 2]})
DURATIONS = pd.DataFrame({"event_id": ["e"], "title": ["Insurrection"], "start": [T("1944-08-19")],
                          "end": [T("1944-08-25")], "days": [7], "force_type": ["resistance"]})


def every_figure(events, refs, lang):
    view = View(VIEW_DAY, lang)
    return {
        "pace": charts.cumulative_figure(charts.cumulative_by_force(events, refs.departments, view), view,
                                         "chart_cumulative"),
        "regions-share": charts.region_progress_figure(charts.region_progress(events, refs.departments, view), view),
        "regions-events": charts.region_events_figure(charts.region_events_by_force(events, view), view),
        "actors": charts.actor_figure(charts.liberations_by_actor(events, view, refs.force_type_of_actor), view, {}),
        "durations": charts.multi_day_figure(charts.multi_day_events(events, view, refs.force_type_of_actor), view),
        "disputed": disputed_charts.disputed_pace_figure(DISPUTED, view),
        "pockets": disputed_charts.pocket_spans_figure(pockets_table(lang), view),
    }


WITH_LEGEND = ["pace", "regions-events", "actors", "durations", "disputed"]
WITH_DATE_MARKER = ["pace", "durations", "pockets"]


# --- What every chart shares ----------------------------------------------------------------


def test_every_chart_has_the_same_text_size_and_margins(small_events, refs):
    for name, figure in every_figure(small_events, refs, "fr").items():
        assert figure.layout.font.size == FONT["size"], name
        margin = figure.layout.margin
        assert (margin.t, margin.l, margin.r, margin.b) == (MARGIN["t"], MARGIN["l"], MARGIN["r"], MARGIN["b"]), name


def test_every_legend_lies_flat_just_under_its_chart(small_events, refs):
    figures = every_figure(small_events, refs, "fr")
    for name in WITH_LEGEND:
        legend = figures[name].layout.legend
        assert legend.orientation == "h", name  # one row under the chart, not a column eating its width
        assert -0.5 < legend.y < 0, name  # below the axis, not over the bars nor a screen away


def test_every_dated_chart_marks_the_view_date_with_the_same_dashed_line(small_events, refs, lang):
    figures = every_figure(small_events, refs, lang)
    widths = set()
    for name in WITH_DATE_MARKER:
        (line,) = figures[name].layout.shapes
        assert line.x0 == line.x1 == T(VIEW_DAY).timestamp() * 1000, name
        assert line.line.dash == "dash" and line.line.color == DATE_MARKER_COLOR, name  # not a line of data
        widths.add(line.line.width)
    assert len(widths) == 1
    for name in ("pace", "durations"):
        (label,) = figures[name].layout.annotations
        assert label.text == i18n.format_date(VIEW_DAY, lang)
        # Left of the line: the view's date may end the axis, and a label to its right would be cut off.
        assert label.xanchor == "right"


# --- The pace -------------------------------------------------------------------------------


def test_the_pace_lines_run_over_the_dates_as_plain_steps(small_events, refs):
    view = View(VIEW_DAY)
    table = charts.cumulative_by_force(small_events, refs.departments, view)
    figure = charts.cumulative_figure(table, view, "chart_cumulative")
    for trace in figure.data:
        assert [T(x) for x in trace.x] == sorted(set(table["date"]))
        assert trace.mode == "lines"  # no dot on each day: a count, not events


def test_the_total_is_drawn_thicker_than_any_force(small_events, refs):
    view = View(VIEW_DAY, "en")
    figure = charts.cumulative_figure(charts.cumulative_by_force(small_events, refs.departments, view), view,
                                      "chart_cumulative")
    widths = {trace.name: trace.line.width for trace in figure.data}
    total = widths.pop(i18n.t("total", "en"))
    assert widths and all(total > width for width in widths.values())


# --- The régions ----------------------------------------------------------------------------


def test_region_share_bars_are_in_the_app_accent_colour_with_their_count_beside_them(small_events, refs):
    view = View(VIEW_DAY)
    (bars,) = charts.region_progress_figure(charts.region_progress(small_events, refs.departments, view), view).data
    assert bars.marker.color.lower() == THEME["primaryColor"].lower()
    # Outside the bar: a région at 0 % still says "0/2", and the axis leaves room up to 105 %.
    assert bars.textposition == "outside"


def test_the_busiest_region_is_on_top_as_in_the_table(small_events):
    view = View(VIEW_DAY)
    figure = charts.region_events_figure(charts.region_events_by_force(small_events, view), view)
    assert figure.layout.yaxis.autorange == "reversed"  # Plotly would otherwise draw the first row at the bottom


# --- Durations and pockets ------------------------------------------------------------------


def test_a_duration_hover_gives_the_title_the_first_day_in_words_and_the_length(lang):
    (bar,) = charts.multi_day_figure(DURATIONS, View(VIEW_DAY, lang)).data
    words = i18n.format_date(D(1944, 8, 19), lang)
    assert hover(bar, 0) == (f"Insurrection\n{words} · 7 {i18n.t('days_unit', lang)}", "")


def test_duration_bars_of_different_forces_keep_their_full_thickness():
    table = pd.concat([DURATIONS, DURATIONS.assign(event_id="f", title="Siège", force_type="allied_army")])
    figure = charts.multi_day_figure(table, View(VIEW_DAY))
    assert len(figure.data) == 2
    # Each title is in one force's trace only: grouping would split every row into thin slots.
    assert figure.layout.barmode == "overlay"


@pytest.mark.parametrize("lang, expected", [
    ("fr", "Poche de Lorient : 12 août 1944 → 10 mai 1945 (271 jours)"),
    ("en", "Lorient pocket: 12 August 1944 → 10 May 1945 (271 days)"),
])
def test_a_pocket_hover_gives_its_name_its_two_dates_in_words_and_its_length(lang, expected):
    (bar,) = disputed_charts.pocket_spans_figure(pockets_table(lang), View(VIEW_DAY, lang)).data
    assert (D(1945, 5, 10) - D(1944, 8, 12)).days == 271
    assert hover(bar, 0) == (expected, "")


def test_pocket_bars_lie_flat_first_formed_on_top_in_a_readable_colour(lang):
    table = pockets_table(lang)
    figure = disputed_charts.pocket_spans_figure(table, View(VIEW_DAY, lang))
    (bar,) = figure.data
    assert bar.orientation == "h"
    assert list(bar.y) == table["pocket"].tolist() and figure.layout.yaxis.autorange == "reversed"
    assert contrast(bar.marker.color, THEME["backgroundColor"]) >= 3  # WCAG 1.4.11, on the page's background
    assert bar.marker.color not in FORCE_COLORS_HEX.values()  # a pocket is not one force's


def test_the_pocket_axis_names_the_months_in_the_page_language_across_all_the_bars(lang):
    axis = disputed_charts.pocket_spans_figure(pockets_table(lang), View(VIEW_DAY, lang)).layout.xaxis
    ticks, labels = i18n.month_ticks(D(1944, 8, 12), D(1945, 5, 10), lang)
    assert list(axis.tickvals) == [day.isoformat() for day in ticks] and list(axis.ticktext) == labels


# --- Disputed dates -------------------------------------------------------------------------


def test_the_disputed_band_is_a_shaded_area_between_invisible_stepped_edges(lang):
    lower, band, count = disputed_charts.disputed_pace_figure(DISPUTED, View(VIEW_DAY, lang)).data
    for trace in (lower, band, count):
        assert [T(x) for x in trace.x] == DISPUTED["date"].tolist()
        assert trace.mode == "lines" and trace.line.shape == "hv"  # no dots; a count steps on the day
    assert lower.line.width == 0 and band.line.width == 0  # the range is an area, not lines to read
    assert band.fill == "tonexty" and float(band.fillcolor.rstrip(")").split(",")[-1]) < 1  # the count shows through
    assert count.line.width > 0 and count.line.color not in FORCE_COLORS_HEX.values()


def test_the_disputed_band_lower_edge_has_no_hover_and_no_legend(lang):
    lower, band, count = disputed_charts.disputed_pace_figure(DISPUTED, View(VIEW_DAY, lang)).data
    assert lower.showlegend is False and lower.hoverinfo == "skip"  # else a "trace 0" in the legend and hover
    assert band.showlegend is not False and count.showlegend is not False


def test_the_disputed_hovers_give_the_date_in_words_the_count_and_which_line(lang):
    _, band, count = disputed_charts.disputed_pace_figure(DISPUTED, View(VIEW_DAY, lang)).data
    separator = {"fr": " : ", "en": ": "}[lang]
    day = i18n.format_date(D(1944, 8, 23), lang)
    assert hover(band, 0) == (f"{day}{separator}2", i18n.t("chart_dispute_band", lang))
    assert hover(count, 0) == (f"{day}{separator}1", i18n.t("chart_dispute_table", lang))
