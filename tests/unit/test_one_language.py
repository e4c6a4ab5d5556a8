"""One language at a time in what the pure modules build: dates in words, axes with the app's own
month names, translated table headers, problem messages in the reader's language."""

import csv
import datetime as dt
import io

import pandas as pd
import pytest

from dashboard import chart_parts, charts, dates, disputed_charts, tables
from dashboard.csvcheck import csv_error_text
from dashboard.data import parse_events
from dashboard.filters import View

D = dt.date


@pytest.mark.parametrize("first, last, lang, ticks, labels", [
    (D(1944, 6, 6), D(1944, 9, 30), "fr", [D(1944, 7, 1), D(1944, 8, 1), D(1944, 9, 1)],
     ["juil.<br>1944", "août", "sept."]),
    (D(1944, 6, 1), D(1944, 8, 1), "en", [D(1944, 6, 1), D(1944, 7, 1), D(1944, 8, 1)], ["Jun<br>1944", "Jul", "Aug"]),
    (D(1944, 11, 15), D(1945, 2, 1), "fr", [D(1944, 12, 1), D(1945, 1, 1), D(1945, 2, 1)],
     ["déc.<br>1944", "janv.<br>1945", "févr."]),
    (D(1944, 7, 19), D(1944, 9, 1), "fr", [D(1944, 8, 1), D(1944, 8, 15), D(1944, 9, 1)],
     ["1er août<br>1944", "15 août", "1er sept."]),
    (D(1944, 12, 10), D(1945, 1, 20), "en", [D(1944, 12, 15), D(1945, 1, 1), D(1945, 1, 15)],
     ["15 Dec<br>1944", "1 Jan<br>1945", "15 Jan"]),
    (D(1944, 8, 2), D(1944, 8, 14), "fr", [], []),
], ids=["summer fr", "first of month included en", "new year", "short span fr", "short span over new year en",
        "no tick day"])
def test_month_ticks_are_named_in_the_page_language(first, last, lang, ticks, labels):
    assert dates.month_ticks(first, last, lang) == (ticks, labels)


def test_a_long_span_keeps_at_most_eight_ticks_a_whole_number_of_months_apart():
    ticks, labels = dates.month_ticks(D(1943, 9, 9), D(1945, 5, 8), "en")  # 20 months
    assert 1 < len(ticks) <= dates.MOST_TICKS
    gaps = {(later.year - earlier.year) * 12 + later.month - earlier.month for earlier, later in zip(ticks, ticks[1:])}
    assert gaps == {3}
    assert [label for label in labels if "<br>" in label] == ["Oct<br>1943", "Jan<br>1944", "Jan<br>1945"]


@pytest.mark.parametrize("day, expected", [
    (pd.Timestamp("1944-08-25"), "25 août 1944"), (D(1944, 9, 1), "1er septembre 1944"),
    (pd.NaT, ""), (None, ""), (float("nan"), ""),
])
def test_a_missing_date_is_blank(day, expected):
    assert dates.format_optional_date(day, "fr") == expected


def test_explorer_dates_are_words_and_a_missing_end_is_blank(small_events):
    paris = small_events[small_events["event_id"].isin(["insurrection-paris", "liberation-paris"])]
    shown = tables.explorer_table(paris, "fr", {})
    assert shown["Date"].tolist() == ["19 août 1944", "25 août 1944"]
    assert shown["Fin"].tolist() == ["25 août 1944", ""]
    downloaded = tables.explorer_table(paris, "en", {}, dates_as_words=False)
    assert downloaded["Date"].tolist() == ["1944-08-19", "1944-08-25"]
    assert downloaded["End"].tolist() == ["1944-08-25", ""]


@pytest.mark.parametrize("lang, headers", [("fr", ["Source", "Lignes"]), ("en", ["Source", "Rows"])])
def test_sources_table_headers_are_translated(small_events, lang, headers):
    counts = tables.source_counts(small_events, lang)
    assert list(counts.columns) == headers
    assert len(counts) > 0 and counts[headers[1]].min() >= 1


