import datetime as dt

import pytest

from dashboard.urlstate import Notice, parse_query
from dashboard.view import View, to_query

D = dt.date
FIRST, LAST = D(1943, 9, 9), D(1945, 5, 31)
REGIONS = ("Bretagne", "Corse", "Provence-Alpes-Côte d'Azur")


def parse(**params):
    return parse_query(params, FIRST, LAST, REGIONS, chapter_ids=("corse-1943", "8-mai-1945"))


@pytest.mark.parametrize("params, values", [
    ({"date": "1944-08-25"}, {"date": D(1944, 8, 25)}),
    ({"lang": "en"}, {"lang": "en"}),
    ({"force": "axis,resistance"}, {"force": ["resistance", "axis"]}),
    ({"type": "massacre"}, {"type": ["massacre"]}),
    ({"region": "Provence-Alpes-Côte d'Azur,Corse"}, {"region": ["Corse", "Provence-Alpes-Côte d'Azur"]}),
    ({"chapter": "corse-1943", "mode": "present"}, {"chapter": "corse-1943", "mode": "present"}),
    ({"utm_source": "mail"}, {}),
])
def test_valid_values_are_read(params, values):
    parsed = parse(**params)
    assert parsed.values == values and parsed.notices == []


@pytest.mark.parametrize("params, notice", [
    ({"date": "1944-02-30"}, Notice("date", "1944-02-30")),
    ({"date": "2044-08-25"}, Notice("date", "2044-08-25")),  # out of range
    ({"date": "25/08/1944"}, Notice("date", "25/08/1944")),
    ({"date": "19440825"}, Notice("date", "19440825")),
    ({"date": "1944-W34-5"}, Notice("date", "1944-W34-5")),  # an ISO week date: same length, refused
    ({"date": "1944-08-25T12:00"}, Notice("date", "1944-08-25T12:00")),
    ({"date": " 1944-08-25"}, Notice("date", " 1944-08-25")),
    ({"lang": "de"}, Notice("lang", "de")),
    ({"force": "martians"}, Notice("force", "martians")),
    ({"chapter": "atlantis"}, Notice("chapter", "atlantis")),
    ({"mode": "kiosk"}, Notice("mode", "kiosk")),
    ({"region": "<script>alert(1)</script>"}, Notice("region", "<script>alert(1)</script>")),
])
def test_invalid_values_fall_back_with_a_notice(params, notice):
    parsed = parse(**params)
    assert parsed.values == {} and parsed.notices == [notice]


def test_known_values_survive_next_to_unknown_ones():
    parsed = parse(force="axis,martians")
    assert parsed.values == {"force": ["axis"]} and parsed.notices == [Notice("force", "martians")]


def test_overlong_value_is_refused_and_shortened_in_the_notice():
    parsed = parse(region="x" * 5000)
    assert parsed.values == {} and len(parsed.notices[0].value) < 50


def test_round_trip():
    query = to_query(View(D(1944, 8, 25), "en", ("resistance", "axis"), (), ("Corse",), "corse-1943", "present"))
    assert query == {"date": "1944-08-25", "lang": "en", "force": "resistance,axis", "region": "Corse",
                     "chapter": "corse-1943", "mode": "present"}
    parsed = parse(**query)
    assert parsed.values == {"date": D(1944, 8, 25), "lang": "en", "force": ["resistance", "axis"], "region": ["Corse"],
                             "chapter": "corse-1943", "mode": "present"}
    assert to_query(View(D(1944, 8, 25), "fr")) == {"date": "1944-08-25", "lang": "fr"}
