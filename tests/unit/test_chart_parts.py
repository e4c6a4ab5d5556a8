"""What every chart shares: which forces it shows, its date axis, its table made ready to show
or download."""

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import pytest

from dashboard import chart_parts, i18n
from dashboard.data import FORCE_TYPES
from dashboard.view import View

D = dt.date
T = pd.Timestamp


def test_the_charts_show_the_filtered_forces_in_the_legend_order():
    assert chart_parts.shown_forces(View(D(1944, 8, 25))) == list(FORCE_TYPES)
    chosen = View(D(1944, 8, 25), force_types=("axis", "resistance"))
    assert chart_parts.shown_forces(chosen) == [f for f in FORCE_TYPES if f in ("axis", "resistance")]


def test_the_date_axis_reaches_the_view_date_beyond_the_data():
    axis = chart_parts.date_axis(pd.Series([T("1944-06-06"), pd.NaT, T("1944-07-20")]), View(D(1944, 10, 2), "en"))
    ticks, labels = i18n.month_ticks(D(1944, 6, 6), D(1944, 10, 2), "en")
    assert axis == {"type": "date", "tickmode": "array", "tickvals": [day.isoformat() for day in ticks],
                    "ticktext": labels}
    assert axis["tickvals"][-1] == "1944-10-01"


def test_the_date_axis_reaches_back_to_a_view_date_before_the_data():
    axis = chart_parts.date_axis([T("1944-09-20")], View(D(1944, 6, 30), "fr"))
    assert axis["tickvals"][0] == "1944-07-01" and axis["ticktext"][0].startswith("juil.")


@pytest.mark.parametrize("lang, expected", [("fr", " : "), ("en", ": ")])
def test_colon_follows_each_language_typography(lang, expected):
    assert chart_parts.colon(lang) == expected


def test_dates_in_words_leave_a_missing_date_blank():
    assert chart_parts.dates_in_words(pd.Series([T("1944-09-01"), pd.NaT]), "fr") == ["1er septembre 1944", ""]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_chart_table_is_shown_with_every_label_translated(lang):
    table = pd.DataFrame({
        "event_id": ["x", "y", "z"],
        "series": ["total", "entirely_free", "axis"],
        "force_type": ["resistance", "french_army", "other"],
        "region": ["Bretagne", "Corse", "Atlantis"],
        "actor": ["FFI", "2e DB", "?"],
        "start": [T("1944-08-19"), T("1944-08-25"), pd.NaT],
    })
    shown = chart_parts.localized(table, lang, {"FFI": "Forces françaises de l'intérieur"})
    assert list(shown.columns) == [i18n.column_label(c, lang) for c in ("series", "force_type", "region", "actor",
                                                                        "start")]
    rows = shown.to_dict("list")
    assert rows[i18n.column_label("series", lang)] == [i18n.t("total", lang), i18n.t("entirely_free", lang),
                                                       i18n.force_type_label("axis", lang)]
    assert rows[i18n.column_label("force_type", lang)] == [i18n.force_type_label(f, lang) for f in
                                                           ("resistance", "french_army", "other")]
    assert rows[i18n.column_label("region", lang)] == [i18n.region_label("Bretagne", lang),
                                                       i18n.region_label("Corse", lang), "Atlantis"]
    assert rows[i18n.column_label("actor", lang)] == ["Forces françaises de l'intérieur", "2e DB", "?"]
    assert rows[i18n.column_label("start", lang)] == [i18n.format_date(D(1944, 8, 19), lang),
                                                      i18n.format_date(D(1944, 8, 25), lang), ""]
    assert table["series"].tolist() == ["total", "entirely_free", "axis"]  # the chart's own table is untouched


def test_a_chart_table_downloads_dates_a_spreadsheet_sorts():
    table = pd.DataFrame({"formed": [T("1944-08-12")], "surrendered": [T("1945-05-10")], "end": [T("1944-08-25")],
                          "date": [T("1944-08-25")]})
    downloaded = chart_parts.localized(table, "en", dates_as_words=False)
    assert downloaded.to_dict("list") == {"Formed": [D(1944, 8, 12)], "Surrendered": [D(1945, 5, 10)],
                                          "End": [D(1944, 8, 25)], "Date": [D(1944, 8, 25)]}
    shown = chart_parts.localized(table, "fr")
    assert shown.to_dict("list") == {"Formée le": ["12 août 1944"], "Reddition": ["10 mai 1945"],
                                     "Fin": ["25 août 1944"], "Date": ["25 août 1944"]}


def test_actor_labels_leave_a_table_without_actors_alone():
    table = pd.DataFrame({"region": ["Corse"], "events": [2]})
    shown = chart_parts.localized(table, "en", {"FFI": "French Forces of the Interior"})
    assert shown.to_dict("list") == {i18n.column_label("region", "en"): [i18n.region_label("Corse", "en")],
                                     i18n.column_label("events", "en"): [2]}


@pytest.mark.parametrize("labelled", [True, False])
def test_the_date_marker_is_labelled_only_when_asked(labelled):
    figure = go.Figure()
    chart_parts.add_date_marker(figure, View(date=dt.date(1944, 8, 25), lang="en"), labelled=labelled)
    assert len(figure.layout.shapes) == 1 and figure.layout.shapes[0].line.dash == "dash"
    assert [a.text for a in figure.layout.annotations] == (["25 August 1944"] if labelled else [])