def test_chart_tables_have_translated_headers_and_dates_in_words(small_events, refs):
    table = charts.cumulative_by_force(small_events, refs.departments, View(date=D(1944, 9, 1), lang="fr"))
    shown = chart_parts.localized(table, "fr")
    assert list(shown.columns) == ["Date", "Série", "Cumul"]
    assert "19 juillet 1944" in set(shown["Date"])  # Caen, the first préfecture of the small table
    assert "Total" in set(shown["Série"]) and "total" not in set(shown["Série"])
    downloaded = chart_parts.localized(table, "en", dates_as_words=False)
    assert list(downloaded.columns) == ["Date", "Series", "Cumulative"]
    assert D(1944, 7, 19) in set(downloaded["Date"])


def _date_axes(figure):
    return [axis for name, axis in figure.layout.to_plotly_json().items() if name.startswith("xaxis")
            and axis.get("type") == "date"]


@pytest.mark.parametrize("lang, month", [("fr", "août"), ("en", "Aug")])
def test_date_axes_carry_month_names_of_the_page_language(small_events, refs, lang, month):
    view = View(date=D(1944, 8, 20), lang=lang)
    figures = [
        charts.cumulative_figure(charts.cumulative_by_force(small_events, refs.departments, view), view, "chart_cumulative"),
        charts.multi_day_figure(charts.multi_day_events(small_events, view, refs.force_type_of_actor), view),
        disputed_charts.disputed_pace_figure(disputed_charts.disputed_pace(small_events, refs.departments, view), view),
    ]
    for figure in figures:
        (axis,) = _date_axes(figure)
        assert axis["tickmode"] == "array" and any(month in label for label in axis["ticktext"])
        assert len(axis["tickvals"]) == len(axis["ticktext"])
        hovers = " ".join(str(trace.hovertemplate) + str(trace.customdata) for trace in figure.data)
        assert "%Y" not in hovers and "%b" not in hovers and "%B" not in hovers
    assert {"fr": "25 août 1944", "en": "25 August 1944"}[lang] in figures[0].data[0].customdata  # Paris


def test_pocket_chart_days_unit_follows_the_language(refs):
    pockets = pd.DataFrame({"name_fr": ["Lorient"], "name_en": ["Lorient"], "formed": ["1944-08-12"],
                            "surrendered": ["1945-05-10"]})
    view = View(date=D(1945, 1, 1), lang="en")
    figure = disputed_charts.pocket_spans_figure(disputed_charts.pocket_spans(pockets, "en"), view)
    assert "days" in figure.data[0].hovertemplate and " j)" not in figure.data[0].hovertemplate
    assert "12 August 1944" in str(figure.data[0].customdata)


def _csv_error(text):
    with pytest.raises(csv.Error) as caught:
        list(csv.reader(io.StringIO(text, newline=""), strict=True))
    return caught.value


@pytest.mark.parametrize("text", ['a,b\n"x"y,1\n', 'a,b\n"x,1'], ids=["text after a quote", "unclosed quote"])
def test_csv_errors_are_explained_in_french_without_python_english(text):
    error = _csv_error(text)
    french, english = csv_error_text(error)
    assert english == str(error)
    assert str(error) not in french and french != "syntaxe CSV incorrecte"


def test_a_malformed_line_of_the_event_table_speaks_french_in_french(refs):
    header = "event_id,date,end_date,event_type,place,department_code,region,lat,lon,actors,title_fr,title_en,description_fr,description_en,source,source_url"
    result = parse_events(header + '\n"broken,1944-08-25\n', refs)
    (problem,) = result.problems
    assert "unexpected" not in problem.text("fr") and "guillemet" in problem.text("fr")
    assert "unexpected end of data" in problem.text("en")
