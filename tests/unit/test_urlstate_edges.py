"""The edges of reading a link: the longest value allowed, lists with blanks, the date range's ends."""

import datetime as dt

import pytest

from dashboard.urlstate import MAX_PARAM_LENGTH, Notice, parse_query

D = dt.date
FIRST, LAST = D(1943, 9, 9), D(1945, 5, 31)


def parse(**params):
    return parse_query(params, FIRST, LAST, ("Bretagne", "Corse"), chapter_ids=("corse-1943",))


def test_a_value_of_the_longest_length_allowed_is_read():
    regions = ",".join(["Corse"] * (MAX_PARAM_LENGTH // 6)).ljust(MAX_PARAM_LENGTH, ",")
    assert len(regions) == MAX_PARAM_LENGTH
    parsed = parse(region=regions)
    assert parsed.values == {"region": ["Corse"]} and parsed.notices == []


def test_one_character_more_is_refused_and_the_notice_quotes_its_start():
    value = "Corse," * 100
    assert len(value) > MAX_PARAM_LENGTH
    parsed = parse(region=value, lang="en")
    assert parsed.values == {"lang": "en"}  # the other parameters are still read
    assert parsed.notices == [Notice("region", value[:40] + "…")]


def test_list_items_are_trimmed_and_blanks_skipped():
    parsed = parse(force=" axis , ,resistance,")
    assert parsed.values == {"force": ["resistance", "axis"]} and parsed.notices == []


def test_every_unknown_item_is_named_in_one_notice():
    parsed = parse(type="battle,sieges,picnic")
    assert parsed.values == {"type": ["battle"]}
    assert parsed.notices == [Notice("type", "sieges,picnic")]


def test_only_unknown_items_leave_the_filter_unset():
    assert parse(region="Atlantis").values == {}


@pytest.mark.parametrize("day, accepted", [
    (FIRST - dt.timedelta(days=1), False), (FIRST, True), (LAST, True), (LAST + dt.timedelta(days=1), False),
])
def test_the_date_range_includes_both_ends(day, accepted):
    parsed = parse(date=day.isoformat())
    assert parsed.values == ({"date": day} if accepted else {})
    assert parsed.notices == ([] if accepted else [Notice("date", day.isoformat())])


def test_a_value_from_another_parameters_vocabulary_is_refused():
    parsed = parse(lang="present", mode="en", chapter="fr")
    assert parsed.values == {}
    assert parsed.notices == [Notice("lang", "present"), Notice("mode", "en"), Notice("chapter", "fr")]


def test_a_link_language_wins_over_the_browsers_and_a_browser_locale_is_normalized():
    from dashboard.view import View, view_from_query

    first, last = D(1944, 6, 1), D(1944, 9, 30)
    assert view_from_query({}, first, last, (), (), "en-GB") == (View(D(1944, 6, 6), "en"), [])
    assert view_from_query({"lang": "fr"}, first, last, (), (), "en-GB")[0].lang == "fr"
    # A table that starts after D-Day opens on its own first day.
    assert view_from_query({}, D(1944, 7, 1), last, (), (), "fr")[0].date == D(1944, 7, 1)
